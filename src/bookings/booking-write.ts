import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import {
  isDoubleBookingViolation,
  isRetryableConflict,
  isUniqueViolation,
  type Store,
  writeTransaction,
} from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { fail, ok, type Result } from '../domain-error.js';
import type { Metrics } from '../observability/metrics.js';
import type { ChangeOutcome } from './booking-change.js';
import { slotTaken } from './decide-change.js';
import { findIdempotencyRecord, insertIdempotencyRecord } from './idempotency-repository.js';

/** What a booking change runs with. `metrics` counts committed changes (absent outside the app: no count). */
export interface ChangeEnv {
  store: Store;
  clock: Clock;
  metrics?: Pick<Metrics, 'bookingChanged'> | undefined;
}

/** An `Idempotency-Key` request: the same key with the same body returns the first result instead of acting twice. */
export interface IdempotentRequest {
  scope: string;
  key: string;
  body: unknown;
}

type Change = (tx: Kysely<Database>) => Promise<Result<ChangeOutcome>>;

class RollbackWith {
  constructor(readonly result: Result<ChangeOutcome>) {}
}

/**
 * Runs one booking change in a write transaction. A refusal rolls back everything the change wrote; the
 * database's double-booking guard becomes `slot_unavailable`; an idempotent request is recorded in the same
 * transaction as its change, so a retry can never act twice.
 */
export async function writeBookingChange(
  env: ChangeEnv,
  request: IdempotentRequest | undefined,
  change: Change,
): Promise<Result<ChangeOutcome>> {
  const fingerprint = request && fingerprintOf(request.body);
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, fresh } = await attemptChange(env.store, env.clock, request, fingerprint, change);
      // Counted once, after it committed: a refusal, or a replay of an earlier answer, changed nothing.
      const entry = fresh && result.ok ? result.value.history.at(-1) : undefined;
      if (entry)
        env.metrics?.bookingChanged({ kind: entry.type, actor: entry.actor, channel: entry.channel });
      return result;
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isRetryableConflict(error)) continue;
      throw error;
    }
  }
}

const MAX_ATTEMPTS = 3;

/** The change's answer, and whether this attempt made it (false: an earlier answer replayed, or a refusal). */
interface Attempt {
  result: Result<ChangeOutcome>;
  fresh: boolean;
}

async function attemptChange(
  store: Store,
  clock: Clock,
  request: IdempotentRequest | undefined,
  fingerprint: string | undefined,
  change: Change,
): Promise<Attempt> {
  try {
    return await writeTransaction(store, async (tx) => {
      if (request && fingerprint) {
        const replay = await replayRecorded(tx, request, fingerprint);
        if (replay) return { result: replay, fresh: false };
      }
      const result = await change(tx);
      if (!result.ok) throw new RollbackWith(result);
      if (request && fingerprint) await record(tx, request, fingerprint, result.value, clock.now());
      return { result, fresh: true };
    });
  } catch (error) {
    if (error instanceof RollbackWith) return { result: error.result, fresh: false };
    if (isDoubleBookingViolation(error)) return { result: slotTaken(), fresh: false };
    if (request && fingerprint && isUniqueViolation(error)) {
      // A concurrent retry with the same key committed first: answer with its result.
      const replay = await replayRecorded(store.db, request, fingerprint);
      if (replay) return { result: replay, fresh: false };
    }
    throw error;
  }
}

function fingerprintOf(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

async function replayRecorded(
  db: Kysely<Database>,
  request: IdempotentRequest,
  fingerprint: string,
): Promise<Result<ChangeOutcome> | undefined> {
  const prior = await findIdempotencyRecord(db, request.scope, request.key);
  if (!prior) return undefined;
  if (prior.fingerprint !== fingerprint) {
    return fail(
      'idempotency_key_reused',
      'this Idempotency-Key was already used for a different request',
      'Idempotency-Key',
    );
  }
  return ok(JSON.parse(prior.responseBody) as ChangeOutcome);
}

function record(
  db: Kysely<Database>,
  request: IdempotentRequest,
  fingerprint: string,
  outcome: ChangeOutcome,
  now: number,
): Promise<void> {
  return insertIdempotencyRecord(
    db,
    { scope: request.scope, key: request.key, fingerprint, responseBody: JSON.stringify(outcome) },
    now,
  );
}
