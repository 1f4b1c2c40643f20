import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  availableSlots,
  checkSlot,
  localDateOf,
  type Slot,
  type SlotCheck,
  type SlotRules,
} from './availability.js';
import { type Interval, occupiedInterval, overlaps } from './interval.js';
import { naiveAvailableSlots } from './naive-availability.js';
import { type TimeRange, WEEKDAYS, type WorkingHours, weekdayOf } from './working-hours.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const RUNS = 150;

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Australia/Sydney',
  'America/Santiago', // changes at midnight
  'Asia/Kolkata', // +05:30
  'Australia/Adelaide', // +09:30 / +10:30
  'Asia/Kathmandu', // +05:45
  'America/St_Johns', // -03:30 / -02:30
  'Australia/Lord_Howe', // a 30-minute change
] as const;

function timeOfDay(minutes: number): string {
  if (minutes === 1440) return '24:00';
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

// Range bounds cluster where clocks change: 02:00-03:00 (most zones), around midnight (Santiago).
const rangeBound = fc.oneof(
  fc.integer({ min: 0, max: 288 }).map((n) => n * 5),
  fc.integer({ min: 120, max: 210 }),
  fc.integer({ min: 0, max: 90 }),
  fc.integer({ min: 1350, max: 1440 }),
  fc.constant(1440),
);

const dayRanges: fc.Arbitrary<TimeRange[]> = fc.uniqueArray(rangeBound, { maxLength: 6 }).map((bounds) => {
  const sorted = [...bounds].sort((a, b) => a - b);
  const ranges: TimeRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    ranges.push({ start: timeOfDay(sorted[i] ?? 0), end: timeOfDay(sorted[i + 1] ?? 0) });
  }
  return ranges;
});

const workingHours: fc.Arbitrary<WorkingHours> = fc
  .tuple(dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges)
  .map((days) => Object.fromEntries(WEEKDAYS.map((weekday, i) => [weekday, days[i] ?? []])) as WorkingHours);

/** Half the dates start just before a change of offset in that zone and year, when it has one. */
const zoneAndDates = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    year: fc.integer({ min: 2020, max: 2035 }),
    dayOfYear: fc.integer({ min: 0, max: 364 }),
    nearChange: fc.boolean(),
    secondChange: fc.boolean(),
    daysBefore: fc.integer({ min: 0, max: 3 }),
    spanDays: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ timeZone, year, dayOfYear, nearChange, secondChange, daysBefore, spanDays }) => {
    let from = Temporal.PlainDate.from({ year, month: 1, day: 1 }).add({ days: dayOfYear });
    if (nearChange) {
      const newYear = Temporal.PlainDate.from({ year, month: 1, day: 1 }).toZonedDateTime(timeZone);
      const first = newYear.getTimeZoneTransition('next');
      const change = secondChange ? (first?.getTimeZoneTransition('next') ?? first) : first;
      if (change) from = change.toPlainDate().subtract({ days: daysBefore });
    }
    const to = from.add({ days: spanDays - 1 });
    return { timeZone, fromDate: from.toString(), toDate: to.toString() };
  });

const scenario = zoneAndDates.chain(({ timeZone, fromDate, toDate }) => {
  const spanStart = Temporal.PlainDate.from(fromDate).toZonedDateTime({
    timeZone,
    plainTime: '00:00',
  }).epochMilliseconds;
  const spanMinutes = (Temporal.PlainDate.from(fromDate).until(toDate).days + 2) * 1440;
  const busyInterval: fc.Arbitrary<Interval> = fc
    .record({ at: fc.integer({ min: -1440, max: spanMinutes }), length: fc.integer({ min: 0, max: 600 }) })
    .map(({ at, length }) => ({ start: spanStart + at * MINUTE, end: spanStart + (at + length) * MINUTE }));
  const rules: fc.Arbitrary<SlotRules> = fc.record({
    timeZone: fc.constant(timeZone),
    workingHours,
    durationMinutes: fc.oneof(fc.constantFrom(15, 30, 45, 60, 90), fc.integer({ min: 1, max: 240 })),
    bufferBeforeMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
    bufferAfterMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
    slotIntervalMinutes: fc.oneof(fc.constantFrom(5, 15, 30, 45, 60, 240), fc.integer({ min: 5, max: 240 })),
    bookingWindowDays: fc.integer({ min: 1, max: 30 }),
    minimumNoticeMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2880 })),
    now: fc.oneof(
      fc.integer({ min: -3 * 1440, max: spanMinutes }).map((m) => spanStart + m * MINUTE),
      fc.integer({ min: -3 * DAY, max: spanMinutes * MINUTE }).map((offset) => spanStart + offset),
    ),
    mode: fc.constantFrom('real_time' as const, 'working_hours' as const),
    busy: fc.array(busyInterval, { maxLength: 15 }),
  });
  // Instants to ask checkSlot about: on a 5-minute grid across the span, or one millisecond off it.
  const probes = fc.array(
    fc.tuple(fc.integer({ min: -1440 / 5, max: spanMinutes / 5 }), fc.constantFrom(0, 0, 0, 1, -1)),
    { maxLength: 25 },
  );
  return fc.record({
    rules,
    fromDate: fc.constant(fromDate),
    toDate: fc.constant(toDate),
    probes: probes.map((list) => list.map(([step, nudge]) => spanStart + step * 5 * MINUTE + nudge)),
  });
});

const zonedOf = (instant: number, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone);

const compatible = (date: Temporal.PlainDate, time: string, timeZone: string): number =>
  time === '24:00'
    ? date.add({ days: 1 }).toZonedDateTime({ timeZone, plainTime: '00:00' }).epochMilliseconds
    : date.toZonedDateTime({ timeZone, plainTime: time }).epochMilliseconds;

function occupiedOf(rules: SlotRules, slot: Slot): Interval {
  return occupiedInterval(slot.startsAt, slot.endsAt, rules.bufferBeforeMinutes, rules.bufferAfterMinutes);
}

/** The booking window's end by Temporal: the same wall time, that many calendar days later. */
function windowEnd(rules: SlotRules): number {
  return Temporal.Instant.fromEpochMilliseconds(rules.now)
    .toZonedDateTimeISO(rules.timeZone)
    .add({ days: rules.bookingWindowDays }).epochMilliseconds;
}

/** What checkSlot must answer, derived from the slot lists of the instant's local date. */
function expectedCheck(rules: SlotRules, instant: number): SlotCheck {
  if (instant < rules.now + rules.minimumNoticeMinutes * MINUTE) return { ok: false, code: 'minimum_notice' };
  if (instant >= windowEnd(rules)) return { ok: false, code: 'outside_booking_window' };
  const date = localDateOf(Math.floor(instant), rules.timeZone);
  const offered = (mode: SlotRules['mode']) =>
    availableSlots({ ...rules, mode }, date, date).find((slot) => slot.startsAt === instant);
  if (offered('working_hours') === undefined) return { ok: false, code: 'outside_working_hours' };
  const slot = offered(rules.mode);
  return slot === undefined ? { ok: false, code: 'slot_unavailable' } : { ok: true, slot };
}

describe('availableSlots properties', () => {
  it('offers only grid times inside a working range of the start date, with the service duration', () => {
    fc.assert(
      fc.property(scenario, ({ rules, fromDate, toDate }) => {
        const { timeZone } = rules;
        for (const slot of availableSlots(rules, fromDate, toDate)) {
          expect(slot.endsAt - slot.startsAt).toBe(rules.durationMinutes * MINUTE);
          const start = zonedOf(slot.startsAt, timeZone);
          const date = start.toPlainDate();
          expect(date.toString() >= fromDate && date.toString() <= toDate).toBe(true);
          const startMinute = start.hour * 60 + start.minute;
          expect(start.second + start.millisecond).toBe(0);
          expect(startMinute % rules.slotIntervalMinutes).toBe(0);
          // The first occurrence of its local time: a repeated time is offered at its earlier instant.
          expect(
            start.toPlainDateTime().toZonedDateTime(timeZone, { disambiguation: 'earlier' })
              .epochMilliseconds,
          ).toBe(slot.startsAt);
          const endOfDay = compatible(date, '24:00', timeZone);
          expect(slot.endsAt).toBeLessThanOrEqual(endOfDay);
          const inRange = rules.workingHours[weekdayOf(date)].some(
            (range) =>
              startMinute >= minutesOf(range.start) &&
              slot.startsAt >= compatible(date, range.start, timeZone) &&
              slot.endsAt <= compatible(date, range.end, timeZone),
          );
          expect(inRange).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('respects notice, window and busy times, and is strictly ascending', () => {
    fc.assert(
      fc.property(scenario, ({ rules, fromDate, toDate }) => {
        const slots = availableSlots(rules, fromDate, toDate);
        slots.forEach((slot, index) => {
          expect(slot.startsAt).toBeGreaterThanOrEqual(rules.now + rules.minimumNoticeMinutes * MINUTE);
          expect(slot.startsAt).toBeLessThan(windowEnd(rules));
          if (rules.mode === 'real_time') {
            const occupied = occupiedOf(rules, slot);
            expect(rules.busy.filter((busy) => overlaps(busy, occupied))).toEqual([]);
          }
          const previous = slots[index - 1];
          if (previous !== undefined) expect(slot.startsAt).toBeGreaterThan(previous.startsAt);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('equals the naive reference implementation', () => {
    fc.assert(
      fc.property(scenario, ({ rules, fromDate, toDate }) => {
        expect(availableSlots(rules, fromDate, toDate)).toEqual(naiveAvailableSlots(rules, fromDate, toDate));
      }),
      { numRuns: RUNS },
    );
  });

  it('in real_time mode is exactly the working_hours slots whose occupied interval is free', () => {
    fc.assert(
      fc.property(scenario, ({ rules, fromDate, toDate }) => {
        const realTime = availableSlots({ ...rules, mode: 'real_time' }, fromDate, toDate);
        const workingHoursOnly = availableSlots({ ...rules, mode: 'working_hours' }, fromDate, toDate);
        const free = workingHoursOnly.filter((slot) => {
          const occupied = occupiedOf(rules, slot);
          return !rules.busy.some((busy) => overlaps(busy, occupied));
        });
        expect(realTime).toEqual(free);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('checkSlot properties', () => {
  it('accepts every offered slot and answers for any instant as the slot lists of its date do', () => {
    fc.assert(
      fc.property(scenario, ({ rules, fromDate, toDate, probes }) => {
        for (const slot of availableSlots(rules, fromDate, toDate)) {
          expect(checkSlot(rules, slot.startsAt)).toEqual({ ok: true, slot });
        }
        for (const instant of probes) {
          expect(checkSlot(rules, instant)).toEqual(expectedCheck(rules, instant));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
