import type { Liquid } from 'liquidjs';
import { LiquidError } from 'liquidjs';
import { htmlEngine, textEngine } from './template-engines.js';

export { DEFAULT_TEMPLATES } from './default-templates.js';

/** Liquid sources of one kind of email. */
export interface EmailTemplate {
  subject: string;
  html: string;
  text: string;
}

export type TemplateProblem = { part: 'subject' | 'html' | 'text'; line: number; message: string };

export const MAX_TEMPLATE_BYTES = 100 * 1024;

const PARTS = [
  ['subject', textEngine],
  ['html', htmlEngine],
  ['text', textEngine],
] as const satisfies ReadonlyArray<readonly [TemplateProblem['part'], Liquid]>;

const encoder = new TextEncoder();

function sizeProblem(template: EmailTemplate): TemplateProblem | null {
  const sizes = PARTS.map(([part]) => ({ part, bytes: encoder.encode(template[part]).length }));
  const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  if (total <= MAX_TEMPLATE_BYTES) return null;
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    part: largest.part,
    line: 1,
    message: `the template is ${Math.ceil(total / 1024)} KB; the limit is ${MAX_TEMPLATE_BYTES / 1024} KB`,
  };
}

/** Parses all three parts with the same engine used to render (including our custom tags); the first problem found, or null. */
export function findTemplateProblem(template: EmailTemplate): TemplateProblem | null {
  const tooLarge = sizeProblem(template);
  if (tooLarge !== null) return tooLarge;
  for (const [part, engine] of PARTS) {
    try {
      engine.parse(template[part]);
    } catch (error) {
      if (!LiquidError.is(error)) return { part, line: 1, message: String(error) };
      // LiquidJS appends ", line:3, col:1" to the message; the line is returned on its own instead.
      const [line = 1] = error.token.getPosition();
      return { part, line, message: error.message.replace(/, line:\d+, col:\d+$/, '') };
    }
  }
  return null;
}
