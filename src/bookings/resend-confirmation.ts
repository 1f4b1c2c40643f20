import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { enqueueEmail } from '../email/outbox-repository.js';
import { findBooking } from './booking-repository.js';

/** The office sends the customer a fresh confirmation (with a fresh booking link), e.g. after a lost email. */
export async function resendConfirmation(
  db: Kysely<Database>,
  bookingId: string,
  now: number,
): Promise<Result<{ emailId: string }>> {
  const booking = await findBooking(db, bookingId);
  if (!booking) return notFound('booking');
  if (booking.status !== 'confirmed') {
    return fail('booking_not_active', `this booking is ${booking.status}: there is nothing to confirm`);
  }
  const customer = await db
    .selectFrom('customers')
    .select('email')
    .where('id', '=', booking.customerId)
    .executeTakeFirstOrThrow();
  const emailId = await enqueueEmail(
    db,
    { kind: 'booking_confirmation', bookingId: booking.id, recipient: customer.email, payload: {} },
    now,
  );
  return ok({ emailId });
}
