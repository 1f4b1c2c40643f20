import { isTimeZone } from '../scheduling/time-zone.js';
import {
  formatClockWithZone,
  formatDate,
  formatDateTime,
  formatDuration,
  formatShortDateTimeWithZone,
} from '../shared/business-time.js';

export interface EmailFacts {
  business: {
    name: string;
    timeZone: string;
    notificationEmail: string | null;
    changeBlockedMessage: string;
  };
  customer: { name: string; email: string; timeZone: string | null };
  /** Absent only for emails about the customer rather than a booking (the sign-in email). */
  booking?: {
    id: string;
    status: 'confirmed' | 'cancelled' | 'completed';
    startsAt: number;
    endsAt: number;
    notes: string | null;
    reference: string;
  };
  service?: { name: string; durationMinutes: number };
  staff?: { name: string };
  /** For rescheduled/cancelled/notification: the time before the change, and who made it. */
  change?: {
    previousStartsAt: number | null;
    actor: 'admin' | 'customer' | 'system';
    channel: string;
    reason: string | null;
    type: 'created' | 'rescheduled' | 'cancelled';
  };
  /** For the office's notice that an email finally failed: that email. */
  undeliverable?: {
    recipient: string;
    kind: string;
    /** The kind in words, e.g. Booking Reminder. */
    title: string;
    lastError: string | null;
    attempts: number;
    firstAttemptAt: number;
    /** The email in the admin Outbox, where Retry sends it again. */
    outboxLink: string;
  };
  /** For a reschedule request or the office's notice about one: the request as it was when queued. */
  request?: {
    status: string;
    message: string | null;
    respondBy: number;
    suggestedTimes: ReadonlyArray<{ startsAt: number; staffName: string }>;
    responseMessage: string | null;
  };
  /** Absolute URLs built by the caller. */
  links: { booking: string | null; signIn: string | null };
  /** Whether the customer can still reschedule this booking right now (flag on, booking active, outside minimum notice...) — decided by the caller. */
  canReschedule: boolean;
  /** Epoch ms. */
  now: number;
}

/** What each variable holds, for the template editor; the examples are the sample booking's values. */
export const TEMPLATE_VARIABLES: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'business.name', description: 'Business name, e.g. Bright Clean Co.' },
  { name: 'business.time_zone', description: 'Business time zone, e.g. America/New_York' },
  {
    name: 'business.change_blocked_message',
    description:
      'Your own words for when a customer cannot change a booking online, e.g. how to call; empty if not set',
  },
  { name: 'customer.name', description: 'Customer name, e.g. Alice Moreno' },
  { name: 'customer.email', description: 'Customer email address' },
  { name: 'customer.time_zone', description: "Customer's own time zone, if known, e.g. America/Chicago" },
  { name: 'booking.id', description: 'Booking id' },
  { name: 'booking.reference', description: 'Booking reference to quote, e.g. BK-7Q4M2X' },
  { name: 'booking.status', description: 'confirmed, cancelled or completed' },
  { name: 'booking.starts_at', description: 'Start, e.g. Tuesday 1 December 2026, 10:00 EST' },
  {
    name: 'booking.starts_at_short',
    description: 'Start, short, e.g. Tue 1 Dec, 10:00 EST (good for subjects)',
  },
  { name: 'booking.date', description: 'Start date, e.g. Tuesday 1 December 2026' },
  { name: 'booking.time', description: 'Start time, e.g. 10:00 EST' },
  { name: 'booking.ends_at', description: 'End, e.g. Tuesday 1 December 2026, 11:30 EST' },
  { name: 'booking.end_time', description: 'End time, e.g. 11:30 EST' },
  { name: 'booking.duration', description: 'Length, e.g. 1 hour 30 minutes' },
  {
    name: 'booking.starts_at_customer',
    description:
      "Start in the customer's own time zone, e.g. Tuesday 1 December 2026, 09:00 CST; empty when it reads the same",
  },
  { name: 'booking.notes', description: 'Notes on the booking; empty if none' },
  { name: 'service.name', description: 'Service, e.g. Standard clean' },
  { name: 'service.duration_minutes', description: 'Service length in minutes, e.g. 90' },
  { name: 'staff.name', description: 'Staff member, e.g. Jordan Lee' },
  {
    name: 'change.type',
    description: 'What happened: created, rescheduled or cancelled; empty outside change emails',
  },
  { name: 'change.actor', description: 'Who made the change: admin, customer or system' },
  {
    name: 'change.actor_name',
    description: 'Who made the change, in words, e.g. Alice Moreno or An administrator',
  },
  {
    name: 'change.channel',
    description: 'Where the change was made: portal, email_link, admin, api or system',
  },
  { name: 'change.channel_label', description: 'Where, in words, e.g. email link or the customer portal' },
  { name: 'change.reason', description: 'The reason given for the change; empty if none' },
  {
    name: 'change.previous_starts_at',
    description: 'Start before the change, e.g. Monday 30 November 2026, 14:00 EST',
  },
  {
    name: 'change.previous_starts_at_short',
    description: 'Start before the change, short, e.g. Mon 30 Nov, 14:00 EST',
  },
  { name: 'change.at', description: 'When the change was made, e.g. Friday 27 November 2026, 10:00 EST' },
  {
    name: 'undeliverable.to',
    description: 'Undeliverable-email notice: who the failed email was for, e.g. alice.moreno@example.com',
  },
  {
    name: 'undeliverable.title',
    description: 'Undeliverable-email notice: what it was, e.g. Booking Reminder',
  },
  { name: 'undeliverable.kind', description: 'Undeliverable-email notice: its kind, e.g. booking_reminder' },
  {
    name: 'undeliverable.last_error',
    description: "Undeliverable-email notice: the mail server's last answer, e.g. 550 mailbox unavailable",
  },
  { name: 'undeliverable.attempts', description: 'Undeliverable-email notice: how often it was tried' },
  {
    name: 'undeliverable.first_attempt_at',
    description:
      'Undeliverable-email notice: when it was first tried, e.g. Monday 30 November 2026, 14:00 EST',
  },
  {
    name: 'undeliverable.outbox_link',
    description: 'Undeliverable-email notice: the email in the admin Outbox, where Retry sends it again',
  },
  {
    name: 'request.message',
    description: "Reschedule request emails: the office's message to the customer; empty if none",
  },
  {
    name: 'request.respond_by',
    description: 'Reschedule request emails: answer by, e.g. Thursday 3 December 2026, 08:00 EST',
  },
  {
    name: 'request.suggestions',
    description:
      'Reschedule request emails: the suggested times, each with starts_at, starts_at_short, staff_name and link (opens the booking with that time ready to confirm)',
  },
  {
    name: 'request.status',
    description: "The request's state: pending, accepted, declined, expired or withdrawn",
  },
  {
    name: 'request.response_message',
    description: "Reschedule request notices: the customer's note when declining; empty if none",
  },
  { name: 'links.booking', description: "Link to the customer's booking page" },
  { name: 'links.sign_in', description: 'Sign-in link (sign-in emails only)' },
  { name: 'can_reschedule', description: 'true when the customer can still reschedule online right now' },
];

const ACTOR_NAMES = { admin: 'An administrator', system: 'The system' } as const;

const CHANNEL_LABELS: Record<string, string> = {
  portal: 'the customer portal',
  email_link: 'email link',
  admin: 'the admin app',
  api: 'the API',
  system: 'an automatic process',
};

// Liquid treats '' as true in {% if %}, so absent text is null: templates can write {% if booking.notes %}.
function textOrNull(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}

function customerStart(facts: EmailFacts, booking: NonNullable<EmailFacts['booking']>): string | null {
  const zone = facts.customer.timeZone;
  // A customer's zone is their own data and may be stale or wrong; that must not stop the email.
  if (zone === null || !isTimeZone(zone)) return null;
  const theirs = formatDateTime(booking.startsAt, zone);
  return theirs === formatDateTime(booking.startsAt, facts.business.timeZone) ? null : theirs;
}

function changeVariables(facts: EmailFacts): Record<string, unknown> | null {
  const { change, business } = facts;
  if (change === undefined) return null;
  const previous = change.previousStartsAt;
  return {
    type: change.type,
    actor: change.actor,
    actor_name: change.actor === 'customer' ? facts.customer.name : ACTOR_NAMES[change.actor],
    channel: change.channel,
    channel_label: CHANNEL_LABELS[change.channel] ?? change.channel.replaceAll('_', ' '),
    reason: textOrNull(change.reason),
    previous_starts_at: previous === null ? null : formatDateTime(previous, business.timeZone),
    previous_starts_at_short:
      previous === null ? null : formatShortDateTimeWithZone(previous, business.timeZone),
    at: formatDateTime(facts.now, business.timeZone),
  };
}

/** A suggested time's link is the booking link with the time: opening it shows that time ready to confirm. */
function requestVariables(
  request: NonNullable<EmailFacts['request']>,
  bookingLink: string | null,
  zone: string,
): Record<string, unknown> {
  return {
    status: request.status,
    message: textOrNull(request.message),
    respond_by: formatDateTime(request.respondBy, zone),
    response_message: textOrNull(request.responseMessage),
    suggestions: request.suggestedTimes.map((time) => ({
      starts_at: formatDateTime(time.startsAt, zone),
      starts_at_short: formatShortDateTimeWithZone(time.startsAt, zone),
      staff_name: textOrNull(time.staffName),
      link:
        bookingLink === null
          ? null
          : `${bookingLink}${bookingLink.includes('?') ? '&' : '?'}startsAt=${encodeURIComponent(new Date(time.startsAt).toISOString())}`,
    })),
  };
}

/** What Liquid sees: the facts, snake_case, with times already written out in the business zone. */
export function templateVariables(facts: EmailFacts): Record<string, unknown> {
  const { business, customer, booking, service } = facts;
  const zone = business.timeZone;
  return {
    business: {
      name: business.name,
      time_zone: zone,
      change_blocked_message: textOrNull(business.changeBlockedMessage),
    },
    customer: { name: customer.name, email: customer.email, time_zone: customer.timeZone },
    booking: booking && {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      starts_at: formatDateTime(booking.startsAt, zone),
      starts_at_short: formatShortDateTimeWithZone(booking.startsAt, zone),
      date: formatDate(booking.startsAt, zone),
      time: formatClockWithZone(booking.startsAt, zone),
      ends_at: formatDateTime(booking.endsAt, zone),
      end_time: formatClockWithZone(booking.endsAt, zone),
      duration: formatDuration((booking.endsAt - booking.startsAt) / 60_000),
      starts_at_customer: customerStart(facts, booking),
      notes: textOrNull(booking.notes),
    },
    service: service ? { name: service.name, duration_minutes: service.durationMinutes } : null,
    staff: facts.staff ? { name: textOrNull(facts.staff.name) } : null,
    change: changeVariables(facts),
    undeliverable: facts.undeliverable && {
      to: facts.undeliverable.recipient,
      kind: facts.undeliverable.kind,
      title: facts.undeliverable.title,
      last_error: textOrNull(facts.undeliverable.lastError),
      attempts: facts.undeliverable.attempts,
      first_attempt_at: formatDateTime(facts.undeliverable.firstAttemptAt, zone),
      outbox_link: facts.undeliverable.outboxLink,
    },
    request: facts.request && requestVariables(facts.request, facts.links.booking, zone),
    links: { booking: facts.links.booking, sign_in: facts.links.signIn },
    can_reschedule: facts.canReschedule,
  };
}
