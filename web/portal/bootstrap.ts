import { createContext, useContext } from 'react';
import {
  DEFAULT_LANGUAGE,
  type Language,
  languageFromAcceptLanguage,
  languageOfLocale,
} from '../../src/i18n/languages';
import { PORTAL_BOOTSTRAP_ID, type PortalBootstrap } from '../../src/shared/portal-bootstrap';

/**
 * What the server wrote into this page (src/portal/portal-shell.ts). A page served some other way (Vite's dev
 * server) has none: then the browser's language, and every read is tried.
 */
export function readBootstrap(): PortalBootstrap & { fromServer: boolean } {
  const element = document.getElementById(PORTAL_BOOTSTRAP_ID);
  if (element?.textContent) {
    try {
      return { ...(JSON.parse(element.textContent) as PortalBootstrap), fromServer: true };
    } catch {
      // Fall through to the browser's own idea.
    }
  }
  return {
    language: languageFromAcceptLanguage(navigator.languages.join(',')) ?? DEFAULT_LANGUAGE,
    locale: 'en-US',
    businessName: '',
    contactPhone: null,
    hasLogo: false,
    signedIn: true,
    linkedBookingIds: [],
    fromServer: false,
  };
}

/**
 * The locale dates and times are written in: the business's (settings.locale), in the page's language when
 * the customer reads another one. A Spanish customer of an en-US business reads "viernes, 4 de diciembre" and
 * "5:30 p. m." (es-US), not English dates inside Spanish sentences; where the region has no such locale,
 * Intl falls back to the language's own.
 */
export function formattingLocale(locale: string, language: Language): string {
  if (languageOfLocale(locale) === language) return locale;
  const region = new Intl.Locale(locale).region;
  const candidate = region ? `${language}-${region}` : language;
  return Intl.DateTimeFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : language;
}

export interface PortalSite extends PortalBootstrap {
  fromServer: boolean;
  /** The locale every date and time on the page is written in. */
  dateLocale: string;
  /** Whether reading this booking can succeed: a sign-in, or this browser's link to it. */
  mayReadBooking(bookingId: string): boolean;
  /** Whether "Schedule an appointment" can know who the customer is. */
  mayBook: boolean;
  setSignedIn(signedIn: boolean): void;
  /** A booking this browser was just given access to (the server granted its cookie with a new booking). */
  addLinkedBooking(bookingId: string): void;
}

export const PortalSiteContext = createContext<PortalSite | null>(null);

export function usePortalSite(): PortalSite {
  const site = useContext(PortalSiteContext);
  if (!site) throw new Error('usePortalSite outside PortalSiteContext');
  return site;
}
