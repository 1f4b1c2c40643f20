import type { Kysely } from 'kysely';
import { type DialectName, lockedForChange } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import {
  type BusinessSettings,
  businessSettingsSchema,
  DEFAULT_BUSINESS_SETTINGS,
} from './business-settings.js';

const SINGLE_BUSINESS = 1;

export async function readSettings(db: Kysely<Database>): Promise<BusinessSettings> {
  const row = await db
    .selectFrom('business_settings')
    .select('document')
    .where('id', '=', SINGLE_BUSINESS)
    .executeTakeFirst();
  if (!row) return DEFAULT_BUSINESS_SETTINGS;
  if (row.document === lastRead?.document) return lastRead.settings;
  // Parsing on read also fills fields that later versions add, from the defaults.
  const stored = JSON.parse(row.document) as Partial<BusinessSettings>;
  const settings = businessSettingsSchema.parse({
    ...DEFAULT_BUSINESS_SETTINGS,
    ...stored,
    customerPortal: { ...DEFAULT_BUSINESS_SETTINGS.customerPortal, ...stored.customerPortal },
    branding: { ...DEFAULT_BUSINESS_SETTINGS.branding, ...stored.branding },
  });
  lastRead = { document: row.document, settings };
  return settings;
}

/**
 * The settings inside a write transaction that will write them back: on PostgreSQL the row is locked first, so
 * two changes (a PATCH, a logo upload) queue instead of one overwriting the other's field with what it read.
 * SQLite's BEGIN IMMEDIATE already holds the one write lock.
 */
export async function readSettingsForChange(
  tx: Kysely<Database>,
  dialect: DialectName,
): Promise<BusinessSettings> {
  await lockedForChange(
    tx.selectFrom('business_settings').select('id').where('id', '=', SINGLE_BUSINESS),
    dialect,
  ).execute();
  return readSettings(tx);
}

/**
 * Settings are read by nearly every request and change rarely: the parsed form of the last document read is
 * kept, keyed by the document itself, so a change made by any process is seen at once.
 */
let lastRead: { document: string; settings: BusinessSettings } | undefined;

export async function writeSettings(
  db: Kysely<Database>,
  settings: BusinessSettings,
  now: number,
): Promise<void> {
  const document = JSON.stringify(settings);
  await db
    .insertInto('business_settings')
    .values({ id: SINGLE_BUSINESS, document, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ document, updated_at: now }))
    .execute();
}
