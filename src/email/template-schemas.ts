import { z } from 'zod';
import { instantOut, textField } from '../field-schemas.js';
import { LANGUAGES } from '../i18n/languages.js';
import { EMAIL_KINDS } from './email-kind.js';
import type { TemplateSource } from './stored-templates.js';
import { blocksSchema, blockViewSchema, TEMPLATE_MODES } from './template-blocks.js';

/**
 * A template as PUT and preview take it (the admin editor's form is checked by this same schema):
 * `mode: "blocks"` with `blocks`, or Liquid in `html` and `text` (`mode: "html"`, or no mode at all, as
 * before blocks existed).
 */
export const templateBodySchema = z
  .strictObject({
    mode: z.enum(TEMPLATE_MODES).optional(),
    subject: textField(1000).pipe(z.string().min(1, 'must not be empty')),
    html: textField(100_000).optional(),
    text: textField(100_000).optional(),
    blocks: blocksSchema.optional(),
  })
  .superRefine((body, issues) => {
    if (body.mode === 'blocks') {
      if (body.blocks === undefined)
        issues.addIssue({ code: 'custom', path: ['blocks'], message: 'is required for a blocks template' });
      for (const part of ['html', 'text'] as const)
        if (body[part] !== undefined)
          issues.addIssue({
            code: 'custom',
            path: [part],
            message: 'belongs to an HTML template, not to blocks',
          });
      return;
    }
    for (const part of ['html', 'text'] as const)
      if (body[part] === undefined)
        issues.addIssue({ code: 'custom', path: [part], message: 'is required for an HTML template' });
    if (body.blocks !== undefined)
      issues.addIssue({
        code: 'custom',
        path: ['blocks'],
        message: 'belongs to a blocks template (mode "blocks")',
      });
  });

export type TemplateBody = z.output<typeof templateBodySchema>;

/** The body as what it saves; the schema has already made sure the parts of its mode are there. */
export function templateSourceOf(body: TemplateBody): TemplateSource {
  return body.mode === 'blocks'
    ? { mode: 'blocks', subject: body.subject, blocks: body.blocks ?? [] }
    : { mode: 'html', subject: body.subject, html: body.html ?? '', text: body.text ?? '' };
}

export const languageQuerySchema = z.strictObject({ language: z.enum(LANGUAGES).optional() });

export const templateViewSchema = z.object({
  kind: z.enum(EMAIL_KINDS),
  title: z.string(),
  language: z.enum(LANGUAGES),
  mode: z.enum(TEMPLATE_MODES),
  /** Blocks: the office's subject line; HTML: its Liquid. */
  subject: z.string(),
  /** Liquid; for blocks, compiled from them. */
  html: z.string(),
  text: z.string(),
  /** The blocks of a blocks template; null in HTML mode. */
  blocks: z.array(blockViewSchema).nullable(),
  customized: z.boolean(),
  updatedAt: instantOut.nullable(),
});
