import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/languages.js';
import { defaultBlocks, defaultTemplate } from './default-templates.js';
import { EMAIL_KINDS } from './email-kind.js';
import { EMAIL_CATALOGUES, emailWords } from './email-words.js';
import { renderEmail, sampleFacts } from './render-email.js';

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : entries(value, `${prefix}${key}.`),
  );
}

const english = new Map(entries(EMAIL_CATALOGUES.en));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(LANGUAGES)('the %s email catalogue', (language) => {
  const words = new Map(entries(EMAIL_CATALOGUES[language]));

  // Keys, plural forms and empty words: src/i18n/catalogues.test.ts, for every namespace.
  it('keeps every merge field and placeholder of the English, and only those', () => {
    for (const [key, text] of english)
      expect(placeholders(words.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it.each(EMAIL_KINDS)(
    'writes the default %s in this language, with its lang on the HTML root',
    async (kind) => {
      const facts = { ...sampleFacts(Date.UTC(2026, 10, 27, 15), kind), language };
      const { html, text } = await renderEmail(defaultTemplate(kind, language), facts);
      expect(html).toContain(`<html lang="${language}"`);
      // The heading of each default is that language's own.
      const heading = defaultBlocks(kind, language).blocks[0];
      expect(heading?.type).toBe('heading');
      if (heading?.type === 'heading' && !heading.text.includes('{{')) {
        expect(text.startsWith(heading.text)).toBe(true);
        if (language !== 'en')
          expect(heading.text).not.toBe(
            defaultBlocks(kind, 'en').blocks[0]?.type === 'heading'
              ? (defaultBlocks(kind, 'en').blocks[0] as { text: string }).text
              : '',
          );
      }
    },
  );
});

describe('the Reschedule or change booking details element', () => {
  it.each([
    ['en', 'Reschedule or change booking details'],
    ['es', 'Reprogramar o cambiar los detalles de la reserva'],
    ['fr', 'Reprogrammer ou modifier les détails de la réservation'],
    ['de', 'Termin verschieben oder Buchungsdetails ändern'],
  ] as const)('reads, in %s, "%s" in both parts', async (language, words) => {
    const facts = { ...sampleFacts(Date.UTC(2026, 10, 27, 15), 'booking_confirmation'), language };
    const { html, text } = await renderEmail(
      { subject: 'x', html: '{% reschedule_button %}', text: '{% reschedule_button %}' },
      facts,
    );
    expect(html).toMatch(
      new RegExp(`<a href="https://rebook\\.example/portal/bookings/[^"]+"[^>]*>${words}</a>`),
    );
    expect(text).toBe(`${words}: ${facts.links.booking}\n`);
  });
});

describe('sentences Rebook builds', () => {
  it('counts in each language', () => {
    expect(emailWords('de')('duration.hour', { count: 2 })).toBe('2 Stunden');
    expect(emailWords('fr')('duration.minute', { count: 1 })).toBe('1 minute');
    expect(emailWords('es')('duration.day', { count: 3 })).toBe('3 días');
  });
});
