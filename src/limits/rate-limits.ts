import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { countHit, takeBackHit } from './rate-limit-repository.js';

const MINUTE = 60_000;

/** At most `max` hits a window of `windowMs`, per key (a client address, an account's email). */
export interface RateLimit {
  name: string;
  max: number;
  windowMs: number;
}

/** Wrong passwords for one admin account, from anywhere (the contract: 10 within 15 minutes). */
export const ADMIN_SIGN_IN_PER_ACCOUNT: RateLimit = {
  name: 'admin-sign-in-account',
  max: 10,
  windowMs: 15 * MINUTE,
};
/** Sign-in attempts from one client, whichever accounts they try. */
export const ADMIN_SIGN_IN_PER_CLIENT: RateLimit = {
  name: 'admin-sign-in-client',
  max: 20,
  windowMs: MINUTE,
};
/** Wrong booking-link and sign-in-link tokens from one client; a person opening their links never gets near. */
export const LINK_GUESSES_PER_CLIENT: RateLimit = { name: 'link-guesses-client', max: 60, windowMs: MINUTE };
/** Requests for a sign-in email from one client (each customer also gets at most 5 such emails an hour). */
export const PORTAL_SIGN_IN_PER_CLIENT: RateLimit = {
  name: 'portal-sign-in-client',
  max: 5,
  windowMs: MINUTE,
};

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Keys are hashed: the table holds no email addresses or client addresses, and every bucket is one length. */
function bucketOf(limit: RateLimit, key: string): string {
  return `${limit.name}:${createHash('sha256').update(key).digest('base64url')}`;
}

/** Counts one hit against the limit; refused once the window already holds `max`. */
export async function hitRateLimit(
  db: Kysely<Database>,
  limit: RateLimit,
  key: string,
  now: number,
): Promise<LimitDecision> {
  const count = await countHit(db, bucketOf(limit, key), limit.windowMs, now);
  return count.hits <= limit.max
    ? { allowed: true }
    : { allowed: false, retryAfterMs: count.windowEndsAt - now };
}

/** Takes back a hit counted before it was known not to count (a sign-in that turned out right). */
export async function takeBackRateLimitHit(
  db: Kysely<Database>,
  limit: RateLimit,
  key: string,
  now: number,
): Promise<void> {
  await takeBackHit(db, bucketOf(limit, key), now);
}
