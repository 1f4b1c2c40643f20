import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { findOutboxMessage, type OutboxMessage, requeueFailedMessage } from './outbox-repository.js';

/**
 * `POST /outbox/:id/retry`: the office queues a failed email again, to go out at once and be retried for
 * another 24 hours. Only a `failed` one: a pending email is already being retried, a sent one was delivered.
 */
export async function retryFailedEmail(
  db: Kysely<Database>,
  id: string,
  now: number,
): Promise<Result<OutboxMessage>> {
  const requeued = await requeueFailedMessage(db, id, now);
  const message = await findOutboxMessage(db, id);
  if (!message) return notFound('email');
  if (!requeued) {
    return fail('email_not_failed', `only a failed email can be retried; this one is ${message.status}`);
  }
  return ok(message);
}
