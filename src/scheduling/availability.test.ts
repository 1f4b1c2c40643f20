import { describe, expect, it } from 'vitest';
import {
  availableSlots,
  bookingWindowEnd,
  checkSlot,
  datesInRange,
  localDateOf,
  type SlotRules,
} from './availability.js';
import { overlaps } from './interval.js';
import { naiveAvailableSlots } from './naive-availability.js';
import { baseRules, between, hoursOn, iso, ms, startsOf } from './test-support.js';
import type { WorkingHours } from './working-hours.js';

const NEW_YORK = 'America/New_York';

function both(rules: SlotRules, fromDate: string, toDate: string): string[] {
  const fast = startsOf(availableSlots(rules, fromDate, toDate));
  expect(startsOf(naiveAvailableSlots(rules, fromDate, toDate))).toEqual(fast);
  return fast;
}

describe('availableSlots across daylight-saving changes', () => {
  const earlyHours = hoursOn('sun', { start: '00:00', end: '05:00' });

  it('skips the non-existent 02:00 and 02:30 on the spring-forward day in New York', () => {
    const rules = baseRules({ timeZone: NEW_YORK, workingHours: earlyHours });
    expect(both(rules, '2026-03-08', '2026-03-08')).toEqual([
      '2026-03-08T05:00:00Z', // 00:00 EST
      '2026-03-08T05:30:00Z',
      '2026-03-08T06:00:00Z',
      '2026-03-08T06:30:00Z', // 01:30 EST, ends 03:00 EDT: one hour on the wall clock
      '2026-03-08T07:00:00Z', // 03:00 EDT
      '2026-03-08T07:30:00Z',
      '2026-03-08T08:00:00Z',
      '2026-03-08T08:30:00Z', // 04:30 EDT, ends 05:00 EDT
    ]);
  });

  it('offers the repeated 01:00 and 01:30 once, at the EDT occurrence, on the fall-back day', () => {
    const rules = baseRules({ timeZone: NEW_YORK, workingHours: earlyHours });
    expect(both(rules, '2026-11-01', '2026-11-01')).toEqual([
      '2026-11-01T04:00:00Z', // 00:00 EDT
      '2026-11-01T04:30:00Z',
      '2026-11-01T05:00:00Z', // 01:00 EDT; 01:00 EST (06:00Z) is not offered
      '2026-11-01T05:30:00Z', // 01:30 EDT; 01:30 EST (06:30Z) is not offered
      '2026-11-01T07:00:00Z', // 02:00 EST
      '2026-11-01T07:30:00Z',
      '2026-11-01T08:00:00Z',
      '2026-11-01T08:30:00Z',
      '2026-11-01T09:00:00Z',
      '2026-11-01T09:30:00Z', // 04:30 EST, ends 05:00 EST
    ]);
  });

  it('places 09:00 New York at 13:00Z in March and 14:00Z in November', () => {
    const rules = baseRules({
      timeZone: NEW_YORK,
      workingHours: hoursOn('sun', { start: '09:00', end: '10:00' }),
      durationMinutes: 60,
      slotIntervalMinutes: 60,
    });
    expect(both(rules, '2026-03-08', '2026-03-08')).toEqual(['2026-03-08T13:00:00Z']);
    expect(both(rules, '2026-11-01', '2026-11-01')).toEqual(['2026-11-01T14:00:00Z']);
  });

  it('skips the 30-minute gap of Lord Howe Island', () => {
    const rules = baseRules({
      timeZone: 'Australia/Lord_Howe',
      workingHours: hoursOn('sun', { start: '01:00', end: '04:00' }),
    });
    expect(both(rules, '2026-10-04', '2026-10-04')).toEqual([
      '2026-10-03T14:30:00Z', // 01:00 +10:30
      '2026-10-03T15:00:00Z', // 01:30 +10:30, ends 02:30 +11:00
      '2026-10-03T15:30:00Z', // 02:30 +11:00; 02:00 does not exist
      '2026-10-03T16:00:00Z',
      '2026-10-03T16:30:00Z', // 03:30 +11:00, ends 04:00
    ]);
  });

  it('handles Santiago, where midnight itself is skipped and a range ending at 24:00 ends at 01:00', () => {
    const rules = baseRules({
      timeZone: 'America/Santiago',
      workingHours: {
        ...hoursOn('sat', { start: '22:00', end: '24:00' }),
        sun: [{ start: '00:00', end: '02:00' }],
      },
      durationMinutes: 60,
      slotIntervalMinutes: 60,
    });
    expect(both(rules, '2026-09-05', '2026-09-06')).toEqual([
      '2026-09-06T02:00:00Z', // Sat 22:00 -04
      '2026-09-06T03:00:00Z', // Sat 23:00 -04, ends at the skipped midnight = Sun 01:00 -03
      '2026-09-06T04:00:00Z', // Sun 01:00 -03; Sun 00:00 does not exist
    ]);
  });

  it('offers the repeated last hour of a Santiago Saturday once, at its first occurrence', () => {
    const rules = baseRules({
      timeZone: 'America/Santiago',
      workingHours: hoursOn('sat', { start: '22:00', end: '24:00' }),
    });
    expect(both(rules, '2026-04-04', '2026-04-04')).toEqual([
      '2026-04-05T01:00:00Z', // 22:00 -03
      '2026-04-05T01:30:00Z',
      '2026-04-05T02:00:00Z', // 23:00 -03; 23:00 -04 (03:00Z) is not offered
      '2026-04-05T02:30:00Z', // 23:30 -03; the range still runs to 24:00 -04 (04:00Z)
    ]);
  });

  it('sees a change of offset exactly at 00:00 UTC on 1 January (São Tomé, 1912: -00:36:45 to +00:00)', () => {
    const lateEvening = { start: '23:00', end: '24:00' };
    const rules = baseRules({
      timeZone: 'Africa/Sao_Tome',
      workingHours: {
        mon: [lateEvening],
        tue: [lateEvening],
        wed: [lateEvening],
        thu: [lateEvening],
        fri: [lateEvening],
        sat: [lateEvening],
        sun: [lateEvening],
      },
      slotIntervalMinutes: 5,
      durationMinutes: 5,
      now: ms('1911-12-01T00:00:00Z'),
    });
    // Local 23:23:15 to 24:00 on 31 December never happened; the day ends at 00:00Z.
    expect(both(rules, '1911-12-31', '1911-12-31')).toEqual([
      '1911-12-31T23:36:45Z',
      '1911-12-31T23:41:45Z',
      '1911-12-31T23:46:45Z',
      '1911-12-31T23:51:45Z',
    ]);
  });

  it("reads range bounds that fall in a gap with Temporal's 'compatible' rule: pushed forward by the gap", () => {
    const opensInGap = baseRules({
      timeZone: NEW_YORK,
      workingHours: hoursOn('sun', { start: '02:30', end: '04:00' }),
    });
    // 02:30 → 03:30 EDT, so 03:00 EDT is before the range starts.
    expect(both(opensInGap, '2026-03-08', '2026-03-08')).toEqual(['2026-03-08T07:30:00Z']);

    const closesInGap = baseRules({
      timeZone: NEW_YORK,
      workingHours: hoursOn('sun', { start: '00:00', end: '02:30' }),
    });
    // 02:30 → 03:30 EDT (07:30Z): the range keeps its 2.5 elapsed hours.
    expect(both(closesInGap, '2026-03-08', '2026-03-08')).toEqual([
      '2026-03-08T05:00:00Z',
      '2026-03-08T05:30:00Z',
      '2026-03-08T06:00:00Z',
      '2026-03-08T06:30:00Z',
      '2026-03-08T07:00:00Z',
    ]);
  });
  it('offers a time once when two ranges reach it around a gap', () => {
    const rules = baseRules({
      timeZone: NEW_YORK,
      workingHours: hoursOn('sun', { start: '00:00', end: '02:30' }, { start: '03:00', end: '04:00' }),
    });
    // The first range closes at 03:30 EDT, so 03:00 EDT fits both ranges.
    expect(both(rules, '2026-03-08', '2026-03-08')).toEqual([
      '2026-03-08T05:00:00Z',
      '2026-03-08T05:30:00Z',
      '2026-03-08T06:00:00Z',
      '2026-03-08T06:30:00Z',
      '2026-03-08T07:00:00Z',
      '2026-03-08T07:30:00Z',
    ]);
  });

  it('checks busy times right when the second range goes back to an earlier instant', () => {
    const rules = baseRules({
      timeZone: NEW_YORK,
      workingHours: hoursOn('sun', { start: '00:00', end: '02:59' }, { start: '03:00', end: '04:00' }),
      slotIntervalMinutes: 15,
      busy: [between('2026-03-08T06:50:00Z', '2026-03-08T07:05:00Z')],
    });
    // The first range runs to 03:59 EDT and ends with 03:00 and 03:15 EDT; the second starts again at 03:00.
    expect(both(rules, '2026-03-08', '2026-03-08')).toEqual([
      '2026-03-08T05:00:00Z',
      '2026-03-08T05:15:00Z',
      '2026-03-08T05:30:00Z',
      '2026-03-08T05:45:00Z',
      '2026-03-08T06:00:00Z',
      '2026-03-08T06:15:00Z',
      '2026-03-08T07:15:00Z',
      '2026-03-08T07:30:00Z',
    ]);
  });
});

describe('availableSlots within a day', () => {
  const monday = '2026-06-15';

  it('leaves the lunch break free', () => {
    const rules = baseRules({
      timeZone: 'Europe/Berlin',
      workingHours: hoursOn('mon', { start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }),
      durationMinutes: 60,
    });
    const slots = availableSlots(rules, monday, monday);
    expect(startsOf(slots)).toEqual([
      '2026-06-15T07:00:00Z', // 09:00 CEST
      '2026-06-15T07:30:00Z',
      '2026-06-15T08:00:00Z',
      '2026-06-15T08:30:00Z',
      '2026-06-15T09:00:00Z', // 11:00, ends 12:00
      '2026-06-15T11:00:00Z', // 13:00
      '2026-06-15T11:30:00Z',
      '2026-06-15T12:00:00Z',
      '2026-06-15T12:30:00Z',
      '2026-06-15T13:00:00Z',
      '2026-06-15T13:30:00Z',
      '2026-06-15T14:00:00Z', // 16:00, ends 17:00
    ]);
    const lunch = between('2026-06-15T10:00:00Z', '2026-06-15T11:00:00Z');
    expect(slots.filter((slot) => overlaps({ start: slot.startsAt, end: slot.endsAt }, lunch))).toEqual([]);
    expect(naiveAvailableSlots(rules, monday, monday)).toEqual(slots);
  });

  it('does not join touching ranges: an appointment fits inside one range', () => {
    const rules = baseRules({
      workingHours: hoursOn('mon', { start: '09:00', end: '12:00' }, { start: '12:00', end: '13:00' }),
      durationMinutes: 60,
    });
    expect(both(rules, monday, monday)).toEqual([
      '2026-06-15T09:00:00Z',
      '2026-06-15T09:30:00Z',
      '2026-06-15T10:00:00Z',
      '2026-06-15T10:30:00Z',
      '2026-06-15T11:00:00Z',
      '2026-06-15T12:00:00Z',
    ]);
  });

  it('gives every slot its absolute duration', () => {
    const rules = baseRules({
      workingHours: hoursOn('mon', { start: '09:00', end: '10:00' }),
      durationMinutes: 45,
      slotIntervalMinutes: 15,
    });
    expect(
      availableSlots(rules, monday, monday).map((slot) => [iso(slot.startsAt), iso(slot.endsAt)]),
    ).toEqual([
      ['2026-06-15T09:00:00Z', '2026-06-15T09:45:00Z'],
      ['2026-06-15T09:15:00Z', '2026-06-15T10:00:00Z'],
    ]);
  });

  const morning: WorkingHours = hoursOn('mon', { start: '09:00', end: '12:00' });
  const withBuffers = (busy: SlotRules['busy'], mode: SlotRules['mode'] = 'real_time') =>
    baseRules({ workingHours: morning, bufferBeforeMinutes: 10, bufferAfterMinutes: 15, busy, mode });

  it('offers the whole grid when nothing is busy', () => {
    expect(both(withBuffers([]), monday, monday)).toEqual([
      '2026-06-15T09:00:00Z',
      '2026-06-15T09:30:00Z',
      '2026-06-15T10:00:00Z',
      '2026-06-15T10:30:00Z',
      '2026-06-15T11:00:00Z',
      '2026-06-15T11:30:00Z',
    ]);
  });

  it('blocks exactly the slots whose occupied interval, buffers included, overlaps a busy interval', () => {
    // A slot at T occupies [T-10min, T+45min): it overlaps 10:00-10:30 for T in (09:15, 10:40).
    const busy = [between('2026-06-15T10:00:00Z', '2026-06-15T10:30:00Z')];
    expect(both(withBuffers(busy), monday, monday)).toEqual([
      '2026-06-15T09:00:00Z',
      '2026-06-15T11:00:00Z',
      '2026-06-15T11:30:00Z',
    ]);
  });

  it('allows back-to-back: a busy interval may end where a buffer starts and start where one ends', () => {
    // 10:00 occupies [09:50, 10:45); 09:30 occupies [09:20, 10:15); 10:30 occupies [10:20, 11:15).
    const busy = [between('2026-06-15T10:15:00Z', '2026-06-15T10:20:00Z')];
    expect(both(withBuffers(busy), monday, monday)).toEqual([
      '2026-06-15T09:00:00Z',
      '2026-06-15T09:30:00Z',
      '2026-06-15T10:30:00Z',
      '2026-06-15T11:00:00Z',
      '2026-06-15T11:30:00Z',
    ]);
    const endsAtBuffer = [between('2026-06-15T08:00:00Z', '2026-06-15T08:50:00Z')];
    expect(both(withBuffers(endsAtBuffer), monday, monday)).toHaveLength(6);
    const endsInBuffer = [between('2026-06-15T08:00:00Z', '2026-06-15T08:51:00Z')];
    expect(both(withBuffers(endsInBuffer), monday, monday)[0]).toBe('2026-06-15T09:30:00Z');
  });

  it('lets the buffers, but not the appointment, extend outside working hours', () => {
    // 11:30 occupies [11:20, 12:15), past the 12:00 close, and is still offered.
    const busy = [between('2026-06-15T12:15:00Z', '2026-06-15T13:00:00Z')];
    expect(both(withBuffers(busy), monday, monday).at(-1)).toBe('2026-06-15T11:30:00Z');
    const busyInAfterBuffer = [between('2026-06-15T12:14:00Z', '2026-06-15T12:15:00Z')];
    expect(both(withBuffers(busyInAfterBuffer), monday, monday).at(-1)).toBe('2026-06-15T11:00:00Z');
  });

  it('accepts busy intervals unsorted and overlapping', () => {
    const busy = [
      between('2026-06-15T11:20:00Z', '2026-06-15T11:40:00Z'),
      between('2026-06-15T09:55:00Z', '2026-06-15T10:05:00Z'),
      between('2026-06-15T09:50:00Z', '2026-06-15T10:00:00Z'),
    ];
    // 09:50-10:05 blocks 09:30 [09:20, 10:15) and 10:00 [09:50, 10:45), not 10:30 [10:20, 11:15);
    // 11:20-11:40 blocks 11:00 [10:50, 11:45) and 11:30 [11:20, 12:15).
    expect(both(withBuffers(busy), monday, monday)).toEqual(['2026-06-15T09:00:00Z', '2026-06-15T10:30:00Z']);
  });

  it('ignores busy intervals in working_hours mode', () => {
    const busy = [between('2026-06-15T09:00:00Z', '2026-06-15T12:00:00Z')];
    expect(both(withBuffers(busy, 'working_hours'), monday, monday)).toHaveLength(6);
    expect(both(withBuffers(busy, 'real_time'), monday, monday)).toEqual([]);
  });
});

describe('availableSlots: minimum notice and booking window', () => {
  const rules = (overrides: Partial<SlotRules>) =>
    baseRules({
      workingHours: {
        ...hoursOn('mon', { start: '09:00', end: '12:00' }),
        tue: [{ start: '09:00', end: '12:00' }],
      },
      ...overrides,
    });

  it('cuts the slots before now + notice and from now + window on', () => {
    const cut = rules({ now: ms('2026-06-15T09:10:00Z'), minimumNoticeMinutes: 60, bookingWindowDays: 1 });
    expect(both(cut, '2026-06-15', '2026-06-16')).toEqual([
      '2026-06-15T10:30:00Z',
      '2026-06-15T11:00:00Z',
      '2026-06-15T11:30:00Z',
      '2026-06-16T09:00:00Z',
    ]);
  });

  it('includes a start exactly at now + notice and excludes one exactly at now + window', () => {
    const edges = rules({ now: ms('2026-06-15T09:30:00Z'), minimumNoticeMinutes: 60, bookingWindowDays: 1 });
    expect(both(edges, '2026-06-15', '2026-06-16')).toEqual([
      '2026-06-15T10:30:00Z',
      '2026-06-15T11:00:00Z',
      '2026-06-15T11:30:00Z',
      '2026-06-16T09:00:00Z',
    ]);
    const windowEdge = rules({ now: ms('2026-06-15T09:00:00Z'), bookingWindowDays: 1 });
    expect(availableSlots(windowEdge, '2026-06-16', '2026-06-16')).toEqual([]);
  });

  it('returns nothing for dates outside the window, however wide the request', () => {
    const later = rules({ now: ms('2026-06-15T00:00:00Z'), bookingWindowDays: 2 });
    expect(startsOf(availableSlots(later, '2000-01-01', '2099-12-31'))).toEqual(
      both(later, '2026-06-15', '2026-06-16'),
    );
    expect(availableSlots(later, '2020-01-01', '2026-06-14')).toEqual([]);
  });

  it('counts the window in calendar days of the business zone, across a DST change either way', () => {
    const sundayMorning = (now: string) =>
      baseRules({
        timeZone: NEW_YORK,
        workingHours: hoursOn('sun', { start: '09:00', end: '12:00' }),
        now: ms(now),
        bookingWindowDays: 1,
      });
    // Saturday 10:00 EST to Sunday 10:00 EDT is 23 hours: 10:00 EDT (14:00Z) is the first start outside.
    const spring = sundayMorning('2026-03-07T15:00:00Z');
    expect(both(spring, '2026-03-08', '2026-03-08')).toEqual([
      '2026-03-08T13:00:00Z',
      '2026-03-08T13:30:00Z',
    ]);
    expect(checkSlot(spring, ms('2026-03-08T14:00:00Z'))).toEqual({
      ok: false,
      code: 'outside_booking_window',
    });
    // Saturday 10:00 EDT to Sunday 10:00 EST is 25 hours: 09:00 and 09:30 EST are inside.
    const fall = sundayMorning('2026-10-31T14:00:00Z');
    expect(both(fall, '2026-11-01', '2026-11-01')).toEqual(['2026-11-01T14:00:00Z', '2026-11-01T14:30:00Z']);
    expect(checkSlot(fall, ms('2026-11-01T14:30:00Z'))).toMatchObject({ ok: true });
    expect(bookingWindowEnd(ms('2026-10-31T14:00:00Z'), 1, NEW_YORK)).toBe(ms('2026-11-01T15:00:00Z'));
  });

  it('keeps evening slots whose local date is the UTC date before the notice limit', () => {
    // 21:00 EDT on the 15th is 01:00Z on the 16th.
    const west = baseRules({
      timeZone: NEW_YORK,
      workingHours: hoursOn('mon', { start: '20:00', end: '24:00' }),
      durationMinutes: 60,
      slotIntervalMinutes: 60,
      now: ms('2026-06-16T00:00:00Z'),
      minimumNoticeMinutes: 60,
    });
    expect(both(west, '2026-06-15', '2026-06-15')).toEqual([
      '2026-06-16T01:00:00Z',
      '2026-06-16T02:00:00Z',
      '2026-06-16T03:00:00Z',
    ]);
  });

  it('keeps early slots whose local date is the UTC date after the window limit', () => {
    // Until 2026-06-16T20:00Z = 01:30 IST on the 17th.
    const east = baseRules({
      timeZone: 'Asia/Kolkata',
      workingHours: hoursOn('wed', { start: '00:00', end: '03:00' }),
      now: ms('2026-06-15T20:00:00Z'),
      bookingWindowDays: 1,
      slotIntervalMinutes: 60,
    });
    expect(both(east, '2026-06-17', '2026-06-17')).toEqual(['2026-06-16T18:30:00Z', '2026-06-16T19:30:00Z']);
  });

  it('returns nothing when toDate is before fromDate and rejects malformed dates', () => {
    const open = rules({});
    expect(availableSlots(open, '2026-06-16', '2026-06-15')).toEqual([]);
    expect(() => availableSlots(open, '2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => availableSlots(open, '2026-6-15', '2026-06-16')).toThrow(RangeError);
  });
});

describe('checkSlot', () => {
  const rules = (overrides: Partial<SlotRules>) =>
    baseRules({
      workingHours: hoursOn('mon', { start: '09:00', end: '12:00' }),
      now: ms('2026-06-15T08:00:00Z'),
      minimumNoticeMinutes: 60,
      bookingWindowDays: 1,
      busy: [between('2026-06-15T10:00:00Z', '2026-06-15T10:30:00Z')],
      ...overrides,
    });

  it('accepts an offered start and returns the slot', () => {
    expect(checkSlot(rules({}), ms('2026-06-15T11:30:00Z'))).toEqual({
      ok: true,
      slot: { startsAt: ms('2026-06-15T11:30:00Z'), endsAt: ms('2026-06-15T12:00:00Z') },
    });
  });

  it('refuses with the first failing rule, in order', () => {
    const check = (at: string) => checkSlot(rules({}), ms(at));
    // Also off-grid, outside hours: notice is reported first.
    expect(check('2026-06-15T08:45:00Z')).toEqual({ ok: false, code: 'minimum_notice' });
    expect(check('2026-06-16T08:00:00Z')).toEqual({ ok: false, code: 'outside_booking_window' });
    expect(check('2026-06-15T09:15:00Z')).toEqual({ ok: false, code: 'outside_working_hours' });
    expect(check('2026-06-15T12:00:00Z')).toEqual({ ok: false, code: 'outside_working_hours' });
    expect(check('2026-06-15T11:31:00Z')).toEqual({ ok: false, code: 'outside_working_hours' });
    expect(check('2026-06-15T10:00:00Z')).toEqual({ ok: false, code: 'slot_unavailable' });
    // Back-to-back with the busy interval on either side.
    expect(check('2026-06-15T09:30:00Z').ok).toBe(true);
    expect(check('2026-06-15T10:30:00Z').ok).toBe(true);
  });

  it('ignores busy times in working_hours mode', () => {
    expect(checkSlot(rules({ mode: 'working_hours' }), ms('2026-06-15T10:00:00Z')).ok).toBe(true);
  });

  it('refuses the second occurrence of a repeated local time', () => {
    const fallBack = rules({
      timeZone: NEW_YORK,
      workingHours: hoursOn('sun', { start: '00:00', end: '05:00' }),
      now: ms('2026-10-31T00:00:00Z'),
      minimumNoticeMinutes: 0,
      bookingWindowDays: 30,
      busy: [],
    });
    expect(checkSlot(fallBack, ms('2026-11-01T05:00:00Z')).ok).toBe(true); // 01:00 EDT
    expect(checkSlot(fallBack, ms('2026-11-01T06:00:00Z'))).toEqual({
      ok: false,
      code: 'outside_working_hours',
    });
    expect(checkSlot(fallBack, ms('2026-11-01T07:00:00Z')).ok).toBe(true); // 02:00 EST
  });
});

describe('localDateOf and datesInRange', () => {
  it('gives the business-zone date of an instant', () => {
    expect(localDateOf(ms('2026-03-08T04:59:59.999Z'), NEW_YORK)).toBe('2026-03-07');
    expect(localDateOf(ms('2026-03-08T05:00:00Z'), NEW_YORK)).toBe('2026-03-08');
    expect(localDateOf(ms('2026-06-14T18:14:59.999Z'), 'Asia/Kathmandu')).toBe('2026-06-14');
    expect(localDateOf(ms('2026-06-14T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-06-15');
  });

  it('lists the dates of a range, both ends included', () => {
    expect(datesInRange('2028-02-27', '2028-03-01')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(datesInRange('2026-12-31', '2027-01-01')).toEqual(['2026-12-31', '2027-01-01']);
    expect(datesInRange('2026-06-15', '2026-06-15')).toEqual(['2026-06-15']);
    expect(datesInRange('2026-06-16', '2026-06-15')).toEqual([]);
  });
});
