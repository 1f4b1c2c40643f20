import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** A request made with an Idempotency-Key, and the answer it got. */
export interface IdempotencyRecord {
  scope: string;
  key: string;
  fingerprint: string;
  responseBody: string;
}

export async function findIdempotencyRecord(
  db: Kysely<Database>,
  scope: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_records')
    .select(['request_fingerprint', 'response_body'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && { scope, key, fingerprint: row.request_fingerprint, responseBody: row.response_body };
}

export async function insertIdempotencyRecord(
  db: Kysely<Database>,
  record: IdempotencyRecord,
  now: number,
): Promise<void> {
  await db
    .insertInto('idempotency_records')
    .values({
      scope: record.scope,
      key: record.key,
      request_fingerprint: record.fingerprint,
      response_status: 200,
      response_body: record.responseBody,
      created_at: now,
    })
    .execute();
}

/** Housekeeping: at most `batch` records made before `createdBefore` (a retry after that acts again). */
export async function deleteIdempotencyRecordsBefore(
  db: Kysely<Database>,
  createdBefore: number,
  batch: number,
): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_records')
    .where((eb) =>
      eb(
        eb.refTuple('scope', 'key'),
        'in',
        eb
          .selectFrom('idempotency_records')
          .select(['scope', 'key'])
          .where('created_at', '<', createdBefore)
          .limit(batch)
          .$asTuple('scope', 'key'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
