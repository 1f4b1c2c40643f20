import type { Kysely } from 'kysely';
import type { Store } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { deleteExpiredRateLimits } from '../limits/rate-limit-repository.js';

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
 * whose booking has ended (a link works until then), idempotency records and sent emails past their keeping.
 */
export interface ExpiryCutoffs {
  /** Rows with `expires_at <= expiredBy` (rate limits: `window_ends_at`) are dead. */
  expiredBy: number;
  /** Booking links whose booking ended at or before this, or that were revoked, are dead. */
  bookingEndedBy: number;
  /** Idempotency records created before this are dropped. */
  idempotencyCreatedBefore: number;
  /** Emails sent before this are dropped. */
  emailSentBefore: number;
}

export function expiryCutoffs(now: number, retention: typeof RETENTION = RETENTION): ExpiryCutoffs {
  return {
    expiredBy: now,
    bookingEndedBy: now,
    idempotencyCreatedBefore: now - retention.idempotencyRecordsMs,
    emailSentBefore: now - retention.sentEmailsMs,
  };
}

/** One kind of dead record: deletes at most `batch` of them and answers how many went. */
interface Sweep {
  table: string;
  sweep(db: Kysely<Database>, cutoffs: ExpiryCutoffs, batch: number): Promise<number>;
}

const deleted = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);

/**
 * Each sweep deletes one bounded batch in its own short statement (never a long lock), picking the rows by an
 * indexed column; a table another feature adds with rows that expire gets its own line here.
 */
const SWEEPS: readonly Sweep[] = [
  {
    table: 'portal_sessions',
    sweep: async (db, cutoffs, batch) =>
      deleted(
        await db
          .deleteFrom('portal_sessions')
          .where(
            'token_hash',
            'in',
            db
              .selectFrom('portal_sessions')
              .select('token_hash')
              .where('expires_at', '<=', cutoffs.expiredBy)
              .limit(batch),
          )
          .executeTakeFirst(),
      ),
  },
  {
    table: 'customer_sign_in_links',
    sweep: async (db, cutoffs, batch) =>
      deleted(
        await db
          .deleteFrom('customer_sign_in_links')
          .where(
            'token_hash',
            'in',
            db
              .selectFrom('customer_sign_in_links')
              .select('token_hash')
              .where('expires_at', '<=', cutoffs.expiredBy)
              .limit(batch),
          )
          .executeTakeFirst(),
      ),
  },
  {
    table: 'booking_links',
    sweep: async (db, cutoffs, batch) =>
      deleted(
        await db
          .deleteFrom('booking_links')
          .where(
            'token_hash',
            'in',
            db
              .selectFrom('booking_links')
              .innerJoin('bookings', 'bookings.id', 'booking_links.booking_id')
              .select('booking_links.token_hash')
              .where((eb) =>
                eb.or([
                  eb('booking_links.revoked_at', 'is not', null),
                  eb('bookings.ends_at', '<=', cutoffs.bookingEndedBy),
                ]),
              )
              .limit(batch),
          )
          .executeTakeFirst(),
      ),
  },
  {
    table: 'admin_credentials',
    sweep: async (db, cutoffs, batch) =>
      deleted(
        await db
          .deleteFrom('admin_credentials')
          .where(
            'id',
            'in',
            db
              .selectFrom('admin_credentials')
              .select('id')
              .where('expires_at', '<=', cutoffs.expiredBy)
              .limit(batch),
          )
          .executeTakeFirst(),
      ),
  },
  {
    table: 'idempotency_records',
    sweep: async (db, cutoffs, batch) =>
      deleted(
        await db
          .deleteFrom('idempotency_records')
          .where((eb) =>
            eb(
              eb.refTuple('scope', 'key'),
              'in',
              eb
                .selectFrom('idempotency_records')
                .select(['scope', 'key'])
                .where('created_at', '<', cutoffs.idempotencyCreatedBefore)
                .limit(batch)
                .$asTuple('scope', 'key'),
            ),
          )
          .executeTakeFirst(),
      ),
  },
  {
    table: 'outbox_messages',
    sweep: async (db, cutoffs, batch) =>
      deleted(
        await db
          .deleteFrom('outbox_messages')
          .where(
            'id',
            'in',
            db
              .selectFrom('outbox_messages')
              .select('id')
              .where('sent_at', '<', cutoffs.emailSentBefore)
              .where('status', '=', 'sent')
              .limit(batch),
          )
          .executeTakeFirst(),
      ),
  },
  {
    table: 'rate_limit_counters',
    sweep: (db, cutoffs, batch) => deleteExpiredRateLimits(db, cutoffs.expiredBy, batch),
  },
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
