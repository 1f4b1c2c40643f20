import type { Kysely } from 'kysely';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.js';
import type { Database } from '../db/schema.js';
import { isBookingLinkAlive } from '../scheduling/booking-rules.js';
import type { BookingStatus } from './booking.js';

/**
 * The link in a customer's emails that opens their booking without signing in. The token has 256 random bits
 * and only its hash is stored. It works until the appointment ends or the booking is cancelled, however often it
 * is opened; a new one is made for every email, so no email ever needs a token read back from the database.
 */
export async function mintBookingLink(
  db: Kysely<Database>,
  publicUrl: string,
  bookingId: string,
  now: number,
): Promise<{ url: string; token: string }> {
  const token = newSecretToken();
  await db
    .insertInto('booking_links')
    .values({ token_hash: hashSecretToken(token), booking_id: bookingId, created_at: now, revoked_at: null })
    .execute();
  return { url: `${publicUrl}/portal/bookings/${encodeURIComponent(bookingId)}?token=${token}`, token };
}

export async function revokeBookingLinks(
  db: Kysely<Database>,
  bookingId: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('booking_links')
    .set({ revoked_at: now })
    .where('booking_id', '=', bookingId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The booking a link opens, if the link is genuine, for that booking, not revoked, and the booking still live. */
export async function bookingOpenedByLink(
  db: Kysely<Database>,
  bookingId: string,
  token: string,
  now: number,
): Promise<{ bookingId: string; customerId: string; status: BookingStatus; endsAt: number } | undefined> {
  const row = await db
    .selectFrom('booking_links')
    .innerJoin('bookings', 'bookings.id', 'booking_links.booking_id')
    .select(['bookings.id', 'bookings.customer_id', 'bookings.status', 'bookings.ends_at'])
    .where('booking_links.token_hash', '=', hashSecretToken(token))
    .where('booking_links.booking_id', '=', bookingId)
    .where('booking_links.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const booking = {
    bookingId: row.id,
    customerId: row.customer_id,
    status: row.status as BookingStatus,
    endsAt: row.ends_at,
  };
  return isBookingLinkAlive(booking, now) ? booking : undefined;
}

/** Housekeeping: at most `batch` links that were revoked or whose booking has ended (a link works until then). */
export async function deleteDeadBookingLinks(
  db: Kysely<Database>,
  bookingEndedBy: number,
  batch: number,
): Promise<number> {
  const dead = db
    .selectFrom('booking_links')
    .innerJoin('bookings', 'bookings.id', 'booking_links.booking_id')
    .select('booking_links.token_hash')
    .where((eb) =>
      eb.or([eb('booking_links.revoked_at', 'is not', null), eb('bookings.ends_at', '<=', bookingEndedBy)]),
    )
    .limit(batch);
  const result = await db.deleteFrom('booking_links').where('token_hash', 'in', dead).executeTakeFirst();
  return Number(result.numDeletedRows);
}
