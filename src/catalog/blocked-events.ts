import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { BlockedEventTable, Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { toIso } from '../field-schemas.js';
import { checkBookableInstant } from '../scheduling/bookable-range.js';
import type {
  BlockedEventView,
  blockedEventQuerySchema,
  newBlockedEventSchema,
} from './blocked-event-schemas.js';

const toView = (row: Selectable<BlockedEventTable>): BlockedEventView => ({
  id: row.id,
  staffId: row.staff_id,
  startsAt: toIso(row.starts_at),
  endsAt: toIso(row.ends_at),
  reason: row.reason,
});

export async function listBlockedEvents(
  db: Kysely<Database>,
  filter: z.output<typeof blockedEventQuerySchema>,
): Promise<BlockedEventView[]> {
  let query = db.selectFrom('blocked_events').selectAll().orderBy('starts_at').orderBy('id').limit(2000);
  if (filter.from !== undefined) query = query.where('ends_at', '>', filter.from);
  if (filter.to !== undefined) query = query.where('starts_at', '<', filter.to);
  if (filter.staffId !== undefined) {
    const staffId = filter.staffId;
    query = query.where((eb) => eb.or([eb('staff_id', '=', staffId), eb('staff_id', 'is', null)]));
  }
  return (await query.execute()).map(toView);
}

export async function createBlockedEvent(
  db: Kysely<Database>,
  now: number,
  input: z.output<typeof newBlockedEventSchema>,
): Promise<Result<BlockedEventView>> {
  for (const field of ['startsAt', 'endsAt'] as const) {
    const range = checkBookableInstant(input[field], now);
    if (!range.ok) return fail('validation_failed', range.message, field);
  }
  if (input.staffId !== null) {
    const staff = await db
      .selectFrom('staff')
      .select('id')
      .where('id', '=', input.staffId)
      .executeTakeFirst();
    if (!staff) return fail('validation_failed', 'no staff member has this id', 'staffId');
  }
  const row = {
    id: randomUUID(),
    staff_id: input.staffId,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    reason: input.reason,
    created_at: now,
  };
  await db.insertInto('blocked_events').values(row).execute();
  return ok(toView(row));
}

export async function deleteBlockedEvent(db: Kysely<Database>, id: string): Promise<Result<null>> {
  const result = await db.deleteFrom('blocked_events').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 0n ? notFound('blocked event') : ok(null);
}
