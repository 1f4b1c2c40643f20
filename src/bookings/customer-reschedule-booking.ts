import type { Result } from '../domain-error.js';
import { type ChangeOutcome, type CustomerIdentity, customerRequester } from './booking-change.js';
import type { ChangeEnv, IdempotentRequest } from './booking-write.js';
import { runBookingChange } from './change-pipeline.js';

export interface CustomerRescheduleRequest {
  bookingId: string;
  startsAt: number;
  reason: string | null;
  expectedVersion: number | undefined;
}

/**
 * A customer moves their own booking. Every rule is checked at the write, against the data as it is then:
 * the reschedule flag, the booking's status, the minimum notice (for the current and the new time), working
 * hours, the booking window, real-time availability and the per-booking limit.
 */
export function customerRescheduleBooking(
  env: ChangeEnv,
  identity: CustomerIdentity,
  request: CustomerRescheduleRequest,
  idempotency?: IdempotentRequest,
): Promise<Result<ChangeOutcome>> {
  return runBookingChange(
    env,
    { kind: 'reschedule', ...request, allowConflict: false },
    customerRequester(identity),
    idempotency,
  );
}
