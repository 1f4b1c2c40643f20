/**
 * The languages Rebook speaks to customers (contract: "The customer's language, the business's name"). One list,
 * read by the settings and customer schemas, the portal, the email templates and the message catalogues.
 * Pure: no Intl state, no I/O, so the server and both web apps import it.
 */
export const LANGUAGES = ['en', 'es', 'fr', 'de'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language a BCP 47 locale is written in, when Rebook speaks it: `es-ES` → `es`, `pt-BR` → the default. */
export function languageOfLocale(locale: string): Language {
  const primary = locale.split('-')[0]?.toLowerCase();
  return isLanguage(primary) ? primary : DEFAULT_LANGUAGE;
}

/**
 * The language a customer gets: their own when they chose one, else the language of the business's locale.
 */
export function customerLanguage(own: Language | null | undefined, businessLocale: string): Language {
  return own ?? languageOfLocale(businessLocale);
}

/**
 * The best of our languages for an `Accept-Language` header (RFC 9110 §12.5.4: weighted ranges, `*`), or
 * `null` when the header names none of them, so the caller falls back to the business's language.
 */
export function languageFromAcceptLanguage(header: string | undefined): Language | null {
  if (header === undefined) return null;
  const ranges = header
    .split(',')
    .map((part, order) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { range: range.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.range !== '' && r.range !== '*' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { range } of ranges) {
    const primary = range.split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return null;
}
