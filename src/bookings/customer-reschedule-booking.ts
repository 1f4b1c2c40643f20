import { fail, type Result } from '../domain-error.js';
import { changeRefusalMessage, slotRefusalMessage } from '../portal/change-messages.js';
import { checkSlot } from '../scheduling/availability.js';
import { customerMayReschedule } from '../scheduling/change-policy.js';
import { loadBookableService } from './bookable-service.js';
import type { Booking } from './booking.js';
import { countCustomerReschedules, findBusyIntervals } from './booking-repository.js';
import { type ChangeContext, type IdempotentRequest, writeBookingChange } from './booking-write.js';
import { type CustomerIdentity, loadOwnBookingForChange, originOf } from './customer-change.js';
import { modeFor, slotRulesFor } from './find-available-slots.js';
import { moveBooking } from './reschedule-booking.js';

const DAY = 86_400_000;

export interface CustomerRescheduleRequest {
  bookingId: string;
  startsAt: number;
  reason: string | null;
  expectedVersion: number | undefined;
}

/**
 * A customer moves their own booking. Every rule is checked here, at the write, against the data as it is
 * now: the reschedule flag, the booking's status, the minimum notice (for the current and the new time),
 * working hours, the booking window, real-time availability and the per-booking limit.
 */
export async function customerRescheduleBooking(
  context: ChangeContext,
  identity: CustomerIdentity,
  request: CustomerRescheduleRequest,
  idempotency?: IdempotentRequest,
): Promise<Result<Booking>> {
  const { store, clock } = context;
  const now = clock.now();
  return writeBookingChange(context, idempotency, now, async (tx) => {
    const loaded = await loadOwnBookingForChange(
      tx,
      store,
      identity,
      request.bookingId,
      request.expectedVersion,
    );
    if (!loaded.ok) return loaded;
    const { booking, settings } = loaded.value;

    const customerReschedules = await countCustomerReschedules(tx, booking.id);
    const decision = customerMayReschedule({ ...booking, customerReschedules }, settings.customerPortal, now);
    if (!decision.allowed) return fail(decision.code, changeRefusalMessage(decision.code, settings, booking));

    const bookable = await loadBookableService(tx, booking.serviceId, booking.staffId);
    if (!bookable.ok) return bookable;
    const durationMs = booking.endsAt - booking.startsAt;
    const mode = modeFor(settings, 'customer');
    const busy =
      mode === 'real_time'
        ? await findBusyIntervals(
            tx,
            booking.staffId,
            { start: request.startsAt - DAY, end: request.startsAt + durationMs + DAY },
            booking.id,
          )
        : [];
    // The booking keeps its own length, even if the service's has changed since.
    const service = { ...bookable.value.service, durationMinutes: durationMs / 60_000 };
    const check = checkSlot(
      slotRulesFor(settings, { service, staff: bookable.value.staff }, 'customer', now, mode, busy),
      request.startsAt,
    );
    if (!check.ok) return fail(check.code, slotRefusalMessage(check.code, settings), 'startsAt');

    // Working-hours-only mode takes the time even if it overlaps: the office resolves such conflicts.
    const allowConflict = mode === 'working_hours';
    return moveBooking(tx, store.dialect, booking, { ...request, allowConflict }, originOf(identity), now);
  });
}
