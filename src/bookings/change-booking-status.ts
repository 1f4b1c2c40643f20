import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { fail, ok, type Result } from '../domain-error.js';
import type { Booking, BookingStatus, ChangeOrigin } from './booking.js';
import { bookingChanged, loadBookingForChange } from './booking-for-change.js';
import { afterBookingEnded } from './booking-notifications.js';
import { insertHistory, updateBookingStatus } from './booking-repository.js';
import { type ChangeContext, writeBookingChange } from './booking-write.js';

export interface StatusChangeRequest {
  bookingId: string;
  reason: string | null;
  expectedVersion: number | undefined;
}

/** Ends a confirmed booking as cancelled or completed; either is final. */
export async function changeBookingStatus(
  context: ChangeContext,
  to: Exclude<BookingStatus, 'confirmed'>,
  request: StatusChangeRequest,
  origin: ChangeOrigin,
): Promise<Result<Booking>> {
  const { store, clock } = context;
  const now = clock.now();
  return writeBookingChange(context, undefined, now, async (tx) => {
    const loaded = await loadBookingForChange(tx, store.dialect, request.bookingId, request.expectedVersion);
    if (!loaded.ok) return loaded;
    const booking = loaded.value;
    if (booking.status !== 'confirmed') {
      return fail('booking_not_active', `this booking is already ${booking.status}`);
    }
    return endBooking(tx, booking, to, origin, request.reason, now);
  });
}

/** The write every cancel or completion shares, whoever asked: the status, the history entry, the emails. */
export async function endBooking(
  tx: Kysely<Database>,
  booking: Booking,
  to: Exclude<BookingStatus, 'confirmed'>,
  origin: ChangeOrigin,
  reason: string | null,
  now: number,
): Promise<Result<Booking>> {
  const changed: Booking = { ...booking, status: to, version: booking.version + 1, updatedAt: now };
  if (!(await updateBookingStatus(tx, changed, booking.version))) return bookingChanged();
  await insertHistory(tx, changed, {
    type: to,
    ...origin,
    at: now,
    fromStartsAt: booking.startsAt,
    toStartsAt: null,
    reason,
  });
  await afterBookingEnded(tx, changed, origin, reason, now);
  return ok(changed);
}
