import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { hasBookings } from '../bookings/booking-repository.js';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { givenFields } from '../patch-fields.js';
import { existingServiceIds } from './service-repository.js';
import {
  deleteStaffRow,
  findStaffMember,
  insertStaffMember,
  replaceServicesOf,
  type StaffMember,
  updateStaffRow,
} from './staff-repository.js';

export { findStaffMember, listStaff, type StaffMember } from './staff-repository.js';

import type { newStaffMemberSchema, staffMemberPatchSchema } from './staff-schemas.js';

export { newStaffMemberSchema, staffMemberPatchSchema, staffMemberSchema } from './staff-schemas.js';

export async function getStaffMember(db: Kysely<Database>, id: string): Promise<Result<StaffMember>> {
  const member = await findStaffMember(db, id);
  return member ? ok(member) : notFound('staff member');
}

async function unknownServiceIds(db: Kysely<Database>, serviceIds: readonly string[]): Promise<string[]> {
  const known = await existingServiceIds(db, serviceIds);
  return serviceIds.filter((id) => !known.has(id));
}

export async function createStaffMember(
  db: Kysely<Database>,
  now: number,
  input: z.output<typeof newStaffMemberSchema>,
): Promise<Result<StaffMember>> {
  const unknown = await unknownServiceIds(db, input.serviceIds);
  if (unknown.length > 0)
    return fail('validation_failed', `unknown service ${unknown.join(', ')}`, 'serviceIds');
  const member = { id: randomUUID(), ...input };
  await db.transaction().execute((tx) => insertStaffMember(tx, member, now));
  return getStaffMember(db, member.id);
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
  const { serviceIds, ...changes } = givenFields(patch);
  const found = await db.transaction().execute(async (tx) => {
    if (!(await updateStaffRow(tx, id, changes, now))) return false;
    if (serviceIds) await replaceServicesOf(tx, id, serviceIds);
    return true;
  });
  return found ? getStaffMember(db, id) : notFound('staff member');
}

/** A staff member with bookings stays for their history. */
export async function deleteStaffMember(db: Kysely<Database>, id: string): Promise<Result<null>> {
  if (await hasBookings(db, { staffId: id })) {
    return fail('in_use', 'this staff member has bookings; reassign or cancel them first');
  }
  return (await deleteStaffRow(db, id)) ? ok(null) : notFound('staff member');
}
