import type { Kysely } from 'kysely';
import type { Store } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { notFound, type Result } from '../domain-error.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';
import type { Booking, ChangeOrigin } from './booking.js';
import { bookingChanged, loadBookingForChange } from './booking-for-change.js';

/** Who is asking in the Customer Portal, and through which door: a signed-in session or an email's booking link. */
export interface CustomerIdentity {
  customerId: string;
  channel: 'portal' | 'email_link';
}

export const originOf = (identity: CustomerIdentity): ChangeOrigin => ({
  actor: 'customer',
  channel: identity.channel,
});

/**
 * Loads the customer's own booking inside a write transaction, locked, checking If-Match. Someone else's
 * booking is simply not found: the portal never confirms that a booking id exists.
 */
export async function loadOwnBookingForChange(
  tx: Kysely<Database>,
  store: Store,
  identity: CustomerIdentity,
  bookingId: string,
  expectedVersion: number | undefined,
): Promise<Result<{ booking: Booking; settings: BusinessSettings }>> {
  // Ownership first: a stale If-Match on someone else's booking must not reveal that it exists.
  const loaded = await loadBookingForChange(tx, store.dialect, bookingId, undefined);
  if (!loaded.ok) return loaded;
  if (loaded.value.customerId !== identity.customerId) return notFound('booking');
  if (expectedVersion !== undefined && expectedVersion !== loaded.value.version) return bookingChanged();
  return { ok: true, value: { booking: loaded.value, settings: await readSettings(tx) } };
}
