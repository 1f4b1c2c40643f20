import type { Kysely } from 'kysely';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import type { Database } from '../db/schema.js';

const DAY = 86_400_000;
/** A signed-in customer stays signed in for two weeks on that device. */
export const CUSTOMER_SESSION_MS = 14 * DAY;
/** A sign-in link from an email works for 30 minutes, as often as it is opened (mail scanners open links too). */
export const SIGN_IN_LINK_MS = 30 * 60_000;

export const CUSTOMER_COOKIE = 'rebook_customer';
/** One cookie per booking opened by a link: it reaches that booking's endpoints and nothing else. */
export const bookingCookieName = (bookingId: string) =>
  `rebook_booking_${bookingId.replace(/[^A-Za-z0-9-]/g, '')}`;

export interface PortalSession {
  customerId: string;
  /** null: the customer signed in and may see all their bookings. */
  bookingId: string | null;
  expiresAt: number;
}

export async function openPortalSession(
  db: Kysely<Database>,
  session: PortalSession,
  now: number,
): Promise<string> {
  const token = newSecretToken();
  await db
    .insertInto('portal_sessions')
    .values({
      token_hash: hashSecretToken(token),
      customer_id: session.customerId,
      booking_id: session.bookingId,
      created_at: now,
      expires_at: session.expiresAt,
    })
    .execute();
  return token;
}

export async function findPortalSession(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<PortalSession | undefined> {
  const row = await db
    .selectFrom('portal_sessions')
    .select(['customer_id', 'booking_id', 'expires_at'])
    .where('token_hash', '=', hashSecretToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && { customerId: row.customer_id, bookingId: row.booking_id, expiresAt: row.expires_at };
}

export async function closePortalSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('portal_sessions').where('token_hash', '=', hashSecretToken(token)).execute();
}

export async function mintSignInLink(
  db: Kysely<Database>,
  publicUrl: string,
  customerId: string,
  now: number,
): Promise<{ url: string; token: string }> {
  const token = newSecretToken();
  await db
    .insertInto('customer_sign_in_links')
    .values({
      token_hash: hashSecretToken(token),
      customer_id: customerId,
      created_at: now,
      expires_at: now + SIGN_IN_LINK_MS,
    })
    .execute();
  return { url: `${publicUrl}/portal/sign-in/verify?token=${token}`, token };
}

export async function customerSignedInByLink(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('customer_sign_in_links')
    .select('customer_id')
    .where('token_hash', '=', hashSecretToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.customer_id;
}

/** Housekeeping: at most `batch` sessions whose `expires_at` has come (readers take them as live while later). */
export async function deleteExpiredPortalSessions(
  db: Kysely<Database>,
  expiredBy: number,
  batch: number,
): Promise<number> {
  const dead = db
    .selectFrom('portal_sessions')
    .select('token_hash')
    .where('expires_at', '<=', expiredBy)
    .limit(batch);
  const result = await db.deleteFrom('portal_sessions').where('token_hash', 'in', dead).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Housekeeping: at most `batch` sign-in links past their `expires_at`. */
export async function deleteExpiredSignInLinks(
  db: Kysely<Database>,
  expiredBy: number,
  batch: number,
): Promise<number> {
  const dead = db
    .selectFrom('customer_sign_in_links')
    .select('token_hash')
    .where('expires_at', '<=', expiredBy)
    .limit(batch);
  const result = await db
    .deleteFrom('customer_sign_in_links')
    .where('token_hash', 'in', dead)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
