import type { Kysely } from 'kysely';
import { findCustomerByEmail } from '../catalog/customer-repository.js';
import type { Database } from '../db/schema.js';
import { countEmailsSince, enqueueEmail } from '../email/outbox-repository.js';

const HOUR = 3_600_000;
/** More sign-in emails than this an hour to one customer is someone else pressing the button. */
const MAX_SIGN_IN_EMAILS_AN_HOUR = 5;

/**
 * Emails a sign-in link to a known customer. The caller answers the same whatever happens here, so nobody
 * can learn from the portal which email addresses are customers.
 */
export async function requestSignIn(db: Kysely<Database>, email: string, now: number): Promise<void> {
  const customer = await findCustomerByEmail(db, email);
  if (!customer) return;
  const recent = await countEmailsSince(db, 'customer_sign_in', customer.email, now - HOUR);
  if (recent >= MAX_SIGN_IN_EMAILS_AN_HOUR) return;
  await enqueueEmail(
    db,
    {
      kind: 'customer_sign_in',
      bookingId: null,
      recipient: customer.email,
      payload: { customerId: customer.id },
    },
    now,
  );
}
