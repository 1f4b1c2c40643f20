import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EmailKind } from './email-kind.js';

/** A saved template's row: blocks (as parsed JSON, checked by the caller) or Liquid as typed. */
export interface SavedTemplateRow {
  mode: 'blocks' | 'html';
  subject: string;
  html: string;
  text: string;
  blocks: unknown;
  updatedAt: number;
}

export async function findSavedTemplate(
  db: Kysely<Database>,
  kind: EmailKind,
  language: string,
): Promise<SavedTemplateRow | undefined> {
  const row = await db
    .selectFrom('email_template_versions')
    .selectAll()
    .where('kind', '=', kind)
    .where('language', '=', language)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    mode: row.mode,
    subject: row.subject,
    html: row.html,
    text: row.text,
    blocks: row.blocks === null ? null : (JSON.parse(row.blocks) as unknown),
    updatedAt: Number(row.updated_at),
  };
}

export async function saveTemplate(
  db: Kysely<Database>,
  kind: EmailKind,
  language: string,
  saved: Omit<SavedTemplateRow, 'updatedAt'>,
  now: number,
) {
  const values = {
    mode: saved.mode,
    subject: saved.subject,
    html: saved.html,
    text: saved.text,
    blocks: saved.blocks === null ? null : JSON.stringify(saved.blocks),
    updated_at: now,
  };
  await db
    .insertInto('email_template_versions')
    .values({ kind, language, ...values })
    .onConflict((oc) => oc.columns(['kind', 'language']).doUpdateSet(values))
    .execute();
}

export async function restoreDefaultTemplate(db: Kysely<Database>, kind: EmailKind, language: string) {
  await db
    .deleteFrom('email_template_versions')
    .where('kind', '=', kind)
    .where('language', '=', language)
    .execute();
}
