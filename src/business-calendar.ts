import { Temporal } from 'temporal-polyfill';

/** The instant a calendar day begins in the business time zone (not always 00:00: some zones skip midnight). */
export function startOfLocalDay(date: string, timeZone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** The instant the day after `date` begins, i.e. the exclusive end of `date`. */
export function endOfLocalDay(date: string, timeZone: string): number {
  return startOfLocalDay(Temporal.PlainDate.from(date).add({ days: 1 }).toString(), timeZone);
}

export function isCalendarDate(value: string | number): value is string {
  return typeof value === 'string';
}
