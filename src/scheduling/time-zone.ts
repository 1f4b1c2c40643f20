import { Temporal } from 'temporal-polyfill';

/**
 * Is this an IANA time zone the business or a customer can live in? Region names ("Europe/Berlin") and UTC,
 * as Temporal knows them; bare offsets ("+02:00") and legacy abbreviations ("EST") are not places, and a
 * zone that only some runtimes know would make later reads fail elsewhere.
 */
export function isTimeZone(value: string): boolean {
  if (!(value.includes('/') || value === 'UTC')) return false;
  try {
    Temporal.Now.zonedDateTimeISO(value);
    return true;
  } catch {
    return false;
  }
}
