/**
 * When an outbox message is sent again, and when the outbox gives up on it. Pure: the instants come in.
 * See docs/decisions/0004-email-outbox.md.
 */

/**
 * How long a sender's claim on one message lasts without renewal. Short, so a killed sender's messages go out
 * soon after (another sender takes a lapsed claim at its next tick); renewed while the send is under way, so a
 * slow mail server never lets a second sender take a message that is still being sent.
 */
export const SEND_LEASE_MS = 30_000;
/** A sender renews each claim this often while it works: three chances before the claim lapses. */
export const LEASE_RENEWAL_MS = 10_000;

/** An email that keeps failing is retried for at least this long before it is `failed`. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
export const FIRST_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 30 * 60_000;

export type AfterFailure = { outcome: 'retry'; at: number } | { outcome: 'failed' };

/**
 * After a failed attempt: wait as long again as the message has been trying (30 s, 30 s, 1 min, 2 min, 4 min …,
 * doubling), at most 30 minutes; give up only once the first attempt is 24 hours old. Waiting "as long again"
 * rather than counting attempts means a message queued again by hand starts a fresh window from its new first
 * attempt without rewriting its attempt count.
 */
export function afterFailedAttempt(attempt: {
  firstAttemptAt: number;
  failedAt: number;
  /** The email can never be sent (its booking is gone): retrying will not help. */
  undeliverable: boolean;
}): AfterFailure {
  const trying = Math.max(0, attempt.failedAt - attempt.firstAttemptAt);
  if (attempt.undeliverable || trying >= RETRY_WINDOW_MS) return { outcome: 'failed' };
  const delay = Math.min(Math.max(trying, FIRST_RETRY_DELAY_MS), MAX_RETRY_DELAY_MS);
  return { outcome: 'retry', at: attempt.failedAt + delay };
}
