import type { Language } from '../i18n/languages.js';

/**
 * What the server tells the Customer Portal in its first HTML, decided from the request (its cookies and
 * Accept-Language) so the first paint is already in the right language with the business's name, and the page
 * asks for nothing it is known not to get (no /portal/me without a sign-in).
 */
export interface PortalBootstrap {
  /** The customer's language once the portal knows the customer (sign-in or booking link), else the browser's. */
  language: Language;
  /** settings.locale: how dates and times are written. */
  locale: string;
  businessName: string;
  contactPhone: string | null;
  hasLogo: boolean;
  /** A customer session (signed in by email) is open: all their bookings can be read. */
  signedIn: boolean;
  /** Bookings this browser holds a live booking link for. */
  linkedBookingIds: string[];
  /**
   * The page's language's catalogues (portal, refusals), written into the page: no script to fetch before
   * the first paint, and no other language's words on the wire.
   */
  messages?: Record<string, unknown>;
}

/** The id of the `<script type="application/json">` element that carries it. */
export const PORTAL_BOOTSTRAP_ID = 'portal-bootstrap';

export const LOGO_PATH = '/api/v1/branding/logo';
