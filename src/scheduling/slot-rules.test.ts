import { describe, expect, it } from 'vitest';
import { type AvailabilityPolicy, modeFor, OFFICE_BOOKING_WINDOW_DAYS, slotRulesFor } from './slot-rules.js';
import { closedWeek, hoursOn } from './test-support.js';

const policy = (realTimeAvailability: boolean): AvailabilityPolicy => ({
  timezone: 'Europe/Berlin',
  workingHours: hoursOn('mon', { start: '09:00', end: '17:00' }),
  slotIntervalMinutes: 15,
  bookingWindowDays: 30,
  customerPortal: { realTimeAvailability, minimumNoticeMinutes: 120 },
});
const bookable = {
  service: { durationMinutes: 60, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 },
  staff: { workingHours: null },
};
const busy = [{ start: 1, end: 2 }];

describe('slot rules', () => {
  it("gives a customer the business's portal rules", () => {
    expect(slotRulesFor(policy(false), bookable, 'customer', 7, busy)).toEqual({
      timeZone: 'Europe/Berlin',
      workingHours: policy(false).workingHours,
      durationMinutes: 60,
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 10,
      slotIntervalMinutes: 15,
      bookingWindowDays: 30,
      minimumNoticeMinutes: 120,
      now: 7,
      mode: 'working_hours',
      busy,
    });
  });

  it('gives the office real availability from now on, far ahead', () => {
    const rules = slotRulesFor(policy(false), bookable, 'office', 7, busy);
    expect(rules).toMatchObject({
      mode: 'real_time',
      minimumNoticeMinutes: 0,
      bookingWindowDays: OFFICE_BOOKING_WINDOW_DAYS,
    });
  });

  it("uses the staff member's own hours when they have them", () => {
    const own = closedWeek();
    expect(
      slotRulesFor(policy(true), { ...bookable, staff: { workingHours: own } }, 'customer', 0, [])
        .workingHours,
    ).toBe(own);
  });

  it('follows the real-time switch for customers only', () => {
    expect(modeFor(policy(true), 'customer')).toBe('real_time');
    expect(modeFor(policy(false), 'customer')).toBe('working_hours');
    expect(modeFor(policy(false), 'office')).toBe('real_time');
  });
});
