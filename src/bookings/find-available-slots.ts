import { endOfLocalDay, startOfLocalDay } from '../business-calendar.js';
import type { Clock } from '../clock.js';
import type { Store } from '../db/dialect.js';
import { fail, ok, type Result } from '../domain-error.js';
import {
  type AvailabilityMode,
  availableSlots,
  type Slot,
  type SlotRules,
} from '../scheduling/availability.js';
import { BOOKABLE_YEARS_AHEAD } from '../scheduling/bookable-range.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';
import { loadBookableService } from './bookable-service.js';
import { findBusyIntervals } from './booking-repository.js';

export const MAX_SLOT_RANGE_DAYS = 62;
const DAY = 86_400_000;
/** The office is offered every time it may book: whole days that any five years hold. */
const OFFICE_WINDOW_DAYS = BOOKABLE_YEARS_AHEAD * 365;

/**
 * Whose rules apply: a customer gets the business's portal rules (minimum notice, booking window, real-time or
 * working-hours mode); the office sees every free time from now on.
 */
export type SlotAudience = 'customer' | 'office';

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

export function modeFor(settings: BusinessSettings, audience: SlotAudience): AvailabilityMode {
  return audience === 'office' || settings.customerPortal.realTimeAvailability
    ? 'real_time'
    : 'working_hours';
}

export async function findAvailableSlots(
  context: { store: Store; clock: Clock },
  query: SlotQuery,
): Promise<Result<SlotAnswer>> {
  const { store, clock } = context;
  if (query.toDate < query.fromDate) return fail('validation_failed', 'must not be before from', 'to');
  const [settings, bookable] = await Promise.all([
    readSettings(store.db),
    loadBookableService(store.db, query.serviceId, query.staffId),
  ]);
  if (!bookable.ok) return bookable;
  const { timezone } = settings;
  const rangeStart = startOfLocalDay(query.fromDate, timezone);
  const rangeEnd = endOfLocalDay(query.toDate, timezone);
  if (rangeEnd - rangeStart > (MAX_SLOT_RANGE_DAYS + 1) * DAY) {
    return fail('validation_failed', `a range can span at most ${MAX_SLOT_RANGE_DAYS} days`, 'to');
  }
  const mode = modeFor(settings, query.audience);
  // Busy times a day either side still reach into the range through buffers.
  const busy =
    mode === 'real_time'
      ? await findBusyIntervals(
          store.db,
          query.staffId,
          { start: rangeStart - DAY, end: rangeEnd + DAY },
          query.exceptBookingId,
        )
      : [];
  const rules = slotRulesFor(settings, bookable.value, query.audience, clock.now(), mode, busy);
  return ok({ timeZone: timezone, mode, slots: availableSlots(rules, query.fromDate, query.toDate) });
}

export function slotRulesFor(
  settings: BusinessSettings,
  bookable: {
    service: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
    staff: { workingHours: SlotRules['workingHours'] | null };
  },
  audience: SlotAudience,
  now: number,
  mode: AvailabilityMode,
  busy: SlotRules['busy'],
): SlotRules {
  const forCustomer = audience === 'customer';
  return {
    timeZone: settings.timezone,
    workingHours: bookable.staff.workingHours ?? settings.workingHours,
    durationMinutes: bookable.service.durationMinutes,
    bufferBeforeMinutes: bookable.service.bufferBeforeMinutes,
    bufferAfterMinutes: bookable.service.bufferAfterMinutes,
    slotIntervalMinutes: settings.slotIntervalMinutes,
    bookingWindowDays: forCustomer ? settings.bookingWindowDays : OFFICE_WINDOW_DAYS,
    minimumNoticeMinutes: forCustomer ? settings.customerPortal.minimumNoticeMinutes : 0,
    now,
    mode,
    busy,
  };
}
