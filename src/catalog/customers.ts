import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../db/dialect.js';
import type { CustomerTable, Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { givenFields } from '../patch-fields.js';

import type { Customer, customerPatchSchema, newCustomerSchema } from './customer-schemas.js';

export {
  type Customer,
  customerPatchSchema,
  customerSchema,
  newCustomerSchema,
} from './customer-schemas.js';

const toCustomer = (row: Selectable<CustomerTable>): Customer => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  timezone: row.timezone,
});

const EMAIL_TAKEN = 'another customer already has this email';

export async function listCustomers(db: Kysely<Database>, search?: string): Promise<Customer[]> {
  let query = db.selectFrom('customers').selectAll().orderBy('name').orderBy('id').limit(500);
  if (search) {
    const pattern = `%${search.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['name']), 'like', pattern), eb('email', 'like', pattern)]),
    );
  }
  return (await query.execute()).map(toCustomer);
}

export async function getCustomer(db: Kysely<Database>, id: string): Promise<Result<Customer>> {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ok(toCustomer(row)) : notFound('customer');
}

export async function createCustomer(
  db: Kysely<Database>,
  now: number,
  input: z.output<typeof newCustomerSchema>,
): Promise<Result<Customer>> {
  const row = { id: randomUUID(), ...input, created_at: now, updated_at: now };
  try {
    await db.insertInto('customers').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) return fail('already_exists', EMAIL_TAKEN, 'email');
    throw error;
  }
  return ok(toCustomer(row));
}

export async function updateCustomer(
  db: Kysely<Database>,
  now: number,
  id: string,
  patch: z.output<typeof customerPatchSchema>,
): Promise<Result<Customer>> {
  try {
    const result = await db
      .updateTable('customers')
      .set({ ...givenFields(patch), updated_at: now })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return notFound('customer');
  } catch (error) {
    if (isUniqueViolation(error)) return fail('already_exists', EMAIL_TAKEN, 'email');
    throw error;
  }
  return getCustomer(db, id);
}
