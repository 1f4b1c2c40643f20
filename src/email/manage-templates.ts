import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type DomainError, ok, type Result } from '../domain-error.js';
import type { EmailKind } from './email-kind.js';
import { type EmailTemplate, findTemplateProblem } from './email-template.js';
import { type RenderedEmail, renderEmail, sampleFacts } from './render-email.js';
import {
  findTemplate,
  restoreDefaultTemplate,
  type StoredTemplate,
  saveTemplate,
} from './template-repository.js';

function problemOf(template: EmailTemplate): DomainError | undefined {
  const problem = findTemplateProblem(template);
  if (!problem) return undefined;
  return {
    code: 'template_invalid',
    message: `line ${problem.line}: ${problem.message}`,
    field: problem.part,
    line: problem.line,
  };
}

/** Saves a business's own wording; a template that does not parse is refused and nothing is saved. */
export async function saveEmailTemplate(
  db: Kysely<Database>,
  now: number,
  kind: EmailKind,
  template: EmailTemplate,
): Promise<Result<StoredTemplate>> {
  const problem = problemOf(template);
  if (problem) return { ok: false, error: problem };
  await saveTemplate(db, kind, template, now);
  return ok(await findTemplate(db, kind));
}

export async function resetEmailTemplate(db: Kysely<Database>, kind: EmailKind): Promise<StoredTemplate> {
  await restoreDefaultTemplate(db, kind);
  return findTemplate(db, kind);
}

/** Renders the saved template, or an unsaved draft, for a sample booking. */
export async function previewEmailTemplate(
  db: Kysely<Database>,
  now: number,
  kind: EmailKind,
  draft: EmailTemplate | undefined,
): Promise<Result<RenderedEmail>> {
  const template = draft ?? (await findTemplate(db, kind));
  const problem = problemOf(template);
  if (problem) return { ok: false, error: problem };
  return ok(await renderEmail(template, sampleFacts(now, kind)));
}
