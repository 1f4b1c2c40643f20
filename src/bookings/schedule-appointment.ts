import { fail, type Result } from '../domain-error.js';
import { slotRefusalMessage } from '../portal/change-messages.js';
import { checkSlot, type SlotRefusal } from '../scheduling/availability.js';
import { readSettings } from '../settings/settings-repository.js';
import type { Booking } from './booking.js';
import { findBusyIntervalsByStaff } from './booking-repository.js';
import { type ChangeContext, type IdempotentRequest, writeBookingChange } from './booking-write.js';
import { newBooking, placeBooking } from './create-booking.js';
import type { CustomerIdentity } from './customer-change.js';
import { modeFor, slotRulesFor } from './find-available-slots.js';
import { loadOfferedService } from './service-availability.js';

const DAY = 86_400_000;

/** Which refusal to report when no staff member can take the time: "taken" says most, "not offered" least. */
const REFUSAL_RANK: SlotRefusal[] = [
  'slot_unavailable',
  'minimum_notice',
  'outside_booking_window',
  'outside_working_hours',
];

/**
 * A customer books a new appointment ("Schedule an appointment"): the first staff member who performs the
 * service and is free at that time gets it, under the same rules as a reschedule.
 */
export async function scheduleAppointment(
  context: ChangeContext,
  identity: CustomerIdentity,
  request: { serviceId: string; startsAt: number; notes: string | null },
  idempotency?: IdempotentRequest,
): Promise<Result<Booking>> {
  const { store, clock } = context;
  const now = clock.now();
  return writeBookingChange(context, idempotency, now, async (tx) => {
    const [settings, offered] = await Promise.all([
      readSettings(tx),
      loadOfferedService(tx, request.serviceId),
    ]);
    if (!offered.ok) return offered;
    const { service, staff } = offered.value;
    const mode = modeFor(settings, 'customer');
    const durationMs = service.durationMinutes * 60_000;
    const busy =
      mode === 'real_time'
        ? await findBusyIntervalsByStaff(
            tx,
            staff.map((member) => member.id),
            { start: request.startsAt - DAY, end: request.startsAt + durationMs + DAY },
          )
        : new Map();
    const refusals: SlotRefusal[] = [];
    for (const member of staff) {
      const rules = slotRulesFor(
        settings,
        { service, staff: member },
        'customer',
        now,
        mode,
        busy.get(member.id) ?? [],
      );
      const check = checkSlot(rules, request.startsAt);
      if (!check.ok) {
        refusals.push(check.code);
        continue;
      }
      const booking = newBooking(
        {
          customerId: identity.customerId,
          serviceId: service.id,
          staffId: member.id,
          startsAt: request.startsAt,
          notes: request.notes,
          allowConflict: mode === 'working_hours',
        },
        service,
        now,
      );
      // A new booking is made in the portal, whichever door the customer came in by.
      return placeBooking(
        tx,
        store.dialect,
        booking,
        service,
        { actor: 'customer', channel: 'portal' },
        { checkConflicts: mode === 'real_time' },
        now,
      );
    }
    const code = REFUSAL_RANK.find((candidate) => refusals.includes(candidate)) ?? 'outside_working_hours';
    return fail(code, slotRefusalMessage(code, settings), 'startsAt');
  });
}
