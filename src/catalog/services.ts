import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Database, ServiceTable } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import type { newServiceSchema, Service, servicePatchSchema } from './service-schemas.js';

export { newServiceSchema, type Service, servicePatchSchema, serviceSchema } from './service-schemas.js';

const toService = (row: Selectable<ServiceTable>): Service => ({
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

export async function getService(db: Kysely<Database>, id: string): Promise<Result<Service>> {
  const service = await findService(db, id);
  return service ? ok(service) : notFound('service');
}

export async function createService(
  db: Kysely<Database>,
  now: number,
  input: z.output<typeof newServiceSchema>,
): Promise<Service> {
  const row = {
    id: randomUUID(),
    name: input.name,
    duration_minutes: input.durationMinutes,
    buffer_before_minutes: input.bufferBeforeMinutes,
    buffer_after_minutes: input.bufferAfterMinutes,
    active: input.active ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('services').values(row).execute();
  return toService(row);
}

export async function updateService(
  db: Kysely<Database>,
  now: number,
  id: string,
  patch: z.output<typeof servicePatchSchema>,
): Promise<Result<Service>> {
  const result = await db
    .updateTable('services')
    .set({
      updated_at: now,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.durationMinutes !== undefined && { duration_minutes: patch.durationMinutes }),
      ...(patch.bufferBeforeMinutes !== undefined && { buffer_before_minutes: patch.bufferBeforeMinutes }),
      ...(patch.bufferAfterMinutes !== undefined && { buffer_after_minutes: patch.bufferAfterMinutes }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return notFound('service');
  return getService(db, id);
}

/** A service with bookings stays for their history: deactivate it instead. */
export async function deleteService(db: Kysely<Database>, id: string): Promise<Result<null>> {
  const used = await db
    .selectFrom('bookings')
    .select('id')
    .where('service_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (used) {
    return fail('in_use', 'this service has bookings; set active to false to stop offering it instead');
  }
  const result = await db.deleteFrom('services').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 0n ? notFound('service') : ok(null);
}
