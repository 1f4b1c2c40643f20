import { endOfLocalDay, startOfLocalDay } from '../business-calendar.js';
import { findService } from '../catalog/services.js';
import { findStaffMember } from '../catalog/staff.js';
import { findServiceIdsOf, toStaffMember } from '../catalog/staff-repository.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/dialect.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { type AvailabilityMode, availableSlots, type Slot } from '../scheduling/availability.js';
import { modeFor, type SlotAudience, slotRulesFor } from '../scheduling/slot-rules.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';
import { findBookingWithParties, findBusyIntervals } from './booking-repository.js';
import { bookableWith } from './service-offer.js';

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

/**
 * The times a customer can move their booking to: the booking, its service and its staff member are read in
 * one query (someone else's booking is not found), then the slots as findAvailableSlots computes them.
 */
export async function findRescheduleSlots(
  env: { store: Store; clock: Clock },
  request: { bookingId: string; customerId: string; fromDate: string; toDate: string },
): Promise<Result<SlotAnswer>> {
  const { db } = env.store;
  const parties = await findBookingWithParties(db, request.bookingId, request.customerId);
  if (!parties) return notFound('booking');
  const { booking, service, staff } = parties;
  if (request.toDate < request.fromDate) return fail('validation_failed', 'must not be before from', 'to');
  const [settings, serviceIds] = await Promise.all([
    readSettings(db),
    staff ? findServiceIdsOf(db, booking.staffId) : [],
  ]);
  const member = staff ? toStaffMember(staff, serviceIds) : undefined;
  return slotsWith(env, settings, bookableWith(service ?? undefined, member), {
    serviceId: booking.serviceId,
    staffId: booking.staffId,
    fromDate: request.fromDate,
    toDate: request.toDate,
    exceptBookingId: booking.id,
    audience: 'customer',
  });
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
