import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type DomainError, ok, type Result } from '../domain-error.js';
import type { Language } from '../i18n/languages.js';
import { readSettings } from '../settings/settings-repository.js';
import { businessLanguage } from './business-facts.js';
import type { EmailKind } from './email-kind.js';
import { findBlockIssues, findTemplateIssues, type TemplateIssue } from './email-template.js';
import { previewFacts } from './preview-facts.js';
import { type RenderedEmail, renderEmail } from './render-email.js';
import {
  blocksTemplate,
  findTemplate,
  htmlTemplate,
  type StoredTemplate,
  storeTemplate,
  type TemplateSource,
} from './stored-templates.js';
import { restoreDefaultTemplate } from './template-repository.js';

function problemOf(issues: TemplateIssue[]): DomainError | undefined {
  const first = issues[0];
  if (!first) return undefined;
  return {
    code: 'template_invalid',
    message: issues.length === 1 ? first.message : `${first.message} (and ${issues.length - 1} more)`,
    field: first.field,
    line: first.line,
    issues,
  };
}

function issuesOf(source: TemplateSource): TemplateIssue[] {
  return source.mode === 'blocks' ? findBlockIssues(source) : findTemplateIssues(source);
}

async function languageOr(db: Kysely<Database>, language: Language | undefined): Promise<Language> {
  return language ?? businessLanguage(await readSettings(db));
}

export async function readEmailTemplate(
  db: Kysely<Database>,
  kind: EmailKind,
  language: Language | undefined,
): Promise<StoredTemplate> {
  return findTemplate(db, kind, await languageOr(db, language));
}

/** Saves a business's own wording; a template with a problem is refused, every problem named, nothing saved. */
export async function saveEmailTemplate(
  db: Kysely<Database>,
  now: number,
  kind: EmailKind,
  language: Language | undefined,
  source: TemplateSource,
): Promise<Result<StoredTemplate>> {
  const problem = problemOf(issuesOf(source));
  if (problem) return { ok: false, error: problem };
  const lang = await languageOr(db, language);
  await storeTemplate(db, kind, lang, source, now);
  return ok(await findTemplate(db, kind, lang));
}

export async function resetEmailTemplate(
  db: Kysely<Database>,
  kind: EmailKind,
  language: Language | undefined,
): Promise<StoredTemplate> {
  const lang = await languageOr(db, language);
  await restoreDefaultTemplate(db, kind, lang);
  return findTemplate(db, kind, lang);
}

/** Renders the saved template, or an unsaved draft, for the business's next booking (or a sample). */
export async function previewEmailTemplate(
  db: Kysely<Database>,
  publicUrl: string,
  now: number,
  kind: EmailKind,
  language: Language | undefined,
  draft: TemplateSource | undefined,
): Promise<Result<RenderedEmail>> {
  const settings = await readSettings(db);
  const lang = language ?? businessLanguage(settings);
  let template: StoredTemplate;
  if (draft === undefined) template = await findTemplate(db, kind, lang);
  else {
    const problem = problemOf(issuesOf(draft));
    if (problem) return { ok: false, error: problem };
    template =
      draft.mode === 'blocks'
        ? blocksTemplate(kind, lang, draft, { customized: true, updatedAt: null })
        : htmlTemplate(kind, lang, draft, { customized: true, updatedAt: null });
  }
  const facts = await previewFacts(db, settings, publicUrl, now, kind, lang);
  return ok(await renderEmail(template, facts));
}
