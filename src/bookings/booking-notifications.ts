import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { enqueueEmail, type ReportedChange } from '../email/outbox-repository.js';
import { needsReminder } from '../scheduling/reminder-time.js';
import { readSettings } from '../settings/settings-repository.js';
import type { Booking, ChangeOrigin } from './booking.js';
import { revokeBookingLinks } from './booking-links.js';
import { dropPendingReminders, scheduleReminder } from './reminder-repository.js';

/**
 * What a booking change sets in motion, written in the change's own transaction: the customer's email, the
 * business's notification when the customer made the change, and the reminder that follows the booking's time.
 */
async function recipientsOf(tx: Kysely<Database>, booking: Booking) {
  const [customer, settings] = await Promise.all([
    tx.selectFrom('customers').select('email').where('id', '=', booking.customerId).executeTakeFirstOrThrow(),
    readSettings(tx),
  ]);
  return { customerEmail: customer.email, settings };
}

async function notifyBusinessIfCustomerChanged(
  tx: Kysely<Database>,
  booking: Booking,
  notificationEmail: string | null,
  change: ReportedChange,
  now: number,
) {
  if (change.actor !== 'customer' || notificationEmail === null) return;
  await enqueueEmail(
    tx,
    {
      kind: 'business_notification',
      bookingId: booking.id,
      recipient: notificationEmail,
      payload: { change },
    },
    now,
  );
}

export async function afterBookingCreated(
  tx: Kysely<Database>,
  booking: Booking,
  origin: ChangeOrigin,
  now: number,
) {
  const { customerEmail, settings } = await recipientsOf(tx, booking);
  const change: ReportedChange = { type: 'created', previousStartsAt: null, ...origin, reason: null };
  await enqueueEmail(
    tx,
    { kind: 'booking_confirmation', bookingId: booking.id, recipient: customerEmail, payload: { change } },
    now,
  );
  if (needsReminder(booking.startsAt, settings.reminderLeadMinutes, now)) {
    await scheduleReminder(tx, booking.id, booking.startsAt, now);
  }
  await notifyBusinessIfCustomerChanged(tx, booking, settings.notificationEmail, change, now);
}

export async function afterBookingRescheduled(
  tx: Kysely<Database>,
  before: Booking,
  after: Booking,
  origin: ChangeOrigin,
  reason: string | null,
  now: number,
) {
  const { customerEmail, settings } = await recipientsOf(tx, after);
  const change: ReportedChange = {
    type: 'rescheduled',
    previousStartsAt: before.startsAt,
    ...origin,
    reason,
  };
  await enqueueEmail(
    tx,
    { kind: 'booking_rescheduled', bookingId: after.id, recipient: customerEmail, payload: { change } },
    now,
  );
  await dropPendingReminders(tx, after.id, now);
  if (needsReminder(after.startsAt, settings.reminderLeadMinutes, now)) {
    await scheduleReminder(tx, after.id, after.startsAt, now);
  }
  await notifyBusinessIfCustomerChanged(tx, after, settings.notificationEmail, change, now);
}

export async function afterBookingEnded(
  tx: Kysely<Database>,
  booking: Booking,
  origin: ChangeOrigin,
  reason: string | null,
  now: number,
) {
  await dropPendingReminders(tx, booking.id, now);
  if (booking.status !== 'cancelled') return;
  await revokeBookingLinks(tx, booking.id, now);
  const { customerEmail, settings } = await recipientsOf(tx, booking);
  const change: ReportedChange = { type: 'cancelled', previousStartsAt: booking.startsAt, ...origin, reason };
  await enqueueEmail(
    tx,
    { kind: 'booking_cancelled', bookingId: booking.id, recipient: customerEmail, payload: { change } },
    now,
  );
  await notifyBusinessIfCustomerChanged(tx, booking, settings.notificationEmail, change, now);
}
