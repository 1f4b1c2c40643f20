import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, SelectQueryBuilder, UpdateQueryBuilder, UpdateResult } from 'kysely';
import { type DialectName, skipLockedForClaim } from '../db/dialect.js';
import type { Database, OutboxMessageTable } from '../db/schema.js';
import type { BookingSnapshot } from './booking-snapshot.js';
import type { EmailKind } from './email-kind.js';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** The change an email reports, as it was when the change was made. */
export interface ReportedChange {
  type: 'created' | 'rescheduled' | 'cancelled';
  previousStartsAt: number | null;
  actor: 'admin' | 'customer' | 'system';
  channel: string;
  reason: string | null;
  /** For the office's notice: other work the booking overlaps after the change (the decision's conflicts). */
  conflicts?: Array<{ kind: 'booking' | 'blocked_event'; startsAt: number; endsAt: number }>;
}

export interface OutboxPayload {
  change?: ReportedChange;
  /** For a booking email: the booking as the email describes it. */
  snapshot?: BookingSnapshot;
  /** For a sign-in email: whose sign-in link to make. */
  customerId?: string;
  /** For a notice to the office that an email could not be delivered: which one. */
  failedEmailId?: string;
  /** For a reschedule request email or the office's notice about one: the request as it was then. */
  request?: RequestFacts;
}

/** A reschedule request as its emails describe it. */
export interface RequestFacts {
  id: string;
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  message: string | null;
  respondBy: number;
  suggestedTimes: Array<{ startsAt: number; endsAt: number; staffId: string; staffName: string }>;
  /** The customer's note when declining. */
  responseMessage: string | null;
}

export interface QueuedEmail {
  kind: EmailKind;
  bookingId: string | null;
  recipient: string;
  payload: OutboxPayload;
}

export interface OutboxMessage {
  id: string;
  kind: EmailKind;
  bookingId: string | null;
  recipient: string;
  payload: OutboxPayload;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  /** When this message was first tried (again, after a retry by hand): its retry window starts here. */
  firstAttemptAt: number | null;
  lastError: string | null;
  messageId: string;
  subject: string | null;
  html: string | null;
  text: string | null;
  createdAt: number;
  sentAt: number | null;
}

const toMessage = (row: Selectable<OutboxMessageTable>): OutboxMessage => ({
  id: row.id,
  kind: row.kind as EmailKind,
  bookingId: row.booking_id,
  recipient: row.recipient,
  payload: JSON.parse(row.payload) as OutboxPayload,
  status: row.status as OutboxStatus,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  leaseUntil: row.lease_until,
  firstAttemptAt: row.first_attempt_at,
  lastError: row.last_error,
  messageId: row.message_id,
  subject: row.subject,
  html: row.html,
  text: row.text,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

/** Written in the same transaction as the change it reports: a rolled-back change sends nothing. */
export async function enqueueEmail(db: Kysely<Database>, email: QueuedEmail, now: number): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('outbox_messages')
    .values({
      id,
      kind: email.kind,
      booking_id: email.bookingId,
      recipient: email.recipient,
      payload: JSON.stringify(email.payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_until: null,
      first_attempt_at: null,
      last_error: null,
      message_id: `<${id}@rebook>`,
      subject: null,
      html: null,
      text: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
  return id;
}

/**
 * A sender's claim on one message: the message as claimed, with `attempts` already counting this attempt.
 * `attempts` only grows, so (id, attempts) names this claim and no other: renewing, failing or releasing it
 * does nothing once another sender has taken the message over.
 */
export type ClaimedMessage = OutboxMessage & { status: 'sending'; firstAttemptAt: number };

/**
 * Claims up to `limit` messages whose previous claim lapsed (a sender died mid-send) or, with `lapsedOnly`
 * false, that are due, and leases each until `leaseUntil`. Several senders may claim at once: each message
 * goes to one of them. Two plain queries, because one with an OR could not use the (status, next_attempt_at)
 * index and sorted every due row on each claim (measured 88 ms on PostgreSQL with 100,000 due).
 */
export async function claimDueMessages(
  db: Kysely<Database>,
  dialect: DialectName,
  now: number,
  leaseUntil: number,
  limit: number,
  which: { lapsed: boolean; due: boolean } = { lapsed: true, due: true },
): Promise<ClaimedMessage[]> {
  const lapsed = which.lapsed
    ? await claim(
        db,
        dialect,
        (query) =>
          query.where('status', '=', 'sending').where('lease_until', '<', now).orderBy('lease_until'),
        { now, leaseUntil },
        limit,
      )
    : [];
  const due =
    which.due && lapsed.length < limit
      ? await claim(
          db,
          dialect,
          (query) =>
            query
              .where('status', '=', 'pending')
              .where('next_attempt_at', '<=', now)
              .orderBy('next_attempt_at'),
          { now, leaseUntil },
          limit - lapsed.length,
        )
      : [];
  return [...lapsed, ...due]
    .map((row) => toMessage(row) as ClaimedMessage)
    .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
}

/**
 * Claims the other due messages of one booking to one recipient, so that one sender sends them all, in
 * order (what matters is that each recipient reads a booking's changes in the order they were made).
 */
export async function claimDueForBooking(
  db: Kysely<Database>,
  dialect: DialectName,
  of: { bookingId: string; recipient: string },
  now: number,
  leaseUntil: number,
): Promise<ClaimedMessage[]> {
  const rows = await claim(
    db,
    dialect,
    (query) =>
      query
        .where('booking_id', '=', of.bookingId)
        .where('recipient', '=', of.recipient)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now),
    { now, leaseUntil },
    20,
  );
  return rows.map((row) => toMessage(row) as ClaimedMessage);
}

type IdQuery = SelectQueryBuilder<Database, 'outbox_messages', { id: string }>;

async function claim(
  db: Kysely<Database>,
  dialect: DialectName,
  which: (query: IdQuery) => IdQuery,
  lease: { now: number; leaseUntil: number },
  limit: number,
) {
  const ids = skipLockedForClaim(which(db.selectFrom('outbox_messages').select('id')).limit(limit), dialect);
  return db
    .updateTable('outbox_messages')
    .set((eb) => ({
      status: 'sending',
      lease_until: lease.leaseUntil,
      attempts: eb('attempts', '+', 1),
      first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(lease.now)),
    }))
    .where('id', 'in', ids)
    .returningAll()
    .execute();
}

type Claim = Pick<ClaimedMessage, 'id' | 'attempts'>;

const held = (claim: Claim) => (query: HeldQuery) =>
  query.where('id', '=', claim.id).where('status', '=', 'sending').where('attempts', '=', claim.attempts);
type HeldQuery = UpdateQueryBuilder<Database, 'outbox_messages', 'outbox_messages', UpdateResult>;

/** Extends a claim while its send is under way. False: the claim lapsed and another sender took the message. */
export async function renewClaim(db: Kysely<Database>, claim: Claim, leaseUntil: number): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ lease_until: leaseUntil })
    .$call(held(claim))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Marks a message sent. Whoever sent it may mark it, even a sender whose claim lapsed meanwhile and whose
 * message another sender has since taken, failed or retried: the mail server has it either way.
 */
export async function markSent(
  db: Kysely<Database>,
  id: string,
  content: { subject: string; html: string; text: string },
  now: number,
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set({ status: 'sent', sent_at: now, lease_until: null, last_error: null, ...content })
    .where('id', '=', id)
    .where('status', '!=', 'sent')
    .execute();
}

/**
 * Records a failed attempt: back to `pending` until `retryAt`, or `failed` for good when `retryAt` is null.
 * False when the claim was no longer this sender's (the message was taken over, or sent meanwhile).
 */
export async function markAttemptFailed(
  db: Kysely<Database>,
  claim: Claim,
  failure: { error: string; retryAt: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({
      status: failure.retryAt === null ? 'failed' : 'pending',
      next_attempt_at: failure.retryAt ?? 0,
      lease_until: null,
      last_error: failure.error.slice(0, 1000),
    })
    .$call(held(claim))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Queues a `failed` message again, due now, with a fresh retry window. False when it was not `failed`. */
export async function requeueFailedMessage(db: Kysely<Database>, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ status: 'pending', next_attempt_at: now, first_attempt_at: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listOutbox(
  db: Kysely<Database>,
  filter: { bookingId?: string; status?: OutboxStatus; limit: number },
): Promise<OutboxMessage[]> {
  let query = db
    .selectFrom('outbox_messages')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.bookingId !== undefined) query = query.where('booking_id', '=', filter.bookingId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  return (await query.execute()).map(toMessage);
}

export async function findOutboxMessage(
  db: Kysely<Database>,
  id: string,
): Promise<OutboxMessage | undefined> {
  const row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMessage(row);
}

/** How many emails of this kind went (or are going) to this address since `since`. */
export async function countEmailsSince(
  db: Kysely<Database>,
  kind: EmailKind,
  recipient: string,
  since: number,
): Promise<number> {
  const row = await db
    .selectFrom('outbox_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .where('recipient', '=', recipient)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Housekeeping: at most `batch` emails sent before `sentBefore`; failed ones stay for the office. */
export async function deleteSentEmailsBefore(
  db: Kysely<Database>,
  sentBefore: number,
  batch: number,
): Promise<number> {
  const dead = db
    .selectFrom('outbox_messages')
    .select('id')
    .where('status', '=', 'sent')
    .where('sent_at', '<', sentBefore)
    .limit(batch);
  const result = await db.deleteFrom('outbox_messages').where('id', 'in', dead).executeTakeFirst();
  return Number(result.numDeletedRows);
}
