import type { Kysely } from 'kysely';
import { bookingOpenedByLink } from '../bookings/booking-links.js';
import type { Database } from '../db/schema.js';
import {
  bookingCookieName,
  CUSTOMER_COOKIE,
  CUSTOMER_SESSION_MS,
  customerSignedInByLink,
  openPortalSession,
} from './portal-sessions.js';

const DAY = 86_400_000;

/** A portal session to hand the browser as a cookie. */
export interface GrantedSession {
  cookieName: string;
  token: string;
  expiresAt: number;
}

/** This browser may open this booking (and only it) until a day after the appointment ends. */
export async function grantBookingAccess(
  db: Kysely<Database>,
  customerId: string,
  bookingId: string,
  endsAt: number,
  now: number,
): Promise<GrantedSession> {
  const expiresAt = Math.max(endsAt, now) + DAY;
  const token = await openPortalSession(db, { customerId, bookingId, expiresAt }, now);
  return { cookieName: bookingCookieName(bookingId), token, expiresAt };
}

/** An email's booking link, opened: a session for that booking, or nothing if the link is no good. */
export async function openBookingLink(
  db: Kysely<Database>,
  bookingId: string,
  token: string,
  now: number,
): Promise<GrantedSession | undefined> {
  const opened = await bookingOpenedByLink(db, bookingId, token, now);
  return opened && grantBookingAccess(db, opened.customerId, opened.bookingId, opened.endsAt, now);
}

/** A sign-in link, opened: a session for all the customer's bookings. */
export async function openSignInLink(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<GrantedSession | undefined> {
  const customerId = await customerSignedInByLink(db, token, now);
  if (!customerId) return undefined;
  const expiresAt = now + CUSTOMER_SESSION_MS;
  const sessionToken = await openPortalSession(db, { customerId, bookingId: null, expiresAt }, now);
  return { cookieName: CUSTOMER_COOKIE, token: sessionToken, expiresAt };
}
