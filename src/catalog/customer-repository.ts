import type { Kysely, Selectable } from 'kysely';
import type { CustomerTable, Database } from '../db/schema.js';
import { isLanguage, type Language } from '../i18n/languages.js';

/** The one module that reads and writes the `customers` table. */
export interface Customer {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  timezone: string | null;
  /** null: the language of the business's locale. */
  language: Language | null;
}

export type CustomerChanges = Partial<Omit<Customer, 'id'>>;

const toCustomer = (row: Selectable<CustomerTable>): Customer => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  timezone: row.timezone,
  // The database refuses any other value (migration 0008); this only narrows the type.
  language: isLanguage(row.language) ? row.language : null,
});

export async function findCustomer(db: Kysely<Database>, id: string): Promise<Customer | undefined> {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCustomer(row);
}

export async function findCustomerByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<Customer | undefined> {
  const row = await db.selectFrom('customers').selectAll().where('email', '=', email).executeTakeFirst();
  return row && toCustomer(row);
}

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

export async function insertCustomer(db: Kysely<Database>, customer: Customer, now: number): Promise<void> {
  await db
    .insertInto('customers')
    .values({ ...customer, created_at: now, updated_at: now })
    .execute();
}

/** Sets only the given fields; false when there is no such customer. */
export async function updateCustomerRow(
  db: Kysely<Database>,
  id: string,
  changes: CustomerChanges,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('customers')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
