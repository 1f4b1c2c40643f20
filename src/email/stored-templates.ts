import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Language } from '../i18n/languages.js';
import { compileBlocks } from './compile-blocks.js';
import { defaultBlocks } from './default-templates.js';
import type { EmailKind } from './email-kind.js';
import type { EmailTemplate } from './email-template.js';
import { type Block, blocksSchema, type TemplateMode } from './template-blocks.js';
import { findSavedTemplate, saveTemplate } from './template-repository.js';

/** What a business saves: blocks (with a subject line of words and merge fields), or Liquid as typed. */
export type TemplateSource =
  | { mode: 'blocks'; subject: string; blocks: Block[] }
  | { mode: 'html'; subject: string; html: string; text: string };

/**
 * One kind of email in one language: what the office wrote (`source`) and the Liquid that renders it
 * (`subject`, `html`, `text`; for blocks, compiled from them when read, so the two parts always agree and a
 * better compiler reaches every saved template).
 */
export interface StoredTemplate extends EmailTemplate {
  kind: EmailKind;
  language: Language;
  mode: TemplateMode;
  source: TemplateSource;
  /** False while the business uses our default wording. */
  customized: boolean;
  updatedAt: number | null;
}

export function blocksTemplate(
  kind: EmailKind,
  language: Language,
  source: { subject: string; blocks: Block[] },
  saved: { customized: boolean; updatedAt: number | null },
): StoredTemplate {
  return {
    kind,
    language,
    mode: 'blocks',
    source: { mode: 'blocks', ...source },
    ...compileBlocks(source, language),
    ...saved,
  };
}

export function htmlTemplate(
  kind: EmailKind,
  language: Language,
  source: EmailTemplate,
  saved: { customized: boolean; updatedAt: number | null },
): StoredTemplate {
  const { subject, html, text } = source;
  return {
    kind,
    language,
    mode: 'html',
    source: { mode: 'html', subject, html, text },
    subject,
    html,
    text,
    ...saved,
  };
}

export function defaultStoredTemplate(kind: EmailKind, language: Language): StoredTemplate {
  const source = defaultBlocks(kind, language);
  return blocksTemplate(
    kind,
    language,
    { subject: source.subject, blocks: [...source.blocks] },
    { customized: false, updatedAt: null },
  );
}

/** The saved template of this kind and language, else that language's default. */
export async function findTemplate(
  db: Kysely<Database>,
  kind: EmailKind,
  language: Language,
): Promise<StoredTemplate> {
  const row = await findSavedTemplate(db, kind, language);
  if (!row) return defaultStoredTemplate(kind, language);
  const saved = { customized: true, updatedAt: row.updatedAt };
  if (row.mode === 'html') return htmlTemplate(kind, language, row, saved);
  // Written only after the same schema accepted it; a row that no longer reads falls back to the default
  // rather than stopping every email of this kind.
  const blocks = blocksSchema.safeParse(row.blocks);
  return blocks.success
    ? blocksTemplate(kind, language, { subject: row.subject, blocks: blocks.data }, saved)
    : defaultStoredTemplate(kind, language);
}

export async function storeTemplate(
  db: Kysely<Database>,
  kind: EmailKind,
  language: Language,
  source: TemplateSource,
  now: number,
): Promise<void> {
  await saveTemplate(
    db,
    kind,
    language,
    source.mode === 'blocks'
      ? { mode: 'blocks', subject: source.subject, html: '', text: '', blocks: source.blocks }
      : { mode: 'html', subject: source.subject, html: source.html, text: source.text, blocks: null },
    now,
  );
}
