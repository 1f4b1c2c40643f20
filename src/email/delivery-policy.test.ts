import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, MAX_RETRY_DELAY_MS, RETRY_WINDOW_MS } from './delivery-policy.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The instants of every attempt of a message that always fails, first attempt at 0. */
function attemptsOfAlwaysFailing(): number[] {
  const attempts = [0];
  for (;;) {
    const next = afterFailedAttempt({
      firstAttemptAt: 0,
      failedAt: attempts.at(-1) as number,
      undeliverable: false,
    });
    if (next.outcome === 'failed') return attempts;
    attempts.push(next.at);
  }
}

describe('retrying a failed email', () => {
  it('waits 30 s, then as long again as it has been trying, up to 30 minutes', () => {
    const attempts = attemptsOfAlwaysFailing();
    const waits = attempts.slice(1).map((at, i) => at - (attempts[i] as number));
    expect(waits.slice(0, 8).map((ms) => ms / 1000)).toEqual([30, 30, 60, 120, 240, 480, 960, 1800]);
    expect(Math.max(...waits)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('keeps trying for 24 hours and gives up at the first failure after that', () => {
    const attempts = attemptsOfAlwaysFailing();
    const last = attempts.at(-1) as number;
    const beforeLast = attempts.at(-2) as number;
    expect(beforeLast).toBeLessThan(RETRY_WINDOW_MS);
    expect(last).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(last).toBeLessThan(RETRY_WINDOW_MS + MAX_RETRY_DELAY_MS);
    expect(attempts.filter((at) => at <= 23 * HOUR).length).toBeGreaterThan(40);
    expect(afterFailedAttempt({ firstAttemptAt: 0, failedAt: 23 * HOUR, undeliverable: false })).toEqual({
      outcome: 'retry',
      at: 23 * HOUR + MAX_RETRY_DELAY_MS,
    });
    expect(afterFailedAttempt({ firstAttemptAt: 0, failedAt: 24 * HOUR, undeliverable: false })).toEqual({
      outcome: 'failed',
    });
  });

  it('gives up at once on an email that can never be sent', () => {
    expect(afterFailedAttempt({ firstAttemptAt: 0, failedAt: 0, undeliverable: true })).toEqual({
      outcome: 'failed',
    });
  });
});
