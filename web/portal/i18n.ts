import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../src/i18n/languages';

// One language's catalogues load with the page (the one the server chose), so a page carries only its own.
const CATALOGUES: Record<Language, () => Promise<[{ portal: object }, { refusals: object }]>> = {
  en: () =>
    Promise.all([import('../../src/i18n/locales/en/portal'), import('../../src/i18n/locales/en/refusals')]),
  es: () =>
    Promise.all([import('../../src/i18n/locales/es/portal'), import('../../src/i18n/locales/es/refusals')]),
  fr: () =>
    Promise.all([import('../../src/i18n/locales/fr/portal'), import('../../src/i18n/locales/fr/refusals')]),
  de: () =>
    Promise.all([import('../../src/i18n/locales/de/portal'), import('../../src/i18n/locales/de/refusals')]),
};

/**
 * i18next in the page's language; resolves once its words are there, before the first render. The server
 * writes them into the page (bootstrap `messages`); a page served otherwise (Vite's dev server) loads them.
 */
export async function startI18n(language: Language, given?: Record<string, unknown>): Promise<void> {
  const { portal, refusals } = (given as { portal?: object; refusals?: object } | undefined) ?? {};
  if (!portal || !refusals) {
    const [loaded, loadedRefusals] = await CATALOGUES[language]();
    return init(language, loaded.portal, loadedRefusals.refusals);
  }
  return init(language, portal, refusals);
}

async function init(language: Language, portal: object, refusals: object): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    resources: { [language]: { portal, refusals } },
    ns: ['portal', 'refusals'],
    defaultNS: 'portal',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
}
