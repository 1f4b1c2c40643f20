import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { givenFields } from '../patch-fields.js';
import { type Customer, findCustomer, insertCustomer, updateCustomerRow } from './customer-repository.js';
import type { customerPatchSchema, newCustomerSchema } from './customer-schemas.js';

export { type Customer, listCustomers } from './customer-repository.js';
export { customerPatchSchema, customerSchema, newCustomerSchema } from './customer-schemas.js';

const EMAIL_TAKEN = 'another customer already has this email';

export async function getCustomer(db: Kysely<Database>, id: string): Promise<Result<Customer>> {
  const customer = await findCustomer(db, id);
  return customer ? ok(customer) : notFound('customer');
}

export async function createCustomer(
  db: Kysely<Database>,
  now: number,
  input: z.output<typeof newCustomerSchema>,
): Promise<Result<Customer>> {
  const customer = { id: randomUUID(), ...input };
  try {
    await insertCustomer(db, customer, now);
  } catch (error) {
    if (isUniqueViolation(error)) return fail('already_exists', EMAIL_TAKEN, 'email');
    throw error;
  }
  return ok(customer);
}

export async function updateCustomer(
  db: Kysely<Database>,
  now: number,
  id: string,
  patch: z.output<typeof customerPatchSchema>,
): Promise<Result<Customer>> {
  try {
    if (!(await updateCustomerRow(db, id, givenFields(patch), now))) return notFound('customer');
  } catch (error) {
    if (isUniqueViolation(error)) return fail('already_exists', EMAIL_TAKEN, 'email');
    throw error;
  }
  return getCustomer(db, id);
}
