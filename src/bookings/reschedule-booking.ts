import type { Kysely } from 'kysely';
import { findService } from '../catalog/services.js';
import { type DialectName, lockStaffCalendar } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { fail, ok, type Result } from '../domain-error.js';
import { checkBookableInstant } from '../scheduling/bookable-range.js';
import { occupiedInterval } from '../scheduling/interval.js';
import type { Booking, ChangeOrigin } from './booking.js';
import { bookingChanged, loadBookingForChange } from './booking-for-change.js';
import { afterBookingRescheduled } from './booking-notifications.js';
import { findConflicts, insertHistory, updateBooking } from './booking-repository.js';
import {
  type ChangeContext,
  type IdempotentRequest,
  slotTaken,
  writeBookingChange,
} from './booking-write.js';

export interface RescheduleRequest {
  bookingId: string;
  startsAt: number;
  reason: string | null;
  /** Admin override: move it even onto other bookings or blocked time (reported as conflicts). */
  allowConflict: boolean;
  /** From If-Match: refuse if the booking changed since the caller saw this version. */
  expectedVersion: number | undefined;
}

/** The office moves a booking to a new time. */
export async function rescheduleBooking(
  context: ChangeContext,
  request: RescheduleRequest,
  origin: ChangeOrigin,
  idempotency?: IdempotentRequest,
): Promise<Result<Booking>> {
  const { store, clock } = context;
  const now = clock.now();
  return writeBookingChange(context, idempotency, now, async (tx) => {
    const loaded = await loadBookingForChange(tx, store.dialect, request.bookingId, request.expectedVersion);
    if (!loaded.ok) return loaded;
    const booking = loaded.value;
    if (booking.status !== 'confirmed') {
      return fail('booking_not_active', `this booking is ${booking.status} and can no longer be moved`);
    }
    return moveBooking(tx, store.dialect, booking, request, origin, now);
  });
}

/** The write every reschedule shares, whoever asked: the conflict check, the new time, the history entry. */
export async function moveBooking(
  tx: Kysely<Database>,
  dialect: DialectName,
  booking: Booking,
  request: Pick<RescheduleRequest, 'startsAt' | 'reason' | 'allowConflict'>,
  origin: ChangeOrigin,
  now: number,
): Promise<Result<Booking>> {
  if (request.startsAt === booking.startsAt) {
    return fail('validation_failed', 'is already the time of this booking', 'startsAt');
  }
  const range = checkBookableInstant(request.startsAt, now);
  if (!range.ok) return fail('validation_failed', range.message, 'startsAt');
  const service = await findService(tx, booking.serviceId);
  const bufferBefore = service?.bufferBeforeMinutes ?? 0;
  const bufferAfter = service?.bufferAfterMinutes ?? 0;
  const duration = booking.endsAt - booking.startsAt;
  const moved: Booking = {
    ...booking,
    startsAt: request.startsAt,
    endsAt: request.startsAt + duration,
    rescheduleCount: booking.rescheduleCount + 1,
    version: booking.version + 1,
    allowsOverlap: request.allowConflict,
    updatedAt: now,
  };
  const occupied = occupiedInterval(moved.startsAt, moved.endsAt, bufferBefore, bufferAfter);
  await lockStaffCalendar(tx, dialect, moved.staffId);
  if (!request.allowConflict) {
    const conflicts = await findConflicts(tx, moved.staffId, occupied, moved.id, 1);
    if (conflicts.length > 0) return slotTaken();
  }
  if (!(await updateBooking(tx, moved, occupied, booking.version))) return bookingChanged();
  await insertHistory(tx, moved, {
    type: 'rescheduled',
    ...origin,
    at: now,
    fromStartsAt: booking.startsAt,
    toStartsAt: moved.startsAt,
    reason: request.reason,
  });
  await afterBookingRescheduled(tx, booking, moved, origin, request.reason, now);
  return ok(moved);
}
