export const EMAIL_KINDS = [
  'booking_confirmation',
  'booking_reminder',
  'booking_rescheduled',
  'booking_cancelled',
  'customer_sign_in',
  'business_notification',
  'email_undeliverable',
  'reschedule_request',
  'reschedule_request_accepted',
  'reschedule_request_declined',
  'reschedule_request_expired',
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

/** The names the admin sees under Settings › Communications › Email Templates. */
export const EMAIL_KIND_TITLES: Record<EmailKind, string> = {
  booking_confirmation: 'Booking Confirmation',
  booking_reminder: 'Booking Reminder',
  booking_rescheduled: 'Booking Rescheduled',
  booking_cancelled: 'Booking Cancelled',
  customer_sign_in: 'Customer Sign-in',
  business_notification: 'Business Notification',
  email_undeliverable: 'Undeliverable Email',
  reschedule_request: 'Reschedule Request',
  reschedule_request_accepted: 'Reschedule Request Accepted',
  reschedule_request_declined: 'Reschedule Request Declined',
  reschedule_request_expired: 'Reschedule Request Expired',
};

/** Emails to the business's notification address rather than to the customer. */
export const OFFICE_EMAIL_KINDS: readonly EmailKind[] = [
  'business_notification',
  'reschedule_request_accepted',
  'reschedule_request_declined',
  'reschedule_request_expired',
];

export function isEmailKind(value: string): value is EmailKind {
  return (EMAIL_KINDS as readonly string[]).includes(value);
}
