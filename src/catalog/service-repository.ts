import type { Kysely, Selectable } from 'kysely';
import type { Database, ServiceTable } from '../db/schema.js';

/** The one module that reads and writes the `services` table. */
export interface Service {
  id: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  active: boolean;
}

export type ServiceChanges = Partial<Omit<Service, 'id'>>;

export const toService = (row: Selectable<ServiceTable>): Service => ({
  id: row.id,
  name: row.name,
  durationMinutes: row.duration_minutes,
  bufferBeforeMinutes: row.buffer_before_minutes,
  bufferAfterMinutes: row.buffer_after_minutes,
  active: row.active === 1,
});

export async function listServices(db: Kysely<Database>): Promise<Service[]> {
  const rows = await db.selectFrom('services').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toService);
}

export async function findService(db: Kysely<Database>, id: string): Promise<Service | undefined> {
  const row = await db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toService(row);
}

/** Which of these ids are services. */
export async function existingServiceIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('services').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

export async function insertService(db: Kysely<Database>, service: Service, now: number): Promise<void> {
  await db
    .insertInto('services')
    .values({
      id: service.id,
      name: service.name,
      duration_minutes: service.durationMinutes,
      buffer_before_minutes: service.bufferBeforeMinutes,
      buffer_after_minutes: service.bufferAfterMinutes,
      active: service.active ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Sets only the given fields; false when there is no such service. */
export async function updateServiceRow(
  db: Kysely<Database>,
  id: string,
  changes: ServiceChanges,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('services')
    .set({
      updated_at: now,
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.durationMinutes !== undefined && { duration_minutes: changes.durationMinutes }),
      ...(changes.bufferBeforeMinutes !== undefined && {
        buffer_before_minutes: changes.bufferBeforeMinutes,
      }),
      ...(changes.bufferAfterMinutes !== undefined && { buffer_after_minutes: changes.bufferAfterMinutes }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteServiceRow(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('services').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
