import type { Temporal } from 'temporal-polyfill';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Local wall-clock opening hours of one stretch of a day, "HH:MM".
 * `end` may be "24:00": the midnight that ends the day, so a range can run to the close of the day.
 */
export interface TimeRange {
  start: string;
  end: string;
}

/** Each day's ranges are sorted and non-overlapping; they are validated where they enter the system. */
export type WorkingHours = Record<Weekday, TimeRange[]>;

export function weekdayOf(date: Temporal.PlainDate): Weekday {
  return weekdayAt(date.dayOfWeek - 1);
}

/** Monday is 0, as in ISO 8601. */
export function weekdayAt(mondayBasedIndex: number): Weekday {
  const weekday = WEEKDAYS[mondayBasedIndex];
  if (weekday === undefined) throw new RangeError(`no weekday at index ${mondayBasedIndex}`);
  return weekday;
}

/** "HH:MM" → minutes since local midnight; "24:00" → 1440. */
export function minutesSinceMidnight(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (match === null) throw new RangeError(`not a local time "HH:MM": ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
