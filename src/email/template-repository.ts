import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EmailKind } from './email-kind.js';
import { DEFAULT_TEMPLATES, type EmailTemplate } from './email-template.js';

export interface StoredTemplate extends EmailTemplate {
  kind: EmailKind;
  /** False while the business uses our default wording. */
  customized: boolean;
  updatedAt: number | null;
}

export async function findTemplate(db: Kysely<Database>, kind: EmailKind): Promise<StoredTemplate> {
  const row = await db.selectFrom('email_templates').selectAll().where('kind', '=', kind).executeTakeFirst();
  if (!row) return { kind, ...DEFAULT_TEMPLATES[kind], customized: false, updatedAt: null };
  return {
    kind,
    subject: row.subject,
    html: row.html,
    text: row.text,
    customized: true,
    updatedAt: row.updated_at,
  };
}

export async function saveTemplate(
  db: Kysely<Database>,
  kind: EmailKind,
  template: EmailTemplate,
  now: number,
) {
  const values = { subject: template.subject, html: template.html, text: template.text, updated_at: now };
  await db
    .insertInto('email_templates')
    .values({ kind, ...values })
    .onConflict((oc) => oc.column('kind').doUpdateSet(values))
    .execute();
}

export async function restoreDefaultTemplate(db: Kysely<Database>, kind: EmailKind) {
  await db.deleteFrom('email_templates').where('kind', '=', kind).execute();
}
