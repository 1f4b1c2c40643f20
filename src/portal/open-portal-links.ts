import type { Kysely } from 'kysely';
import type { Booking } from '../bookings/booking.js';
import { bookingOpenedByLink } from '../bookings/booking-link-repository.js';
import type { Database } from '../db/schema.js';
import { ok, type Result, tooMany } from '../domain-error.js';
import { hitRateLimit, LINK_GUESSES_PER_CLIENT } from '../limits/rate-limits.js';
import { bookingLinkAliveUntil } from '../scheduling/booking-rules.js';
import {
  bookingCookieName,
  CUSTOMER_COOKIE,
  CUSTOMER_SESSION_MS,
  customerSignedInByLink,
  openPortalSession,
} from './portal-session-repository.js';

/** A portal session to hand the browser as a cookie. */
export interface GrantedSession {
  cookieName: string;
  token: string;
  expiresAt: number;
}

/** This browser may open this booking (and only it) for as long as its booking link works. */
export async function grantBookingAccess(
  db: Kysely<Database>,
  booking: Pick<Booking, 'id' | 'customerId' | 'status' | 'endsAt'>,
  now: number,
): Promise<GrantedSession | undefined> {
  const expiresAt = bookingLinkAliveUntil(booking);
  if (expiresAt === null || !(now < expiresAt)) return undefined;
  const session = { customerId: booking.customerId, bookingId: booking.id, expiresAt };
  const token = await openPortalSession(db, session, now);
  return { cookieName: bookingCookieName(booking.id), token, expiresAt };
}

/**
 * A link that is no good, opened by `client`. Only these count against the client's limit, and only after the
 * token was checked: a genuine link is never refused, however many guesses share its client's address.
 */
async function wrongLink(db: Kysely<Database>, client: string, now: number): Promise<Result<undefined>> {
  const decision = await hitRateLimit(db, LINK_GUESSES_PER_CLIENT, client, now);
  if (decision.allowed) return ok(undefined);
  return tooMany(
    'rate_limited',
    'too many links that do not work: wait a minute and try again',
    decision.retryAfterMs,
  );
}

/** An email's booking link, opened: a session for that booking, or nothing if the link is no good. */
export async function openBookingLink(
  db: Kysely<Database>,
  link: { bookingId: string; token: string; client: string },
  now: number,
): Promise<Result<GrantedSession | undefined>> {
  const opened = await bookingOpenedByLink(db, link.bookingId, link.token, now);
  if (!opened) return wrongLink(db, link.client, now);
  return ok(await grantBookingAccess(db, { ...opened, id: opened.bookingId }, now));
}

/** A sign-in link, opened: a session for all the customer's bookings. */
export async function openSignInLink(
  db: Kysely<Database>,
  link: { token: string; client: string },
  now: number,
): Promise<Result<GrantedSession | undefined>> {
  const customerId = await customerSignedInByLink(db, link.token, now);
  if (!customerId) return wrongLink(db, link.client, now);
  const expiresAt = now + CUSTOMER_SESSION_MS;
  const sessionToken = await openPortalSession(db, { customerId, bookingId: null, expiresAt }, now);
  return ok({ cookieName: CUSTOMER_COOKIE, token: sessionToken, expiresAt });
}
