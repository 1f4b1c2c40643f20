import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { emailField, idField, singleLineField } from '../field-schemas.js';
import type { WorkingHours } from '../scheduling/working-hours.js';
import { workingHoursSchema, workingHoursViewSchema } from '../settings/working-hours-schema.js';

export const staffMemberSchema = z.object({
  id: idField,
  name: z.string(),
  email: z.string().nullable(),
  serviceIds: z.array(idField),
  workingHours: workingHoursViewSchema.nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema> & { workingHours: WorkingHours | null };

export const newStaffMemberSchema = z.strictObject({
  name: singleLineField(120).pipe(z.string().min(1, 'must not be empty')),
  email: emailField.nullable().default(null),
  serviceIds: z.array(idField).max(200).default([]),
  workingHours: workingHoursSchema.nullable().default(null),
});
export const staffMemberPatchSchema = z.strictObject({
  name: newStaffMemberSchema.shape.name.optional(),
  email: emailField.nullable().optional(),
  serviceIds: z.array(idField).max(200).optional(),
  workingHours: workingHoursSchema.nullable().optional(),
});

export async function listStaff(db: Kysely<Database>): Promise<StaffMember[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom('staff').selectAll().orderBy('name').orderBy('id').execute(),
    db.selectFrom('staff_services').selectAll().execute(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    workingHours: row.working_hours === null ? null : (JSON.parse(row.working_hours) as WorkingHours),
    serviceIds: links.filter((link) => link.staff_id === row.id).map((link) => link.service_id),
  }));
}

export async function findStaffMember(db: Kysely<Database>, id: string): Promise<StaffMember | undefined> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const links = await db
    .selectFrom('staff_services')
    .select('service_id')
    .where('staff_id', '=', id)
    .execute();
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    workingHours: row.working_hours === null ? null : (JSON.parse(row.working_hours) as WorkingHours),
    serviceIds: links.map((link) => link.service_id),
  };
}

export async function getStaffMember(db: Kysely<Database>, id: string): Promise<Result<StaffMember>> {
  const member = await findStaffMember(db, id);
  return member ? ok(member) : notFound('staff member');
}

async function unknownServiceIds(db: Kysely<Database>, serviceIds: readonly string[]): Promise<string[]> {
  if (serviceIds.length === 0) return [];
  const known = await db.selectFrom('services').select('id').where('id', 'in', serviceIds).execute();
  const knownIds = new Set(known.map((row) => row.id));
  return serviceIds.filter((id) => !knownIds.has(id));
}

async function replaceServices(
  db: Kysely<Database>,
  staffId: string,
  serviceIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('staff_services').where('staff_id', '=', staffId).execute();
  const unique = [...new Set(serviceIds)];
  if (unique.length > 0) {
    await db
      .insertInto('staff_services')
      .values(unique.map((serviceId) => ({ staff_id: staffId, service_id: serviceId })))
      .execute();
  }
}

export async function createStaffMember(
  db: Kysely<Database>,
  now: number,
  input: z.output<typeof newStaffMemberSchema>,
): Promise<Result<StaffMember>> {
  const unknown = await unknownServiceIds(db, input.serviceIds);
  if (unknown.length > 0)
    return fail('validation_failed', `unknown service ${unknown.join(', ')}`, 'serviceIds');
  const id = randomUUID();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('staff')
      .values({
        id,
        name: input.name,
        email: input.email,
        working_hours: input.workingHours === null ? null : JSON.stringify(input.workingHours),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await replaceServices(tx, id, input.serviceIds);
  });
  return getStaffMember(db, id);
}

export async function updateStaffMember(
  db: Kysely<Database>,
  now: number,
  id: string,
  patch: z.output<typeof staffMemberPatchSchema>,
): Promise<Result<StaffMember>> {
  if (patch.serviceIds) {
    const unknown = await unknownServiceIds(db, patch.serviceIds);
    if (unknown.length > 0)
      return fail('validation_failed', `unknown service ${unknown.join(', ')}`, 'serviceIds');
  }
  const found = await db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('staff')
      .set({
        updated_at: now,
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.email !== undefined && { email: patch.email }),
        ...(patch.workingHours !== undefined && {
          working_hours: patch.workingHours === null ? null : JSON.stringify(patch.workingHours),
        }),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    if (patch.serviceIds) await replaceServices(tx, id, patch.serviceIds);
    return true;
  });
  return found ? getStaffMember(db, id) : notFound('staff member');
}

/** A staff member with bookings stays for their history. */
export async function deleteStaffMember(db: Kysely<Database>, id: string): Promise<Result<null>> {
  const used = await db
    .selectFrom('bookings')
    .select('id')
    .where('staff_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (used) return fail('in_use', 'this staff member has bookings; reassign or cancel them first');
  const result = await db.deleteFrom('staff').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 0n ? notFound('staff member') : ok(null);
}
