import type { Kysely } from 'kysely';
import { type DialectName, lockedForChange } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import type { Booking } from './booking.js';
import { toBooking } from './booking-repository.js';

/** Reads a booking inside a write transaction, locked against concurrent changes, checking If-Match. */
export async function loadBookingForChange(
  tx: Kysely<Database>,
  dialect: DialectName,
  bookingId: string,
  expectedVersion: number | undefined,
): Promise<Result<Booking>> {
  const query = tx.selectFrom('bookings').selectAll().where('id', '=', bookingId);
  const row = await lockedForChange(query, dialect).executeTakeFirst();
  if (!row) return notFound('booking');
  const booking = toBooking(row);
  if (expectedVersion !== undefined && expectedVersion !== booking.version) {
    return bookingChanged();
  }
  return ok(booking);
}

export const bookingChanged = <T = Booking>() =>
  fail<T>('booking_changed', 'this booking was changed meanwhile: reload it and try again', 'If-Match');
