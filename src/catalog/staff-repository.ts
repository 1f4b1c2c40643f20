import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffTable } from '../db/schema.js';
import type { WorkingHours } from '../scheduling/working-hours.js';

/** The one module that reads and writes the `staff` and `staff_services` tables. */
export interface StaffMember {
  id: string;
  name: string;
  email: string | null;
  serviceIds: string[];
  /** null: the business's own hours. */
  workingHours: WorkingHours | null;
}

export type StaffChanges = Partial<Omit<StaffMember, 'id' | 'serviceIds'>>;

export const toStaffMember = (row: Selectable<StaffTable>, serviceIds: string[]): StaffMember => ({
  id: row.id,
  name: row.name,
  email: row.email,
  workingHours: row.working_hours === null ? null : (JSON.parse(row.working_hours) as WorkingHours),
  serviceIds,
});

export async function listStaff(db: Kysely<Database>): Promise<StaffMember[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom('staff').selectAll().orderBy('name').orderBy('id').execute(),
    db.selectFrom('staff_services').selectAll().execute(),
  ]);
  return rows.map((row) =>
    toStaffMember(
      row,
      links.filter((link) => link.staff_id === row.id).map((link) => link.service_id),
    ),
  );
}

export async function findServiceIdsOf(db: Kysely<Database>, staffId: string): Promise<string[]> {
  const links = await db
    .selectFrom('staff_services')
    .select('service_id')
    .where('staff_id', '=', staffId)
    .execute();
  return links.map((link) => link.service_id);
}

export async function findStaffMember(db: Kysely<Database>, id: string): Promise<StaffMember | undefined> {
  const [row, serviceIds] = await Promise.all([
    db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst(),
    findServiceIdsOf(db, id),
  ]);
  return row && toStaffMember(row, serviceIds);
}

export async function insertStaffMember(db: Kysely<Database>, member: StaffMember, now: number) {
  await db
    .insertInto('staff')
    .values({
      id: member.id,
      name: member.name,
      email: member.email,
      working_hours: member.workingHours === null ? null : JSON.stringify(member.workingHours),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await replaceServicesOf(db, member.id, member.serviceIds);
}

/** Sets only the given fields; false when there is no such staff member. */
export async function updateStaffRow(
  db: Kysely<Database>,
  id: string,
  changes: StaffChanges,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('staff')
    .set({
      updated_at: now,
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.workingHours !== undefined && {
        working_hours: changes.workingHours === null ? null : JSON.stringify(changes.workingHours),
      }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function replaceServicesOf(
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

export async function deleteStaffRow(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('staff').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
