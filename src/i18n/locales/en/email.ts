import type { Translation } from '../../catalogue.js';

/**
 * The `email` namespace: every word Rebook writes into an email, in English. The other languages are typed
 * against this one (EmailCatalogue), so a missing key fails the type check as well as the catalogue test.
 * Template texts (`templates.*`) are the default blocks' words and carry Liquid merge fields such as
 * `{{ customer.name }}`, filled in by the template engine; the other entries are sentences Rebook builds
 * itself and use i18next's own `{{name}}` interpolation and `_one`/`_other` plurals.
 */
const email = {
  // Fixed by the contract, per language.
  reschedule: 'Reschedule or change booking details',
  details: {
    service: 'Service',
    with: 'With',
    when: 'When',
    yourTime: 'Your time',
    customerTime: "Customer's time",
    previously: 'Previously',
    wasBookedFor: 'Was booked for',
    duration: 'Duration',
    reference: 'Reference',
    notes: 'Notes',
    reason: 'Reason',
    customer: 'Customer',
    changedBy: 'Changed by',
    through: 'Through',
    changedAt: 'Changed on',
    overlaps: 'Overlaps',
    manageOnline: 'You can view and manage your booking online at any time:',
    openBooking: 'open your booking',
    yourMessage: 'Your message',
  },
  calendar: {
    google: 'Add to Google Calendar',
    outlook: 'Add to Outlook',
  },
  buttons: {
    signIn: 'Sign in',
    openBooking: 'Open the booking',
    openOutbox: 'Open the email in the Outbox',
    bookAgain: 'Book again',
    callUs: 'Call us',
  },
  actor: {
    admin: 'An administrator',
    system: 'Rebook',
  },
  channel: {
    portal: 'the customer portal',
    email_link: 'an email link',
    admin: 'the admin app',
    api: 'the API',
    system: 'an automatic process',
  },
  change: {
    title_created: 'New booking',
    title_rescheduled: 'Booking rescheduled',
    title_cancelled: 'Booking cancelled',
    headline_created: '{{actor}} booked {{service}} on {{to}}',
    headline_rescheduled: '{{actor}} rescheduled {{service}} to {{to}}',
    headline_cancelled: '{{actor}} cancelled {{service}} on {{to}}',
    summary_created: '{{actor}} booked {{service}} for {{to}} through {{channel}}.',
    summary_rescheduled: '{{actor}} moved {{service}} from {{from}} to {{to}} through {{channel}}.',
    summary_cancelled: '{{actor}} cancelled {{service}} on {{to}} through {{channel}}.',
    conflict_one:
      'The new time overlaps other work: {{list}}. Open the booking to sort it out with the staff member.',
    conflict_other:
      'The new time overlaps {{count}} other appointments or blocked times: {{list}}. Open the booking to sort it out with the staff member.',
    conflictBooking: 'another booking, {{time}}',
    conflictBlocked: 'blocked time, {{time}}',
  },
  request: {
    suggested: 'Suggested times',
    seeAll: 'See all times',
    timeWith: '{{time}} with {{staff}}',
    title_accepted: 'Reschedule request accepted',
    title_declined: 'Reschedule request declined',
    title_expired: 'Reschedule request expired',
    headline_accepted: '{{customer}} picked a new time: {{service}} on {{short}}',
    headline_declined: '{{customer}} declined your reschedule request: {{service}} on {{short}}',
    headline_expired: 'No answer from {{customer}}: {{service}} on {{short}}',
    summary_accepted: '{{customer}} accepted your reschedule request: {{service}} is now on {{when}}.',
    summary_declined: '{{customer}} declined your reschedule request for {{service}} on {{when}}.',
    summary_expired:
      '{{customer}} did not answer your reschedule request for {{service}} on {{when}} by {{respondBy}}.',
    was: 'It was on {{time}}.',
    customerWrote: '{{customer}} wrote: {{note}}',
  },
  duration: {
    minute_one: '{{count}} minute',
    minute_other: '{{count}} minutes',
    hour_one: '{{count}} hour',
    hour_other: '{{count}} hours',
    day_one: '{{count}} day',
    day_other: '{{count}} days',
  },
  templates: {
    booking_confirmation: {
      subject: 'Your booking is confirmed: {{ service.name }} on {{ booking.starts_at_short }}',
      heading: 'Your booking is confirmed',
      intro: 'Hello {{ customer.name }}, thank you for your booking. Here are the details.',
      signOff: 'We look forward to seeing you,\n{{ business.name }}',
    },
    booking_reminder: {
      subject: 'Reminder: {{ service.name }} on {{ booking.starts_at_short }}',
      heading: 'Your appointment is coming up',
      intro:
        'Hello {{ customer.name }}, {{ business.name }} is looking forward to seeing you. Here is a reminder of your appointment.',
      change: 'Need a different time? You can change it online.',
      signOff: 'See you soon,\n{{ business.name }}',
    },
    booking_rescheduled: {
      subject: 'Booking rescheduled: {{ service.name }} is now on {{ booking.starts_at_short }}',
      heading: 'Your booking has been rescheduled',
      intro:
        'Hello {{ customer.name }}, your {{ service.name }} with {{ business.name }} has moved to a new time.',
      signOff: 'See you soon,\n{{ business.name }}',
    },
    booking_cancelled: {
      subject: 'Booking cancelled: {{ service.name }} on {{ booking.starts_at_short }}',
      heading: 'Your booking has been cancelled',
      intro:
        'Hello {{ customer.name }}, your {{ service.name }} with {{ business.name }} has been cancelled.',
      again: 'If this is a mistake, or you would like another time, you can book again online or call us.',
      signOff: 'Kind regards,\n{{ business.name }}',
    },
    customer_sign_in: {
      subject: 'Your sign-in link for {{ business.name }}',
      heading: 'Sign in to {{ business.name }}',
      intro: 'Hello {{ customer.name }}, use the button below to sign in and see your bookings.',
      note: 'This link is valid for a limited time. If you did not ask to sign in, you can ignore this email: nobody can sign in without this link.',
      footer: 'You received this email because someone asked to sign in with this address.',
    },
    business_notification: {
      subject: '{{ change.headline }} ({{ booking.reference }})',
      heading: '{{ change.title }}',
      intro: '{{ change.summary }}',
      footer: 'Sent by Rebook to your notification address.',
    },
    email_undeliverable: {
      subject: 'Email not delivered: {{ undeliverable.title }} to {{ undeliverable.to }}',
      heading: 'An email could not be delivered',
      intro:
        'Rebook could not deliver the {{ undeliverable.title }} to {{ undeliverable.to }}: it tried {{ undeliverable.attempts }} times since {{ undeliverable.first_attempt_at }} and has stopped.',
      error: 'The mail server last answered: {{ undeliverable.last_error }}',
      advice:
        'Check the address with the customer, then press Retry on the email in the Outbox to send it again.',
      footer: 'Sent by Rebook to your notification address.',
    },
    reschedule_request: {
      subject: 'Please choose a new time for your {{ service.name }} on {{ booking.starts_at_short }}',
      heading: 'Please choose a new time',
      intro:
        'Hello {{ customer.name }}, {{ business.name }} needs to move your {{ service.name }}. Your booking stays where it is until you choose.',
      respond:
        'Please choose by {{ request.respond_by }}. If none of these work, open your booking and tell us.',
      signOff: 'Thank you,\n{{ business.name }}',
    },
    requestNotice: {
      subject: '{{ request.headline }} ({{ booking.reference }})',
      heading: '{{ request.title }}',
      intro: '{{ request.summary }}',
      footer: 'Sent by Rebook to your notification address.',
    },
    customerFooter: 'You received this email because you have a booking with us.',
  },
};

/**
 * The shape every language's `email` catalogue has: English's keys, any words, each language's own plural
 * forms (catalogue.ts, shared with the portal's namespaces).
 */
export type EmailCatalogue = Translation<typeof email>;

export default email;
