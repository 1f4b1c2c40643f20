import type { Kysely } from 'kysely';
import { deleteExpiredCredentials } from '../auth/admin-repository.js';
import { deleteDeadBookingLinks } from '../bookings/booking-link-repository.js';
import { deleteIdempotencyRecordsBefore } from '../bookings/idempotency-repository.js';
import { deleteHandledRemindersBefore } from '../bookings/reminder-repository.js';
import type { Store } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { deleteSentEmailsBefore } from '../email/outbox-repository.js';
import { deleteExpiredRateLimits } from '../limits/rate-limit-repository.js';
import {
  deleteExpiredPortalSessions,
  deleteExpiredSignInLinks,
} from '../portal/portal-session-repository.js';

const DAY = 86_400_000;

/** How long records are kept once they are no longer needed for what they were made for. */
export const RETENTION = {
  /** An `Idempotency-Key` replays the first answer for this long; after that a retry acts again. */
  idempotencyRecordsMs: DAY,
  /** Sent emails stay in the admin Outbox this long. Failed ones stay until the office deals with them. */
  sentEmailsMs: 90 * DAY,
} as const;

/**
 * What is dead at `now`, as instants: a session, sign-in link or admin credential whose `expires_at` has come
 * (the same test their readers apply: valid while `expires_at > now`), a rate-limit window that has ended, a
 * booking link that was revoked or
 * whose booking has ended (a link works until then), a handled reminder for a time that has passed, idempotency records and sent emails past their keeping.
 */
export interface ExpiryCutoffs {
  /** Rows with `expires_at <= expiredBy` (rate limits: `window_ends_at`) are dead. */
  expiredBy: number;
  /** Booking links whose booking ended at or before this, or that were revoked, are dead. */
  bookingEndedBy: number;
  /** Handled reminders for appointment times at or before this are dropped. */
  appointmentStartedBy: number;
  /** Idempotency records created before this are dropped. */
  idempotencyCreatedBefore: number;
  /** Emails sent before this are dropped. */
  emailSentBefore: number;
}

export function expiryCutoffs(now: number, retention: typeof RETENTION = RETENTION): ExpiryCutoffs {
  return {
    expiredBy: now,
    bookingEndedBy: now,
    appointmentStartedBy: now,
    idempotencyCreatedBefore: now - retention.idempotencyRecordsMs,
    emailSentBefore: now - retention.sentEmailsMs,
  };
}

/** One kind of dead record: deletes at most `batch` of them and answers how many went. */
interface Sweep {
  table: string;
  sweep(db: Kysely<Database>, cutoffs: ExpiryCutoffs, batch: number): Promise<number>;
}

/**
 * Each sweep deletes one bounded batch in its own short statement (never a long lock), picking the rows by an
 * indexed column, through the repository of its table; a table another feature adds with rows that expire gets
 * its own line here.
 */
const SWEEPS: readonly Sweep[] = [
  { table: 'portal_sessions', sweep: (db, c, batch) => deleteExpiredPortalSessions(db, c.expiredBy, batch) },
  {
    table: 'customer_sign_in_links',
    sweep: (db, c, batch) => deleteExpiredSignInLinks(db, c.expiredBy, batch),
  },
  { table: 'booking_links', sweep: (db, c, batch) => deleteDeadBookingLinks(db, c.bookingEndedBy, batch) },
  {
    table: 'booking_reminders',
    sweep: (db, c, batch) => deleteHandledRemindersBefore(db, c.appointmentStartedBy, batch),
  },
  { table: 'admin_credentials', sweep: (db, c, batch) => deleteExpiredCredentials(db, c.expiredBy, batch) },
  {
    table: 'idempotency_records',
    sweep: (db, c, batch) => deleteIdempotencyRecordsBefore(db, c.idempotencyCreatedBefore, batch),
  },
  { table: 'outbox_messages', sweep: (db, c, batch) => deleteSentEmailsBefore(db, c.emailSentBefore, batch) },
  { table: 'rate_limit_counters', sweep: (db, c, batch) => deleteExpiredRateLimits(db, c.expiredBy, batch) },
];

export interface HousekeepingReport {
  /** Rows deleted, by table (tables with none left out). */
  deleted: Record<string, number>;
  /** True when a table had more than this run may delete: run again soon. */
  more: boolean;
}

/**
 * Deletes what has expired, in batches of `batch` rows, at most `maxBatches` a table per run so that a first
 * run over years of rows does not hold up the worker's email.
 */
export async function cleanUpExpired(
  context: { store: Store; now: number },
  options: { batch?: number; maxBatches?: number } = {},
): Promise<HousekeepingReport> {
  const batch = options.batch ?? 1000;
  const maxBatches = options.maxBatches ?? 20;
  const cutoffs = expiryCutoffs(context.now);
  const report: HousekeepingReport = { deleted: {}, more: false };
  for (const { table, sweep } of SWEEPS) {
    let total = 0;
    for (let round = 0; ; round++) {
      if (round === maxBatches) {
        report.more = true;
        break;
      }
      const count = await sweep(context.store.db, cutoffs, batch);
      total += count;
      if (count < batch) break;
    }
    if (total > 0) report.deleted[table] = total;
  }
  return report;
}
