import type { FastifyRequest } from 'fastify';
import { findCustomer } from '../catalog/customer-repository.js';
import type { AppContext } from '../http/app-context.js';
import { customerLanguage, languageFromAcceptLanguage, languageOfLocale } from '../i18n/languages.js';
import { portalWordsIn, SERVER_RESOURCES } from '../i18n/messages.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { PORTAL_BOOTSTRAP_ID, type PortalBootstrap } from '../shared/portal-bootstrap.js';
import { portalVisitor } from './portal-access.js';

/**
 * What the portal page at this address is told: the language is the known customer's (signed in, or the link
 * of the booking on this page, or any link this browser holds), else the browser's Accept-Language, else the
 * business's.
 */
export async function portalBootstrap(
  request: FastifyRequest,
  context: AppContext,
  settings: BusinessSettings,
  pageBookingId?: string,
): Promise<PortalBootstrap> {
  const visitor = await portalVisitor(request, context);
  const known =
    visitor.signedIn ?? visitor.links.find((link) => link.bookingId === pageBookingId) ?? visitor.links[0];
  const customer = known ? await findCustomer(context.store.db, known.customerId) : undefined;
  const language = customer
    ? customerLanguage(customer.language, settings.locale)
    : (languageFromAcceptLanguage(request.headers['accept-language']) ?? languageOfLocale(settings.locale));
  return {
    language,
    locale: settings.locale,
    businessName: settings.businessName,
    contactPhone: settings.contactPhone,
    hasLogo: settings.branding.hasLogo,
    signedIn: visitor.signedIn !== undefined,
    linkedBookingIds: visitor.links.flatMap((link) => (link.bookingId ? [link.bookingId] : [])),
    messages: SERVER_RESOURCES[language],
  };
}

/** The `<title>` of the portal page at a path, as the page itself would set it on arrival. */
export function portalPageTitle(path: string, query: string, bootstrap: PortalBootstrap): string {
  const t = portalWordsIn(bootstrap.language);
  const page = path.replace(/\/+$/, '') || '/portal';
  const name =
    page === '/portal'
      ? t('common.myBookings')
      : page === '/portal/sign-in'
        ? new URLSearchParams(query).get('link') === 'expired'
          ? t('signIn.expiredTitle')
          : t('signIn.title')
        : page === '/portal/book'
          ? t('schedule.title')
          : /^\/portal\/bookings\/[^/]+$/.test(page)
            ? t('booking.title')
            : t('notFound.title');
  return t('app.pageTitle', { page: name, business: bootstrap.businessName });
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON inside <script>: nothing in it may close the element or open a comment. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** The built index.html with the page's language, title and bootstrap written in. */
export function renderPortalShell(html: string, bootstrap: PortalBootstrap, title: string): string {
  return html
    .replace(/<html lang="[^"]*"/, `<html lang="${bootstrap.language}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace(
      '</head>',
      `<script type="application/json" id="${PORTAL_BOOTSTRAP_ID}">${scriptJson(bootstrap)}</script></head>`,
    );
}
