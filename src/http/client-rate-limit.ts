import type { FastifyRequest } from 'fastify';
import { tooMany, valueOrThrow } from '../domain-error.js';
import { hitRateLimit, type RateLimit } from '../limits/rate-limits.js';
import type { AppContext } from './app-context.js';

/**
 * An `onRequest` hook that counts every request of a route against a per-client limit. The client is
 * `request.ip`: the peer address, or what a trusted proxy says it is (TRUST_PROXY).
 */
export function limitPerClient(context: Pick<AppContext, 'store' | 'clock'>, limit: RateLimit) {
  return async (request: FastifyRequest): Promise<void> => {
    const decision = await hitRateLimit(context.store.db, limit, request.ip, context.clock.now());
    if (!decision.allowed) {
      valueOrThrow(
        tooMany('rate_limited', 'too many requests: wait a moment and try again', decision.retryAfterMs),
      );
    }
  };
}
