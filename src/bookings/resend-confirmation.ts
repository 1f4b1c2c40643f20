import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { snapshotOf } from '../email/booking-snapshot.js';
import { enqueueEmail } from '../email/outbox-repository.js';
import { officeMayChange } from '../scheduling/change-policy.js';
import { findBookingFacts } from './booking-repository.js';
import { officeRefusalMessage } from './refusal-messages.js';

/** The office sends the customer a fresh confirmation (with a fresh booking link), e.g. after a lost email. */
export async function resendConfirmation(
  db: Kysely<Database>,
  bookingId: string,
  now: number,
): Promise<Result<{ emailId: string }>> {
  const facts = await findBookingFacts(db, bookingId);
  if (!facts) return notFound('booking');
  const { booking, customer } = facts;
  if (!officeMayChange(booking).allowed) {
    return fail('booking_not_active', officeRefusalMessage('confirm', booking));
  }
  const snapshot = snapshotOf(facts, now);
  const emailId = await enqueueEmail(
    db,
    { kind: 'booking_confirmation', bookingId: booking.id, recipient: customer.email, payload: { snapshot } },
    now,
  );
  return ok({ emailId });
}
