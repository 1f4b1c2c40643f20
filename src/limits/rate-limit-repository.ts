import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Rate-limit counters in the database, so every app process on one database counts into the same bucket.
 * A bucket's window opens at its first hit and lasts `windowMs`; a hit after the window has ended opens a new
 * one. One row per bucket, changed by a single atomic upsert (the same statement on SQLite and PostgreSQL).
 */
export interface BucketCount {
  hits: number;
  windowEndsAt: number;
}

export async function countHit(
  db: Kysely<Database>,
  bucket: string,
  windowMs: number,
  now: number,
): Promise<BucketCount> {
  const freshEnd = now + windowMs;
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ bucket, hits: 1, window_ends_at: freshEnd })
    .onConflict((conflict) =>
      conflict.column('bucket').doUpdateSet({
        hits: sql`CASE WHEN rate_limit_counters.window_ends_at <= ${now} THEN 1 ELSE rate_limit_counters.hits + 1 END`,
        window_ends_at: sql`CASE WHEN rate_limit_counters.window_ends_at <= ${now} THEN ${freshEnd} ELSE rate_limit_counters.window_ends_at END`,
      }),
    )
    .returning(['hits', 'window_ends_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), windowEndsAt: Number(row.window_ends_at) };
}

/** Takes one hit back (an attempt that turned out not to count), within the window it was made in. */
export async function takeBackHit(db: Kysely<Database>, bucket: string, now: number): Promise<void> {
  await db
    .updateTable('rate_limit_counters')
    .set((eb) => ({ hits: eb('hits', '-', 1) }))
    .where('bucket', '=', bucket)
    .where('window_ends_at', '>', now)
    .where('hits', '>', 0)
    .execute();
  await db.deleteFrom('rate_limit_counters').where('bucket', '=', bucket).where('hits', '<=', 0).execute();
}

/**
 * Housekeeping: windows that have ended count for nothing. Removes at most `batch` of them (all without one)
 * and returns how many were removed.
 */
export async function deleteExpiredRateLimits(
  db: Kysely<Database>,
  now: number,
  batch?: number,
): Promise<number> {
  const ended = db.selectFrom('rate_limit_counters').select('bucket').where('window_ends_at', '<=', now);
  const result = await db
    .deleteFrom('rate_limit_counters')
    .where('bucket', 'in', batch === undefined ? ended : ended.limit(batch))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
