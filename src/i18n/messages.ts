import { createInstance } from 'i18next';
import type { Language } from './languages.js';
import { portal as dePortal } from './locales/de/portal.js';
import { refusals as deRefusals } from './locales/de/refusals.js';
import type { PortalMessages } from './locales/en/portal.js';
import { portal as enPortal } from './locales/en/portal.js';
import { refusals as enRefusals, type RefusalMessages } from './locales/en/refusals.js';
import { portal as esPortal } from './locales/es/portal.js';
import { refusals as esRefusals } from './locales/es/refusals.js';
import { portal as frPortal } from './locales/fr/portal.js';
import { refusals as frRefusals } from './locales/fr/refusals.js';
import type { Words } from './words.js';

/** Every language's catalogues the server words things with (the portal loads its own language only). */
export const SERVER_RESOURCES = {
  en: { portal: enPortal, refusals: enRefusals },
  es: { portal: esPortal, refusals: esRefusals },
  fr: { portal: frPortal, refusals: frRefusals },
  de: { portal: dePortal, refusals: deRefusals },
} satisfies Record<Language, Record<string, unknown>>;

const i18n = createInstance();
// Resources given inline: init is synchronous, so words are ready when this module is.
void i18n.init({
  resources: SERVER_RESOURCES,
  lng: 'en',
  fallbackLng: false,
  ns: ['portal', 'refusals'],
  defaultNS: 'portal',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The refusal messages in one language. */
export const refusalWordsIn = (language: Language): Words<RefusalMessages> =>
  i18n.getFixedT(language, 'refusals') as unknown as Words<RefusalMessages>;

/** The portal's words in one language (the page's title the server writes into the shell). */
export const portalWordsIn = (language: Language): Words<PortalMessages> =>
  i18n.getFixedT(language, 'portal') as unknown as Words<PortalMessages>;
