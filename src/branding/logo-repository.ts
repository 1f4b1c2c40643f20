import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The one module that reads and writes the `business_logo` table (one row, or none). */
export interface StoredLogo {
  /** image/png, image/jpeg or image/webp: the table's CHECK allows no other. */
  contentType: string;
  image: Buffer;
  etag: string;
  updatedAt: number;
}

const SINGLE_BUSINESS = 1;

export async function readLogo(db: Kysely<Database>): Promise<StoredLogo | undefined> {
  const row = await db
    .selectFrom('business_logo')
    .selectAll()
    .where('id', '=', SINGLE_BUSINESS)
    .executeTakeFirst();
  return (
    row && {
      contentType: row.content_type,
      image: Buffer.from(row.image),
      etag: row.etag,
      updatedAt: Number(row.updated_at),
    }
  );
}

/** Only the tag: a favicon or a conditional request asks whether the logo changed without reading it. */
export async function readLogoTag(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('business_logo')
    .select('etag')
    .where('id', '=', SINGLE_BUSINESS)
    .executeTakeFirst();
  return row?.etag;
}

export async function writeLogo(db: Kysely<Database>, logo: StoredLogo): Promise<void> {
  const values = {
    content_type: logo.contentType,
    image: logo.image,
    etag: logo.etag,
    updated_at: logo.updatedAt,
  };
  await db
    .insertInto('business_logo')
    .values({ id: SINGLE_BUSINESS, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function deleteLogo(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('business_logo').where('id', '=', SINGLE_BUSINESS).execute();
}
