import type { Liquid, Template } from 'liquidjs';
import { DEFAULT_LANGUAGE } from '../i18n/languages.js';
import { type EmailFacts, templateVariables } from './email-context.js';
import type { EmailTemplate } from './email-template.js';
import { htmlEngine, textEngine } from './template-engines.js';

export { sampleFacts } from './sample-booking.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * The email's language on its HTML root, whatever the template wrote there (an HTML-mode template written
 * before languages existed says `lang="en"`; one in Spanish must say `es`). A fragment without `<html>` is
 * left alone: mail clients wrap it in their own page.
 */
export function withLanguage(html: string, language: string): string {
  return html.replace(/<html\b([^>]*)>/i, (_whole, attributes: string) => {
    const rest = attributes.replace(/\s+lang\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, '');
    return `<html lang="${language}"${rest}>`;
  });
}

export const MAX_SUBJECT_LENGTH = 200;

// A line break in a subject would end the header and start another (header injection), and a customer's
// name can carry one; so every run of line breaks becomes a single space.
function cleanSubject(rendered: string): string {
  const oneLine = rendered.replace(/\s*[\r\n\v\f\u0085\u2028\u2029]+\s*/g, ' ').trim();
  if (oneLine.length <= MAX_SUBJECT_LENGTH) return oneLine;
  let end = MAX_SUBJECT_LENGTH - 1;
  // Do not cut an emoji or other astral character in half.
  if (/[\uD800-\uDBFF]/.test(oneLine.charAt(end - 1))) end -= 1;
  return `${oneLine.slice(0, end).trimEnd()}…`;
}

// Conditional blocks in a text template leave blank lines and trailing spaces behind when they are false.
function tidyText(rendered: string): string {
  return `${rendered
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * Parsing a template costs more than rendering it, and the same few templates render for every email: keep
 * the parsed form of the most recent sources (an edited template is a new source, so nothing goes stale).
 */
const PARSED_LIMIT = 64;
const parsedTemplates = new Map<Liquid, Map<string, Template[]>>();
function parsed(engine: Liquid, source: string): Template[] {
  let cache = parsedTemplates.get(engine);
  if (!cache) {
    cache = new Map();
    parsedTemplates.set(engine, cache);
  }
  let templates = cache.get(source);
  if (!templates) {
    templates = engine.parse(source);
    if (cache.size >= PARSED_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(source, templates);
  }
  return templates;
}

/**
 * Renders the three parts. Unknown variables render empty; a render error (a runaway loop, a filter given
 * nonsense) rejects, and the caller decides whether to fall back to the default template.
 */
export async function renderEmail(template: EmailTemplate, facts: EmailFacts): Promise<RenderedEmail> {
  // Each part gets its own variables object: `{% increment %}` writes into it, and one part must not see
  // another's counters.
  const [subject, html, text] = await Promise.all([
    textEngine.render(parsed(textEngine, template.subject), templateVariables(facts)),
    htmlEngine.render(parsed(htmlEngine, template.html), templateVariables(facts)),
    textEngine.render(parsed(textEngine, template.text), templateVariables(facts)),
  ]);
  return {
    subject: cleanSubject(String(subject)),
    html: withLanguage(String(html), facts.language ?? DEFAULT_LANGUAGE),
    text: tidyText(String(text)),
  };
}
