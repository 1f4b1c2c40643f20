import i18next, { type TFunction } from 'i18next';
import type { Language } from '../i18n/languages.js';
import de from '../i18n/locales/de/email.js';
import en, { type EmailCatalogue } from '../i18n/locales/en/email.js';
import es from '../i18n/locales/es/email.js';
import fr from '../i18n/locales/fr/email.js';

/** The `email` namespace of every language, as typed catalogues (the compiler reads the words directly). */
export const EMAIL_CATALOGUES: Record<Language, EmailCatalogue> = { en, es, fr, de };

// One i18next instance for the sentences Rebook builds (plurals, interpolation), initialised synchronously
// from the bundled catalogues: no backend, nothing to wait for.
const words = i18next.createInstance();
void words.init({
  resources: Object.fromEntries(Object.entries(EMAIL_CATALOGUES).map(([lang, email]) => [lang, { email }])),
  ns: ['email'],
  defaultNS: 'email',
  fallbackLng: 'en',
  initAsync: false,
  // Values go into Liquid variables, which the HTML engine escapes on output; escaping here would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** i18next's `t` for one language's `email` namespace. */
export function emailWords(language: Language): TFunction<'email'> {
  return words.getFixedT(language, 'email');
}
