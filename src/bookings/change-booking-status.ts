import type { Result } from '../domain-error.js';
import type { ChangeOrigin } from './booking.js';
import { type ChangeOutcome, officeRequester } from './booking-change.js';
import type { ChangeEnv } from './booking-write.js';
import { runBookingChange } from './change-pipeline.js';

export interface StatusChangeRequest {
  bookingId: string;
  reason: string | null;
  expectedVersion: number | undefined;
}

/** The office ends a confirmed booking as cancelled or completed; either is final. */
export function changeBookingStatus(
  env: ChangeEnv,
  to: 'cancelled' | 'completed',
  request: StatusChangeRequest,
  origin: ChangeOrigin,
): Promise<Result<ChangeOutcome>> {
  const kind = to === 'cancelled' ? 'cancel' : 'complete';
  return runBookingChange(env, { kind, ...request }, officeRequester(origin));
}
