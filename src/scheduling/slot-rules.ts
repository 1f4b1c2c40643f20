import type { AvailabilityMode, SlotRules } from './availability.js';
import { BOOKABLE_YEARS_AHEAD } from './bookable-range.js';
import type { WorkingHours } from './working-hours.js';

/**
 * Whose rules apply: a customer gets the business's portal rules (minimum notice, booking window, real-time or
 * working-hours mode); the office sees every free time from now on, always against real availability. A
 * customer answering the office's reschedule request gets the portal's notice and window, but always real
 * availability: the office asked them to move, not to overlap other work.
 */
export type SlotAudience = 'customer' | 'office' | 'requested';

/** The office is offered every time it may book: whole days that any five years hold. */
export const OFFICE_BOOKING_WINDOW_DAYS = BOOKABLE_YEARS_AHEAD * 365;

/** The parts of the business settings that shape availability (BusinessSettings has them all). */
export interface AvailabilityPolicy {
  timezone: string;
  workingHours: WorkingHours;
  slotIntervalMinutes: number;
  bookingWindowDays: number;
  customerPortal: { realTimeAvailability: boolean; minimumNoticeMinutes: number };
}

export interface BookableTime {
  service: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
  /** null working hours: the business's own. */
  staff: { workingHours: WorkingHours | null };
}

export function modeFor(policy: AvailabilityPolicy, audience: SlotAudience): AvailabilityMode {
  return audience !== 'customer' || policy.customerPortal.realTimeAvailability
    ? 'real_time'
    : 'working_hours';
}

/** The slot rules for this audience; `busy` is only read in real-time mode (see modeFor). */
export function slotRulesFor(
  policy: AvailabilityPolicy,
  bookable: BookableTime,
  audience: SlotAudience,
  now: number,
  busy: SlotRules['busy'],
): SlotRules {
  const forCustomer = audience !== 'office';
  return {
    timeZone: policy.timezone,
    workingHours: bookable.staff.workingHours ?? policy.workingHours,
    durationMinutes: bookable.service.durationMinutes,
    bufferBeforeMinutes: bookable.service.bufferBeforeMinutes,
    bufferAfterMinutes: bookable.service.bufferAfterMinutes,
    slotIntervalMinutes: policy.slotIntervalMinutes,
    bookingWindowDays: forCustomer ? policy.bookingWindowDays : OFFICE_BOOKING_WINDOW_DAYS,
    minimumNoticeMinutes: forCustomer ? policy.customerPortal.minimumNoticeMinutes : 0,
    now,
    mode: modeFor(policy, audience),
    busy,
  };
}
