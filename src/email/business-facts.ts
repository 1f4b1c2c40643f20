import { type Language, languageOfLocale } from '../i18n/languages.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readableAccent } from '../shared/accent-colour.js';
import type { EmailFacts } from './email-context.js';

/** The language the business works in (its locale's): its office notices, and templates saved without `?language`. */
export function businessLanguage(settings: BusinessSettings): Language {
  return languageOfLocale(settings.locale);
}

/** What every email says about the business, from its settings: name, zone, locale, colour, phone, logo. */
export function businessFacts(settings: BusinessSettings, publicUrl: string): EmailFacts['business'] {
  return {
    name: settings.businessName,
    timeZone: settings.timezone,
    notificationEmail: settings.notificationEmail,
    changeBlockedMessage: settings.customerPortal.changeBlockedMessage,
    // Dates are written as the business's locale writes them, like the portal and the admin (contract:
    // settings.locale drives every email); an email in another language takes that language with the region.
    locale: settings.locale,
    // Darkened where needed so white button text and links on white stay readable (AA).
    accentColor: readableAccent(settings.branding.accentColor),
    contactPhone: settings.contactPhone,
    // The public logo address (GET /branding/logo); mail clients fetch it like any image, so it stays optional.
    logoUrl: settings.branding.hasLogo ? `${publicUrl}/api/v1/branding/logo` : null,
  };
}
