import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/app-context.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readableAccent } from '../shared/accent-colour.js';
import { formatDate, formatTimeRange } from '../shared/business-time.js';
import { bookingPageAccess } from './portal-access.js';
import { type PortalBooking, portalBookingView } from './portal-booking-view.js';

/**
 * What the portal's HTML shows before any script has run (docs/decisions: the first page): the business's
 * name in the header, and on a booking's page the service and its date and time as the business's locale
 * writes them. The markup borrows the React page's own classes, so that the page looks the same once its
 * styles have arrived and nothing jumps when the app, on load, replaces it. Every value is escaped. The
 * renderers are pure; portalFirstPaint reads what they need.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** The accent colour as the portal's styles read it, `var(--accent)`: kept at AA contrast against white. */
export function accentStyle(branding: BusinessSettings['branding']): string {
  return `<style>:root{--accent:${readableAccent(branding.accentColor)}}</style>`;
}

function header(settings: BusinessSettings): string {
  const logo = settings.branding.hasLogo
    ? '<img class="brand-logo" src="/api/v1/branding/logo" alt="" />'
    : '';
  return `<header class="site-header"><div class="site-header-inner"><a class="brand" href="/portal">${logo}<span>${escapeHtml(settings.businessName)}</span></a></div></header>`;
}

/** The booking page's first view: its heading and when card, without the parts that need the app. */
export function bookingFirstPaint(settings: BusinessSettings, booking: PortalBooking): string {
  const zone = booking.timezone;
  const locale = settings.locale;
  const staff = booking.staff.name ? `<p class="when-theirs">${escapeHtml(booking.staff.name)}</p>` : '';
  return [
    header(settings),
    '<main id="main" class="page">',
    `<div class="page-heading"><p class="eyebrow">${escapeHtml(booking.reference)}</p>`,
    `<div class="title-row title-with-badge"><h1 class="page-title">${escapeHtml(booking.service.name)}</h1></div></div>`,
    '<section class="card when-card"><div class="when-main">',
    `<p class="when-date">${escapeHtml(formatDate(booking.startsAt, zone, locale))}</p>`,
    `<p class="when-time">${escapeHtml(formatTimeRange(booking.startsAt, booking.endsAt, zone, locale))}</p>`,
    staff,
    '</div></section>',
    '</main>',
  ].join('');
}

/** Any other portal page's first view: the header with the business's name. */
export function plainFirstPaint(settings: BusinessSettings): string {
  return `${header(settings)}<main id="main" class="page"></main>`;
}

/**
 * The built index.html with the accent colour, `root` (the first view) and, when given, the title written in.
 * The app's `createRoot(...).render` replaces the root's children on load.
 */
export function withFirstPaint(
  html: string,
  settings: BusinessSettings,
  root: string,
  title: string | null,
): string {
  const titled =
    title === null ? html : html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
  return titled
    .replace('</head>', `${accentStyle(settings.branding)}</head>`)
    .replace(/<div id="root"><\/div>/, `<div id="root">${root}</div>`);
}

export interface FirstPaint {
  settings: BusinessSettings;
  root: string;
  title: string | null;
}

/**
 * The first view of the portal page at this address: a booking's page shows the booking to a browser that
 * may see it (its link's cookie, or the signed-in customer) and only the header to any other.
 */
export async function portalFirstPaint(
  request: FastifyRequest,
  context: AppContext,
  settings: BusinessSettings,
  bookingId?: string,
): Promise<FirstPaint> {
  if (bookingId === undefined) return { settings, root: plainFirstPaint(settings), title: null };
  const title = `Your booking · ${settings.businessName}`;
  const access = await bookingPageAccess(request, context, bookingId);
  const view =
    access && (await portalBookingView(context.store.db, bookingId, access.customerId, context.clock.now()));
  return view?.ok
    ? { settings, root: bookingFirstPaint(settings, view.value), title }
    : { settings, root: plainFirstPaint(settings), title };
}
