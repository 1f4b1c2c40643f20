import type { Kysely } from 'kysely';
import { findBookingFacts } from '../bookings/booking-repository.js';
import { findCustomer } from '../catalog/customer-repository.js';
import type { Database } from '../db/schema.js';
import { readSettings } from '../settings/settings-repository.js';
import { businessFacts, businessLanguage } from './business-facts.js';
import {
  type ComposeContext,
  type ComposedEmail,
  senderOf,
  sharedReads,
  UndeliverableEmail,
} from './compose-email.js';
import type { EmailFacts } from './email-context.js';
import { EMAIL_KIND_TITLES } from './email-kind.js';
import { enqueueEmail, findOutboxMessage, type OutboxMessage } from './outbox-repository.js';
import { renderEmail } from './render-email.js';

/**
 * When an email has finally failed, the office hears of it once: one `email_undeliverable` email to the
 * notification address, queued in the same transaction that marks the email failed. A notice that fails
 * itself tells nobody (no notices about notices); without a notification address the admin Outbox is all.
 */
export async function queueUndeliverableNotice(
  tx: Kysely<Database>,
  failed: Pick<OutboxMessage, 'id' | 'kind'>,
  now: number,
): Promise<void> {
  if (failed.kind === 'email_undeliverable') return;
  const { notificationEmail } = await readSettings(tx);
  if (!notificationEmail) return;
  await enqueueEmail(
    tx,
    {
      kind: 'email_undeliverable',
      bookingId: null,
      recipient: notificationEmail,
      payload: { failedEmailId: failed.id },
    },
    now,
  );
}

/** The notice as it reads now: who the failed email was for, what it was, its booking, and the last error. */
export async function composeUndeliverableNotice(
  context: ComposeContext,
  message: OutboxMessage,
): Promise<ComposedEmail> {
  const { db, now, publicUrl } = context;
  const failedId = message.payload.failedEmailId;
  const failed = failedId === undefined ? undefined : await findOutboxMessage(db, failedId);
  if (!failed) throw new UndeliverableEmail('the email this notice is about no longer exists');
  const shared = context.shared ?? sharedReads(db);
  const settings = await shared.settings();
  const language = businessLanguage(settings);
  const template = await shared.template(message.kind, language);
  const found = failed.bookingId === null ? undefined : await findBookingFacts(db, failed.bookingId);
  const signInCustomer =
    !found && failed.payload.customerId !== undefined
      ? await findCustomer(db, failed.payload.customerId)
      : undefined;
  const customer = found
    ? { name: found.customer.name, email: found.customer.email, timeZone: found.customer.timezone }
    : signInCustomer
      ? { name: signInCustomer.name, email: signInCustomer.email, timeZone: signInCustomer.timezone }
      : { name: failed.recipient, email: failed.recipient, timeZone: null };
  const facts: EmailFacts = {
    business: businessFacts(settings, publicUrl),
    language,
    customer,
    ...(found && {
      booking: {
        id: found.booking.id,
        status: found.booking.status,
        startsAt: found.booking.startsAt,
        endsAt: found.booking.endsAt,
        notes: found.booking.notes,
        reference: found.booking.id.slice(0, 8).toUpperCase(),
      },
      service: {
        name: found.serviceName ?? 'Appointment',
        durationMinutes: Math.round((found.booking.endsAt - found.booking.startsAt) / 60_000),
      },
      staff: { name: found.staffName ?? '' },
    }),
    undeliverable: {
      recipient: failed.recipient,
      kind: failed.kind,
      title: EMAIL_KIND_TITLES[failed.kind],
      lastError: failed.lastError,
      attempts: failed.attempts,
      firstAttemptAt: failed.firstAttemptAt ?? failed.createdAt,
      outboxLink: `${publicUrl}/admin/outbox/${encodeURIComponent(failed.id)}`,
    },
    links: { booking: found ? `${publicUrl}/admin/bookings/${found.booking.id}` : null, signIn: null },
    canReschedule: false,
    now,
  };
  const rendered = await renderEmail(template, facts);
  return {
    mail: {
      messageId: message.messageId,
      from: senderOf(context, settings),
      to: message.recipient,
      ...rendered,
      language,
    },
    secrets: [],
  };
}
