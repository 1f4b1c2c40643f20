import { endOfLocalDay, startOfLocalDay } from '../business-calendar.js';
import { findService } from '../catalog/services.js';
import { findStaffMember } from '../catalog/staff.js';
import { findServiceIdsOf, listStaff, toStaffMember } from '../catalog/staff-repository.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/dialect.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { type AvailabilityMode, availableSlots, type Slot } from '../scheduling/availability.js';
import { customerMayMoveTo } from '../scheduling/change-policy.js';
import { isAnswerable } from '../scheduling/reschedule-requests.js';
import { modeFor, type SlotAudience, slotRulesFor } from '../scheduling/slot-rules.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';
import { findBookingWithParties, findBusyIntervals } from './booking-repository.js';
import { findPendingRequest } from './reschedule-request-repository.js';
import { bookableWith } from './service-offer.js';
import { allowsStaffChange } from './staff-change.js';

export const MAX_SLOT_RANGE_DAYS = 62;
const DAY = 86_400_000;

export interface SlotQuery {
  serviceId: string;
  staffId: string;
  fromDate: string;
  toDate: string;
  /** The booking being moved: it never blocks itself. */
  exceptBookingId: string | null;
  audience: SlotAudience;
}

export interface SlotAnswer {
  timeZone: string;
  mode: AvailabilityMode;
  slots: Slot[];
}

export async function findAvailableSlots(
  env: { store: Store; clock: Clock },
  query: SlotQuery,
): Promise<Result<SlotAnswer>> {
  const { store } = env;
  if (query.toDate < query.fromDate) return fail('validation_failed', 'must not be before from', 'to');
  const [settings, service, staff] = await Promise.all([
    readSettings(store.db),
    findService(store.db, query.serviceId),
    findStaffMember(store.db, query.staffId),
  ]);
  return slotsWith(env, settings, bookableWith(service, staff), query);
}

/** A free time, and (when the customer may choose) with whom. */
export interface StaffSlot extends Slot {
  staff?: { id: string; name: string };
}

export interface RescheduleSlotAnswer {
  timeZone: string;
  mode: AvailabilityMode;
  slots: StaffSlot[];
}

/**
 * The times a customer can move their booking to: the booking, its service and its staff member are read in
 * one query (someone else's booking is not found), then the slots as findAvailableSlots computes them. Under
 * the office's pending request, the staff it names and real availability; with a change of staff member
 * allowed, everyone who performs the service. Either way each slot says with whom.
 */
export async function findRescheduleSlots(
  env: { store: Store; clock: Clock },
  request: { bookingId: string; customerId: string; fromDate: string; toDate: string },
): Promise<Result<RescheduleSlotAnswer>> {
  const { db } = env.store;
  const parties = await findBookingWithParties(db, request.bookingId, request.customerId);
  if (!parties) return notFound('booking');
  const { booking, service, staff } = parties;
  if (request.toDate < request.fromDate) return fail('validation_failed', 'must not be before from', 'to');
  const [settings, serviceIds, pending] = await Promise.all([
    readSettings(db),
    staff ? findServiceIdsOf(db, booking.staffId) : [],
    findPendingRequest(db, booking.id),
  ]);
  const asked = pending && isAnswerable(pending, env.clock.now()) ? pending : null;
  const member = staff ? toStaffMember(staff, serviceIds) : undefined;
  const query = {
    serviceId: booking.serviceId,
    staffId: booking.staffId,
    fromDate: request.fromDate,
    toDate: request.toDate,
    exceptBookingId: booking.id,
    audience: asked ? ('requested' as const) : ('customer' as const),
  };
  if (!asked && !allowsStaffChange(settings)) {
    return slotsWith(env, settings, bookableWith(service ?? undefined, member), query);
  }
  const everyone = await listStaff(db);
  const choices = everyone.filter((candidate) =>
    customerMayMoveTo(candidate, booking, { allowStaffChange: allowsStaffChange(settings) }, asked),
  );
  const slots: StaffSlot[] = [];
  let mode: AvailabilityMode = modeFor(settings, query.audience);
  for (const choice of choices) {
    const answer = await slotsWith(env, settings, bookableWith(service ?? undefined, choice), {
      ...query,
      staffId: choice.id,
    });
    if (!answer.ok) continue;
    mode = answer.value.mode;
    for (const slot of answer.value.slots)
      slots.push({ ...slot, staff: { id: choice.id, name: choice.name } });
  }
  slots.sort((a, b) => a.startsAt - b.startsAt || ((a.staff?.name ?? '') < (b.staff?.name ?? '') ? -1 : 1));
  return ok({ timeZone: settings.timezone, mode, slots });
}

async function slotsWith(
  env: { store: Store; clock: Clock },
  settings: BusinessSettings,
  bookable: ReturnType<typeof bookableWith>,
  query: SlotQuery,
): Promise<Result<SlotAnswer>> {
  if (!bookable.ok) return bookable;
  const range = slotRange(settings, query.fromDate, query.toDate);
  if (!range.ok) return range;
  const mode = modeFor(settings, query.audience);
  // Busy times a day either side still reach into the range through buffers.
  const busy =
    mode === 'real_time'
      ? await findBusyIntervals(env.store.db, query.staffId, range.value, query.exceptBookingId)
      : [];
  const rules = slotRulesFor(settings, bookable.value, query.audience, env.clock.now(), busy);
  return ok({
    timeZone: settings.timezone,
    mode,
    slots: availableSlots(rules, query.fromDate, query.toDate),
  });
}

/** The instants whose busy times can matter to slots on these business-zone dates; a bounded span. */
export function slotRange(
  settings: Pick<BusinessSettings, 'timezone'>,
  fromDate: string,
  toDate: string,
): Result<{ start: number; end: number }> {
  const start = startOfLocalDay(fromDate, settings.timezone);
  const end = endOfLocalDay(toDate, settings.timezone);
  if (end - start > (MAX_SLOT_RANGE_DAYS + 1) * DAY) {
    return fail('validation_failed', `a range can span at most ${MAX_SLOT_RANGE_DAYS} days`, 'to');
  }
  return ok({ start: start - DAY, end: end + DAY });
}
