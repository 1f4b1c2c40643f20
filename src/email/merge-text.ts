/**
 * The office's text in a block: plain words and merge fields written `{{ customer.name }}`. Nothing else in it
 * is Liquid: a stray `{%` or `{{` is just characters, and HTML is shown as typed, never interpreted.
 */
export type MergeSegment = { literal: string } | { field: string; at: number };

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const FIELD_NAME = /^[a-z_]+(?:\.[a-z_]+)*$/;

export function mergeSegments(text: string): MergeSegment[] {
  const segments: MergeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(FIELD)) {
    const name = match[1] ?? '';
    if (!FIELD_NAME.test(name)) continue;
    if (match.index > last) segments.push({ literal: text.slice(last, match.index) });
    segments.push({ field: name, at: match.index });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ literal: text.slice(last) });
  return segments;
}

/** Everything between `{{ }}` that is not a plain merge field name (a filter, a typo with spaces…). */
export function notMergeFields(text: string): string[] {
  return [...text.matchAll(FIELD)].filter((m) => !FIELD_NAME.test(m[1] ?? '')).map((m) => m[0]);
}

export function mergeFieldsOf(text: string): string[] {
  return mergeSegments(text).flatMap((s) => ('field' in s ? [s.field] : []));
}

/** True when the text is nothing but merge fields (and spaces): empty fields leave it empty. */
export function onlyMergeFields(text: string): boolean {
  const segments = mergeSegments(text);
  return segments.some((s) => 'field' in s) && segments.every((s) => 'field' in s || s.literal.trim() === '');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Braces as entities: the compiled HTML is Liquid, and typed text must not open a tag or an output there.
  '{': '&#123;',
  '}': '&#125;',
};

/** Words the office or a catalogue wrote, as HTML inside Liquid: escaped, and inert to Liquid. */
export function literalHtml(text: string): string {
  return text.replace(/[&<>"'{}]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The same for the plain-text part: only the braces need care (`{{ "{" }}` writes one). */
export function literalText(text: string): string {
  return text.replace(/[{}]/g, (c) => `{{ "${c}" }}`);
}

/** Liquid source for the HTML part: fields become escaped outputs, line breaks `<br>`. */
export function mergeHtml(text: string, lineBreak = '<br>\n'): string {
  return mergeSegments(text)
    .map((s) => ('field' in s ? `{{ ${s.field} }}` : literalHtml(s.literal).replace(/\r?\n/g, lineBreak)))
    .join('');
}

/** Liquid source for the plain-text part and the subject. */
export function mergePlain(text: string): string {
  return mergeSegments(text)
    .map((s) => ('field' in s ? `{{ ${s.field} }}` : literalText(s.literal)))
    .join('');
}
