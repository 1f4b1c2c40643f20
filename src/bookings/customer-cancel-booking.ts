import type { Result } from '../domain-error.js';
import { type ChangeOutcome, type CustomerIdentity, customerRequester } from './booking-change.js';
import type { ChangeEnv } from './booking-write.js';
import { runBookingChange } from './change-pipeline.js';

/** A customer cancels their own booking, if the business allows it and the minimum notice has not passed. */
export function customerCancelBooking(
  env: ChangeEnv,
  identity: CustomerIdentity,
  request: { bookingId: string; reason: string | null; expectedVersion: number | undefined },
): Promise<Result<ChangeOutcome>> {
  return runBookingChange(env, { kind: 'cancel', ...request }, customerRequester(identity));
}
