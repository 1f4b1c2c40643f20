/**
 * Refusals the product speaks of, with stable codes (the contract's error codes). Use cases return these as
 * values; the HTTP error handler alone decides their status codes.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'too_many_attempts'
  | 'slot_unavailable'
  | 'booking_changed'
  | 'booking_not_active'
  | 'minimum_notice'
  | 'outside_working_hours'
  | 'outside_booking_window'
  | 'reschedule_limit_reached'
  | 'reschedule_disabled'
  | 'cancel_disabled'
  | 'service_unavailable'
  | 'in_use'
  | 'already_exists'
  | 'idempotency_key_reused'
  | 'template_invalid'
  /** The database cannot be reached right now (a restart, a lost connection, a locked file): try again shortly. */
  | 'database_unavailable'
  | 'email_not_failed'
  /** A body in a type the endpoint does not take (a logo that is not PNG, JPEG or WebP, or not what it says). */
  | 'unsupported_media_type'
  | 'payload_too_large'
  /** The customer asked to move to a staff member who does not perform the service or may not be chosen. */
  | 'staff_not_available'
  /** The booking already has a pending reschedule request. */
  | 'reschedule_request_pending'
  /** The reschedule request was already answered, expired or withdrawn. */
  | 'reschedule_request_not_pending';

export interface DomainError {
  code: ErrorCode;
  message: string;
  /** The request field the refusal is about, when there is one (e.g. `startsAt`). */
  field?: string;
  /** For a template: the line of that field where the problem is. */
  line?: number;
  /** Every problem, when there are several (a template's unknown merge fields), each with its place. */
  issues?: ReadonlyArray<{ field: string; message: string; line?: number; column?: number }>;
  /** For a limit: when to try again (the `Retry-After` header). */
  retryAfterSeconds?: number;
  /** More for the problem body, e.g. fresh `suggestedTimes` when the picked one was taken meanwhile. */
  extensions?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string, field?: string): Result<T> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** A limit ran out: try again after `retryAfterMs`. */
export const tooMany = <T = never>(
  code: 'rate_limited' | 'too_many_attempts',
  message: string,
  retryAfterMs: number,
): Result<T> => ({
  ok: false,
  error: { code, message, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
});

/** Thrown only at the HTTP edge to hand a refusal to the one error handler. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

export function valueOrThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new DomainFailure(result.error);
  return result.value;
}

export const notFound = (what: string) => fail(`not_found`, `${what} not found`);
