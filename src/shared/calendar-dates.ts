import { Temporal } from 'temporal-polyfill';
import type { CalendarDate, InstantLike } from './business-time.js';

/**
 * Calendar arithmetic in the business's time zone, on Temporal: a PlainDate steps whole days and months, so a
 * DST change can never shift a date by an hour, and wall-clock times become instants by the zone's own rules.
 * Shared by the server and both web apps, beside business-time.ts, which writes the results.
 */

export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  Temporal.PlainDate.from(date).add({ days }).toString();

/** The first day of the month `months` after the date's. */
export const addMonths = (date: CalendarDate, months: number): CalendarDate =>
  Temporal.PlainDate.from(date).with({ day: 1 }).add({ months }).toString();

export const firstOfMonth = (date: CalendarDate): CalendarDate =>
  Temporal.PlainDate.from(date).with({ day: 1 }).toString();

/** The first and last calendar date of the date's month. */
export function monthOf(date: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const first = Temporal.PlainDate.from(date).with({ day: 1 });
  return { from: first.toString(), to: first.add({ months: 1 }).subtract({ days: 1 }).toString() };
}

/** 0 for Monday … 6 for Sunday. */
export const weekdayIndex = (date: CalendarDate): number => Temporal.PlainDate.from(date).dayOfWeek - 1;

/** The Monday of the date's week. */
export const startOfWeek = (date: CalendarDate): CalendarDate => addDays(date, -weekdayIndex(date));

/**
 * The instant a wall-clock time on a date in a zone names, as an ISO string. When the clock repeats (autumn)
 * the earlier one; when it skips (spring) the time an hour later, as a clock on the wall would show it.
 */
export function instantAt(date: CalendarDate, time: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .toInstant()
    .toString();
}

/** Minutes since local midnight of an instant in a zone. */
export function minuteOfDay(instant: InstantLike, timeZone: string): number {
  const epochMs = typeof instant === 'number' ? instant : Date.parse(instant);
  const at = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
  return at.hour * 60 + at.minute;
}
