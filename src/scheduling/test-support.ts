import { Temporal } from 'temporal-polyfill';
import type { Slot, SlotRules } from './availability.js';
import type { Interval } from './interval.js';
import { type TimeRange, WEEKDAYS, type Weekday, type WorkingHours } from './working-hours.js';

// Helpers shared by this folder's tests only.

export function closedWeek(): WorkingHours {
  return Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, []])) as unknown as WorkingHours;
}

export function hoursOn(weekday: Weekday, ...ranges: TimeRange[]): WorkingHours {
  return { ...closedWeek(), [weekday]: ranges };
}

export function ms(iso: string): number {
  return Temporal.Instant.from(iso).epochMilliseconds;
}

export function iso(epochMs: number): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toString();
}

export function startsOf(slots: readonly Slot[]): string[] {
  return slots.map((slot) => iso(slot.startsAt));
}

export function between(startIso: string, endIso: string): Interval {
  return { start: ms(startIso), end: ms(endIso) };
}

export function baseRules(overrides: Partial<SlotRules>): SlotRules {
  return {
    timeZone: 'UTC',
    workingHours: closedWeek(),
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    slotIntervalMinutes: 30,
    bookingWindowDays: 365,
    minimumNoticeMinutes: 0,
    now: ms('2026-01-01T00:00:00Z'),
    mode: 'real_time',
    busy: [],
    ...overrides,
  };
}
