import { fail, type Result } from '../domain-error.js';
import { changeRefusalMessage } from '../portal/change-messages.js';
import { customerMayCancel } from '../scheduling/change-policy.js';
import type { Booking } from './booking.js';
import { type ChangeContext, writeBookingChange } from './booking-write.js';
import { endBooking } from './change-booking-status.js';
import { type CustomerIdentity, loadOwnBookingForChange, originOf } from './customer-change.js';

/** A customer cancels their own booking, if the business allows it and the minimum notice has not passed. */
export async function customerCancelBooking(
  context: ChangeContext,
  identity: CustomerIdentity,
  request: { bookingId: string; reason: string | null; expectedVersion: number | undefined },
): Promise<Result<Booking>> {
  const { store, clock } = context;
  const now = clock.now();
  return writeBookingChange(context, undefined, now, async (tx) => {
    const loaded = await loadOwnBookingForChange(
      tx,
      store,
      identity,
      request.bookingId,
      request.expectedVersion,
    );
    if (!loaded.ok) return loaded;
    const { booking, settings } = loaded.value;
    const decision = customerMayCancel({ ...booking, customerReschedules: 0 }, settings.customerPortal, now);
    if (!decision.allowed) return fail(decision.code, changeRefusalMessage(decision.code, settings, booking));
    return endBooking(tx, booking, 'cancelled', originOf(identity), request.reason, now);
  });
}
