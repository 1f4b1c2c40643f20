import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSameOriginWrite } from '../auth/admin-guard.js';
import type { CustomerIdentity } from '../bookings/booking-change.js';
import type { AppContext } from '../http/app-context.js';
import { sendProblem } from '../http/error-handler.js';
import { bookingCookieName, CUSTOMER_COOKIE, findPortalSession } from './portal-session-repository.js';

export interface PortalAccess extends CustomerIdentity {
  /** Set when access comes from a booking link: only this booking may be reached. */
  bookingId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    portalAccess?: PortalAccess;
  }
}

const BOOKING_COOKIE_PREFIX = bookingCookieName('');

async function customerSession(
  request: FastifyRequest,
  context: AppContext,
): Promise<PortalAccess | undefined> {
  const token = request.cookies[CUSTOMER_COOKIE];
  const session = token ? await findPortalSession(context.store.db, token, context.clock.now()) : undefined;
  return session && session.bookingId === null
    ? { customerId: session.customerId, channel: 'portal', bookingId: null }
    : undefined;
}

async function bookingSession(
  request: FastifyRequest,
  context: AppContext,
  bookingId: string,
): Promise<PortalAccess | undefined> {
  const token = request.cookies[bookingCookieName(bookingId)];
  const session = token ? await findPortalSession(context.store.db, token, context.clock.now()) : undefined;
  return session && session.bookingId === bookingId
    ? { customerId: session.customerId, channel: 'email_link', bookingId }
    : undefined;
}

/** Any booking link this browser opened: enough to know who the customer is for "Schedule an appointment". */
async function anyBookingSession(
  request: FastifyRequest,
  context: AppContext,
): Promise<PortalAccess | undefined> {
  for (const name of Object.keys(request.cookies)) {
    if (!name.startsWith(BOOKING_COOKIE_PREFIX)) continue;
    const access = await bookingSession(request, context, name.slice(BOOKING_COOKIE_PREFIX.length));
    if (access) return access;
  }
  return undefined;
}

/** Who may see this booking's page from this browser: its link's cookie, or the signed-in customer. */
export async function bookingPageAccess(
  request: FastifyRequest,
  context: AppContext,
  bookingId: string,
): Promise<PortalAccess | undefined> {
  return (await bookingSession(request, context, bookingId)) ?? (await customerSession(request, context));
}

/** Who this browser is to the portal: its customer session and the booking links it holds, each checked. */
export async function portalVisitor(
  request: FastifyRequest,
  context: AppContext,
): Promise<{ signedIn: PortalAccess | undefined; links: PortalAccess[] }> {
  const links: PortalAccess[] = [];
  for (const name of Object.keys(request.cookies)) {
    if (!name.startsWith(BOOKING_COOKIE_PREFIX)) continue;
    const access = await bookingSession(request, context, name.slice(BOOKING_COOKIE_PREFIX.length));
    if (access) links.push(access);
  }
  return { signedIn: await customerSession(request, context), links };
}

type Scope = 'signed-in' | 'booking' | 'any';

/**
 * onRequest hook for portal API routes (before the body is read, so strangers learn nothing from validation). 'signed-in': the customer signed in by email (all their bookings).
 * 'booking': that, or the link cookie of the booking in the URL (a link opened from an email counts as the
 * email_link channel). 'any': either kind of session. Cookie-authenticated changes must come from our origin.
 */
export function requirePortalAccess(context: AppContext, scope: Scope) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const bookingId = (request.params as { id?: string }).id;
    const access =
      scope === 'signed-in'
        ? await customerSession(request, context)
        : scope === 'booking' && bookingId
          ? await bookingPageAccess(request, context, bookingId)
          : ((await customerSession(request, context)) ?? (await anyBookingSession(request, context)));
    if (!access) {
      return sendProblem(reply, 401, 'unauthorized', 'sign in with your email address to see your bookings');
    }
    if (!isSameOriginWrite(request, context.publicUrl)) {
      return sendProblem(reply, 403, 'forbidden', 'this change must come from the booking pages');
    }
    request.portalAccess = access;
  };
}

export function accessOf(request: FastifyRequest): PortalAccess {
  if (!request.portalAccess) throw new Error('portal route without requirePortalAccess');
  return request.portalAccess;
}
