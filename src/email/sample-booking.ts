import { Temporal } from 'temporal-polyfill';
import type { EmailFacts } from './email-context.js';
import { type EmailKind, OFFICE_EMAIL_KINDS } from './email-kind.js';

const SAMPLE_ZONE = 'America/New_York';
const BOOKING_ID = 'b7e1c2d4-5f60-4a8b-9c3d-2e1f0a9b8c7d';

function localTime(date: Temporal.PlainDate, time: string, zone: string): number {
  return date.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
}

/**
 * A realistic booking for the admin's template preview: a customer who moved her cleaning from an email link,
 * four days after `now`. `kind` makes the change and status fit that email (a cancellation shows a cancelled
 * booking); without it, the booking is a rescheduled one that can still be changed.
 */
export function sampleFacts(now: number, kind?: EmailKind, zone = SAMPLE_ZONE): EmailFacts {
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(zone).toPlainDate();
  const day = today.add({ days: 4 });
  const startsAt = localTime(day, '10:00', zone);
  const cancelled = kind === 'booking_cancelled';
  const created = kind === 'booking_confirmation' || kind === 'booking_reminder';
  return {
    business: {
      name: 'Bright Clean Co.',
      timeZone: zone,
      notificationEmail: 'office@brightclean.example',
      changeBlockedMessage: 'To change this booking, please call us on (555) 010-4477.',
    },
    customer: { name: 'Alice Moreno', email: 'alice.moreno@example.com', timeZone: 'America/Chicago' },
    booking: {
      id: BOOKING_ID,
      status: cancelled ? 'cancelled' : 'confirmed',
      startsAt,
      endsAt: startsAt + 90 * 60_000,
      notes: 'Please use the side door.\nThe dog is friendly.',
      reference: 'B7E1C2D4',
    },
    service: { name: 'Standard clean', durationMinutes: 90 },
    staff: { name: 'Jordan Lee' },
    ...(kind !== 'email_undeliverable' &&
      kind !== 'customer_sign_in' && {
        change: {
          previousStartsAt: created || cancelled ? null : localTime(day.subtract({ days: 1 }), '14:00', zone),
          actor: 'customer',
          channel: created ? 'portal' : 'email_link',
          reason: created ? null : cancelled ? 'Away that week' : 'Work meeting moved',
          type: created ? 'created' : cancelled ? 'cancelled' : 'rescheduled',
        },
      }),
    links: {
      // The business gets the admin page, never the customer's own link.
      booking:
        kind === 'email_undeliverable' || (kind !== undefined && OFFICE_EMAIL_KINDS.includes(kind))
          ? `https://rebook.example/admin/bookings/${BOOKING_ID}`
          : `https://rebook.example/portal/bookings/${BOOKING_ID}?token=sample`,
      signIn: 'https://rebook.example/portal/sign-in?token=sample',
      bookAgain: 'https://rebook.example/portal/book',
    },
    canReschedule: !cancelled,
    ...(kind === 'email_undeliverable' && {
      undeliverable: {
        recipient: 'alice.moreno@example.com',
        kind: 'booking_reminder',
        title: 'Booking Reminder',
        lastError: '550 5.1.1 <alice.moreno@example.com>: mailbox unavailable',
        attempts: 55,
        firstAttemptAt: now - 24 * 3_600_000,
        outboxLink: 'https://rebook.example/admin/outbox/3f2a9c1e-8d4b-4e7a-b6c5-1a2b3c4d5e6f',
      },
    }),
    ...(kind?.startsWith('reschedule_request') && {
      request: {
        status: REQUEST_STATUS_OF[kind] ?? 'pending',
        message: 'Jordan is ill on that day: could you pick another time?',
        respondBy: now + 48 * 3_600_000,
        suggestedTimes: [
          { startsAt: localTime(day, '13:00', zone), staffName: 'Jordan Lee' },
          { startsAt: localTime(day.add({ days: 1 }), '09:30', zone), staffName: 'Sam Ortiz' },
          { startsAt: localTime(day.add({ days: 1 }), '11:00', zone), staffName: 'Jordan Lee' },
        ],
        responseMessage: kind === 'reschedule_request_declined' ? 'I can only do mornings next week.' : null,
      },
    }),
    now,
  };
}

const REQUEST_STATUS_OF: Partial<Record<EmailKind, string>> = {
  reschedule_request_accepted: 'accepted',
  reschedule_request_declined: 'declined',
  reschedule_request_expired: 'expired',
};
