import type { BookingStatus, OutboxStatus, Weekday } from '../shared/api-types';

/** The office's words for the API's values; `satisfies` makes a value added on the server a tsc error here. */

export const WEEKDAY_NAMES = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
} as const satisfies Record<Weekday, string>;
export const WEEKDAYS = Object.keys(WEEKDAY_NAMES) as Weekday[];

export const BOOKING_STATUSES: readonly BookingStatus[] = ['confirmed', 'completed', 'cancelled'];

/** The names the office sees for each kind of email (the same words as Settings › Communications). */
export { EMAIL_KIND_TITLES, EMAIL_KINDS } from '../../src/email/email-kind';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** The reference customers quote, as the portal and emails show it. */
export const bookingReference = (id: string) => id.slice(0, 8).toUpperCase();
