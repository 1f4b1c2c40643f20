import type { Kysely } from 'kysely';
import { findService } from '../catalog/services.js';
import type { Database } from '../db/schema.js';
import { notFound, ok, type Result } from '../domain-error.js';
import { occupiedInterval } from '../scheduling/interval.js';
import type { BookingDetails } from './booking.js';
import { findBooking, findConflicts, listHistory } from './booking-repository.js';
import { findPendingRequest } from './reschedule-request-repository.js';

/** A booking with its full history and, while it is confirmed, whatever overlaps it. */
export async function getBookingDetails(db: Kysely<Database>, id: string): Promise<Result<BookingDetails>> {
  const booking = await findBooking(db, id);
  if (!booking) return notFound('booking');
  const [history, service, rescheduleRequest] = await Promise.all([
    listHistory(db, id),
    findService(db, booking.serviceId),
    findPendingRequest(db, id),
  ]);
  const occupied = occupiedInterval(
    booking.startsAt,
    booking.endsAt,
    service?.bufferBeforeMinutes ?? 0,
    service?.bufferAfterMinutes ?? 0,
  );
  const conflicts =
    booking.status === 'confirmed' ? await findConflicts(db, booking.staffId, occupied, booking.id) : [];
  return ok({ ...booking, history, conflicts, rescheduleRequest });
}
