import { describe, expect, it } from 'vitest';
import { customerRescheduleCount } from './booking-rules.js';
import { customerMayMoveTo, customerMayReschedule } from './change-policy.js';
import {
  DEFAULT_RESPONSE_MS,
  isAnswerable,
  isPastRespondBy,
  respondByFor,
  suggestTimes,
} from './reschedule-requests.js';
import { modeFor } from './slot-rules.js';

const HOUR = 3_600_000;
const at = (hour: number) => Date.UTC(2027, 0, 4, hour);
const slots = (...hours: number[]) => hours.map((hour) => ({ startsAt: at(hour), endsAt: at(hour + 1) }));

describe('suggestTimes', () => {
  const current = { startsAt: at(12), staffId: 'maya' };

  it('picks the three nearest to the current time, before or after, in time order, never the time itself', () => {
    const chosen = suggestTimes([{ staffId: 'maya', slots: slots(8, 9, 10, 11, 12, 13, 16) }], {
      around: at(12),
      current,
      excluded: null,
    });
    expect(chosen.map((time) => time.startsAt)).toEqual([at(10), at(11), at(13)]);
  });

  it('spreads the times over the staff: the nearest of each first', () => {
    const chosen = suggestTimes(
      [
        { staffId: 'maya', slots: slots(11, 13, 14) },
        { staffId: 'tom', slots: slots(8) },
      ],
      { around: at(12), current, excluded: null },
    );
    expect(chosen.map((time) => `${time.staffId}@${new Date(time.startsAt).getUTCHours()}`)).toEqual([
      'tom@8',
      'maya@11',
      'maya@13',
    ]);
  });

  it('never suggests a time overlapping the excluded range', () => {
    const chosen = suggestTimes([{ staffId: 'maya', slots: slots(8, 9, 10, 11, 13, 17, 18, 19) }], {
      around: at(12),
      current,
      excluded: { start: at(10) + 30 * 60_000, end: at(17) },
    });
    expect(chosen.map((time) => time.startsAt)).toEqual([at(8), at(9), at(17)]);
  });

  it('avoids times already suggested to others while other times remain, and uses them when none do', () => {
    const free = [{ staffId: 'maya', slots: slots(10, 11, 13, 14) }];
    const taken = [{ startsAt: at(11), endsAt: at(12), staffId: 'maya' }];
    expect(
      suggestTimes(free, { around: at(12), current, excluded: null, taken }).map((t) => t.startsAt),
    ).toEqual([at(10), at(13), at(14)]);
    const few = [{ staffId: 'maya', slots: slots(11, 13) }];
    expect(
      suggestTimes(few, { around: at(12), current, excluded: null, taken }).map((t) => t.startsAt),
    ).toEqual([at(11), at(13)]);
  });
});

describe('respond-by', () => {
  const now = at(0);
  it('defaults to 48 hours, never after the booking starts, and must lie ahead', () => {
    expect(respondByFor(null, now, now + 100 * HOUR)).toEqual({
      ok: true,
      respondBy: now + DEFAULT_RESPONSE_MS,
    });
    expect(respondByFor(null, now, now + 5 * HOUR)).toEqual({ ok: true, respondBy: now + 5 * HOUR });
    expect(respondByFor(now + 200 * HOUR, now, now + 100 * HOUR)).toEqual({
      ok: true,
      respondBy: now + 100 * HOUR,
    });
    expect(respondByFor(now, now, now + 100 * HOUR).ok).toBe(false);
  });
  it('is answerable until respond-by, then past it', () => {
    const request = { status: 'pending' as const, respondBy: now + HOUR };
    expect([isAnswerable(request, now + HOUR - 1), isPastRespondBy(request, now + HOUR - 1)]).toEqual([
      true,
      false,
    ]);
    expect([isAnswerable(request, now + HOUR), isPastRespondBy(request, now + HOUR)]).toEqual([false, true]);
    expect(isPastRespondBy({ ...request, status: 'accepted' }, now + 2 * HOUR)).toBe(false);
  });
});

describe('the office asked', () => {
  const rules = {
    allowReschedule: false,
    allowCancel: true,
    minimumNoticeMinutes: 24 * 60,
    maxReschedulesPerBooking: 0,
  };
  const now = at(0);
  const booking = { status: 'confirmed' as const, startsAt: now + HOUR, customerReschedules: 3 };

  it('lets the customer past the flag, the notice and the limit, but not past the start', () => {
    expect(customerMayReschedule(booking, rules, now)).toEqual({
      allowed: false,
      code: 'reschedule_disabled',
    });
    expect(customerMayReschedule({ ...booking, officeAsked: true }, rules, now)).toEqual({ allowed: true });
    expect(customerMayReschedule({ ...booking, officeAsked: true }, rules, now + HOUR)).toEqual({
      allowed: false,
      code: 'booking_not_active',
    });
  });

  it('is always real availability, whatever the portal mode', () => {
    const policy = { customerPortal: { realTimeAvailability: false, minimumNoticeMinutes: 0 } } as Parameters<
      typeof modeFor
    >[0];
    expect([modeFor(policy, 'customer'), modeFor(policy, 'requested')]).toEqual([
      'working_hours',
      'real_time',
    ]);
  });

  it('does not count a move that answered a request against the limit', () => {
    expect(
      customerRescheduleCount([
        { type: 'rescheduled', actor: 'customer', requestId: 'r1' },
        { type: 'rescheduled', actor: 'customer' },
        { type: 'rescheduled', actor: 'admin' },
      ]),
    ).toBe(1);
  });

  it('moves only to staff who perform the service: those the request names, or anyone where allowed', () => {
    const target = (id: string, serviceIds = ['clean']) => ({ id, serviceIds });
    const mine = { staffId: 'maya', serviceId: 'clean' };
    expect(customerMayMoveTo(target('tom'), mine, {}, null)).toBe(false);
    expect(customerMayMoveTo(target('tom'), mine, { allowStaffChange: true }, null)).toBe(true);
    expect(customerMayMoveTo(target('tom', ['windows']), mine, { allowStaffChange: true }, null)).toBe(false);
    expect(customerMayMoveTo(target('maya'), mine, {}, null)).toBe(true);
    expect(customerMayMoveTo(target('tom'), mine, {}, { staffIds: ['tom'] })).toBe(true);
    expect(customerMayMoveTo(target('maya'), mine, {}, { staffIds: ['tom'] })).toBe(false);
  });
});
