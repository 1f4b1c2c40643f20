import type { BookingStatus, EmailKind, OutboxStatus, Weekday } from '../shared/api-types';

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
export const EMAIL_KIND_TITLES = {
  booking_confirmation: 'Booking Confirmation',
  booking_reminder: 'Booking Reminder',
  booking_rescheduled: 'Booking Rescheduled',
  booking_cancelled: 'Booking Cancelled',
  customer_sign_in: 'Customer Sign-in',
  business_notification: 'Business Notification',
} as const satisfies Record<EmailKind, string>;
export const EMAIL_KINDS = Object.keys(EMAIL_KIND_TITLES) as EmailKind[];

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

/** The reference customers quote, as the portal and emails show it. */
export const bookingReference = (id: string) => id.slice(0, 8).toUpperCase();
