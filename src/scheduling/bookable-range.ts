import { civilOfEpochDay, epochDayOfCivil, MS_PER_DAY } from './calendar-date.js';

/**
 * How far from now the office may place a booking or block time: up to a year back (entering work already
 * done) and five years ahead. Anything further is a typo (9999 for 2029) rather than a plan, and the far-off
 * instants are exactly the ones that break reads later: an end in year 10000 has no four-digit ISO 8601 form.
 */
export const BOOKABLE_YEARS_BACK = 1;
export const BOOKABLE_YEARS_AHEAD = 5;

/** Inclusive bounds, epoch milliseconds. */
export interface BookableRange {
  earliest: number;
  latest: number;
}

export type BookableInstantCheck = { ok: true } | { ok: false; message: string };

/** Calendar years in UTC: 29 February moves to the 28th in a year without one. */
function addUtcYears(instant: number, years: number): number {
  const epochDay = Math.floor(instant / MS_PER_DAY);
  const timeOfDay = instant - epochDay * MS_PER_DAY;
  const date = civilOfEpochDay(epochDay);
  const year = date.year + years;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = date.month === 2 && date.day === 29 && !isLeap ? 28 : date.day;
  return epochDayOfCivil({ year, month: date.month, day }) * MS_PER_DAY + timeOfDay;
}

export function bookableRange(now: number): BookableRange {
  return {
    earliest: addUtcYears(now, -BOOKABLE_YEARS_BACK),
    latest: addUtcYears(now, BOOKABLE_YEARS_AHEAD),
  };
}

/** The one rule for an instant the office writes into the calendar (a booking's start, a blocked event's ends). */
export function checkBookableInstant(instant: number, now: number): BookableInstantCheck {
  const { earliest, latest } = bookableRange(now);
  if (instant >= earliest && instant <= latest) return { ok: true };
  return {
    ok: false,
    message:
      `must lie within ${BOOKABLE_YEARS_BACK} year before and ${BOOKABLE_YEARS_AHEAD} years after now ` +
      `(${new Date(earliest).toISOString()} to ${new Date(latest).toISOString()})`,
  };
}
