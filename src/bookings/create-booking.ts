import type { Result } from '../domain-error.js';
import type { ChangeOrigin } from './booking.js';
import { type ChangeOutcome, officeRequester } from './booking-change.js';
import type { ChangeEnv, IdempotentRequest } from './booking-write.js';
import { runBookingChange } from './change-pipeline.js';

export interface NewBooking {
  customerId: string;
  serviceId: string;
  staffId: string;
  startsAt: number;
  notes: string | null;
  /** Admin override: place it even though it overlaps other bookings or blocked time. */
  allowConflict: boolean;
}

/** An admin (or API client) books a customer in: any time, but never on top of other work unless overridden. */
export function createBooking(
  env: ChangeEnv,
  input: NewBooking,
  origin: ChangeOrigin,
  idempotency?: IdempotentRequest,
): Promise<Result<ChangeOutcome>> {
  return runBookingChange(env, { kind: 'create', ...input }, officeRequester(origin), idempotency);
}
