import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OutboxBacklog } from '../observability/metrics.js';

/** The emails not yet handed to the mail server (waiting or being sent) and how long the oldest has waited. */
export async function readOutboxBacklog(db: Kysely<Database>, now: number): Promise<OutboxBacklog> {
  const row = await db
    .selectFrom('outbox_messages')
    .select((eb) => [eb.fn.countAll<number | string>().as('pending'), eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirst();
  const oldest = row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest);
  return {
    pending: Number(row?.pending ?? 0),
    oldestPendingAgeSeconds: oldest === null ? 0 : Math.max(0, (now - oldest) / 1000),
  };
}
