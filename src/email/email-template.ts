import type { Liquid, Template } from 'liquidjs';
import { LiquidError } from 'liquidjs';
import type { BlocksTemplate } from './compile-blocks.js';
import { isKnownMergeField } from './email-context.js';
import { mergeSegments, notMergeFields } from './merge-text.js';
import { BLOCK_TITLES } from './template-blocks.js';
import { htmlEngine, textEngine } from './template-engines.js';

/** Liquid sources of one kind of email. */
export interface EmailTemplate {
  subject: string;
  html: string;
  text: string;
}

/**
 * What is wrong with a template, in the office's words: which field (`html`, `blocks.3.text`…), where in it
 * (line and column, counted from 1; for a block, its own text), and what, e.g. "`{% if %}` on line 26 is
 * never closed". Never the engine's own message with escaped markup in it.
 */
export interface TemplateIssue {
  field: string;
  line: number;
  column: number;
  message: string;
}

export const MAX_TEMPLATE_BYTES = 100 * 1024;

const PARTS = [
  ['subject', textEngine],
  ['html', htmlEngine],
  ['text', textEngine],
] as const satisfies ReadonlyArray<readonly ['subject' | 'html' | 'text', Liquid]>;

const PART_NAMES = {
  subject: 'the subject',
  html: 'the HTML version',
  text: 'the plain-text version',
} as const;

const encoder = new TextEncoder();

function sizeIssue(template: EmailTemplate): TemplateIssue | null {
  const sizes = PARTS.map(([part]) => ({ part, bytes: encoder.encode(template[part]).length }));
  const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  if (total <= MAX_TEMPLATE_BYTES) return null;
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    field: largest.part,
    line: 1,
    column: 1,
    message: `The template is ${Math.ceil(total / 1024)} KB; it may be at most ${MAX_TEMPLATE_BYTES / 1024} KB.`,
  };
}

/** A piece of the source to quote: one line, short, as typed (the client escapes it on display). */
function quote(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? '';
  return line.length > 40 ? `${line.slice(0, 37)}…` : line;
}

/** `{% if booking.notes %}` → `{% if %}`: the tag's name is what the office needs to find it. */
function tagName(tag: string): string {
  return /^\{%-?\s*(\w+)/.exec(tag)?.[1] ?? '';
}

/** LiquidJS's message for one mistake, in the office's words. */
function reworded(raw: string, text: string, at: string): string {
  const notClosed = /^tag (\{%.*%\}) not closed$/s.exec(raw);
  if (notClosed) {
    const name = tagName(notClosed[1] ?? '');
    return `\`{% ${name} %}\` ${at} is never closed: add \`{% end${name} %}\` where it should end.`;
  }
  if (/^tag "\{%/.test(raw))
    return `A tag starts ${at} (\`${quote(text)}\`) but never ends: close it with \`%}\`.`;
  if (/^output "\{\{/.test(raw))
    return `A merge field starts ${at} (\`${quote(text)}\`) but never ends: close it with \`}}\`.`;
  if (/^raw .* not closed$/s.test(raw)) return `\`{% raw %}\` ${at} is never closed: add \`{% endraw %}\`.`;
  const unknownTag = /^tag "(\w+)" not found$/.exec(raw);
  if (unknownTag) {
    const name = unknownTag[1] ?? '';
    return name.startsWith('end')
      ? `\`{% ${name} %}\` ${at} closes a \`{% ${name.slice(3)} %}\` that was never opened (or is already closed).`
      : `\`{% ${name} %}\` ${at} is not a tag Rebook knows; check its spelling.`;
  }
  const unknownFilter = /^undefined filter: (\S+)$/.exec(raw);
  if (unknownFilter) return `The filter \`${unknownFilter[1]}\` ${at} does not exist; check its spelling.`;
  if (/^duplicated else$/.test(raw))
    return `\`{% ${tagName(text)} %}\` ${at} has more than one \`{% else %}\`.`;
  if (/^illegal tag/.test(raw))
    return `\`{% ${tagName(text)} %}\` ${at} is incomplete: \`${quote(text)}\` is missing a part.`;
  if (/^expected variable name/.test(raw))
    return `A variable name is missing ${at}, before \`${quote(text)}\`.`;
  if (/^expected "\|" before filter/.test(raw))
    return `Something is mistyped ${at}, at \`${quote(text)}\`: a merge field is written like \`{{ customer.name }}\`.`;
  // Whatever else LiquidJS says, said without the markup it quotes.
  const words = raw.replace(/"[^"]{40,}"/g, '"…"').replace(/\{%[\s\S]{40,}?%\}/g, '{% … %}');
  return `Problem ${at}: ${words}${text ? ` (at \`${quote(text)}\`)` : ''}.`;
}

/** LiquidJS's message, reworded: what is wrong and how to mend it, at line L, column C. */
export function explainLiquidError(error: LiquidError, source: string): Omit<TemplateIssue, 'field'> {
  const [line = 1, column = 1] = error.token?.getPosition?.() ?? [1, 1];
  const raw = error.message.replace(/, line:\d+, col:\d+$/, '');
  const text = error.token ? source.slice(error.token.begin, error.token.end) : '';
  const at = `on line ${line}, column ${column}`;
  const message = reworded(raw, text, at);
  return { line, column, message };
}

/** Merge fields Rebook does not fill, each named with where it is. */
function unknownFields(engine: Liquid, templates: Template[], field: string): TemplateIssue[] {
  const analysis = engine.analyzeSync(templates, { partials: false });
  const issues: TemplateIssue[] = [];
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      const name = variable.toString();
      if (isKnownMergeField(name)) continue;
      issues.push({
        field,
        line: variable.location.row,
        column: variable.location.col,
        message: `\`{{ ${name} }}\` on line ${variable.location.row} is not a merge field Rebook knows; pick one from the merge field menu.`,
      });
    }
  }
  return issues;
}

/** Every problem of an HTML-mode (Liquid) template; empty when it can be saved. */
export function findTemplateIssues(template: EmailTemplate): TemplateIssue[] {
  const tooLarge = sizeIssue(template);
  if (tooLarge !== null) return [tooLarge];
  const issues: TemplateIssue[] = [];
  for (const [part, engine] of PARTS) {
    const source = template[part];
    let parsed: Template[];
    try {
      parsed = engine.parse(source);
    } catch (error) {
      if (!LiquidError.is(error))
        issues.push({ field: part, line: 1, column: 1, message: `${PART_NAMES[part]}: ${String(error)}` });
      else issues.push({ field: part, ...explainLiquidError(error, source) });
      continue;
    }
    issues.push(...unknownFields(engine, parsed, part));
  }
  return issues;
}

/** The first problem, for callers that show one. */
export function findTemplateProblem(template: EmailTemplate): TemplateIssue | null {
  return findTemplateIssues(template)[0] ?? null;
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

function textIssues(text: string, field: string, where: string): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const segment of mergeSegments(text)) {
    if (!('field' in segment) || isKnownMergeField(segment.field)) continue;
    issues.push({
      field,
      ...lineAndColumn(text, segment.at),
      message: `\`{{ ${segment.field} }}\` in ${where} is not a merge field Rebook knows; pick one from the merge field menu.`,
    });
  }
  for (const written of notMergeFields(text)) {
    issues.push({
      field,
      ...lineAndColumn(text, text.indexOf(written)),
      message: `\`${quote(written)}\` in ${where} is not a merge field: a block takes merge fields like \`{{ customer.name }}\` only (filters and tags need Edit HTML).`,
    });
  }
  return issues;
}

/** Every problem of a blocks template: merge fields that do not exist, Liquid where only words go. */
export function findBlockIssues(template: BlocksTemplate): TemplateIssue[] {
  const issues = textIssues(template.subject, 'subject', 'the subject');
  template.blocks.forEach((block, index) => {
    if ('text' in block)
      issues.push(
        ...textIssues(block.text, `blocks.${index}.text`, `block ${index + 1} (${BLOCK_TITLES[block.type]})`),
      );
  });
  return issues;
}
