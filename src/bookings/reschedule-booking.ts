import type { Result } from '../domain-error.js';
import type { ChangeOrigin } from './booking.js';
import { type ChangeOutcome, officeRequester } from './booking-change.js';
import type { ChangeEnv, IdempotentRequest } from './booking-write.js';
import { runBookingChange } from './change-pipeline.js';

export interface RescheduleRequest {
  bookingId: string;
  startsAt: number;
  reason: string | null;
  /** Admin override: move it even onto other bookings or blocked time (reported as conflicts). */
  allowConflict: boolean;
  /** From If-Match: refuse if the booking changed since the caller saw this version. */
  expectedVersion: number | undefined;
}

/** The office moves a booking to a new time: any time, but never onto other work unless overridden. */
export function rescheduleBooking(
  env: ChangeEnv,
  request: RescheduleRequest,
  origin: ChangeOrigin,
  idempotency?: IdempotentRequest,
): Promise<Result<ChangeOutcome>> {
  return runBookingChange(env, { kind: 'reschedule', ...request }, officeRequester(origin), idempotency);
}
