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
import type { Booking, HistoryEntry } from './booking.js';

/** What a booking change runs with. `metrics` counts committed changes (absent outside the app: no count). */
export interface ChangeContext {
  store: Store;
  clock: Clock;
  metrics?: Pick<Metrics, 'bookingChanged'>;
}

type WrittenChange = Pick<HistoryEntry, 'type' | 'actor' | 'channel'>;

/** The history entries each open change transaction has written: counted once, after it commits. */
const historyWrittenIn = new WeakMap<Kysely<Database>, WrittenChange[]>();

/** Called where history entries are written (the one record every booking change leaves). */
export function noteHistoryWritten(tx: Kysely<Database>, entry: WrittenChange): void {
  historyWrittenIn.get(tx)?.push({ type: entry.type, actor: entry.actor, channel: entry.channel });
}

/** An `Idempotency-Key` request: the same key with the same body returns the first result instead of acting twice. */
export interface IdempotentRequest {
  scope: string;
  key: string;
  body: unknown;
}

class RollbackWith {
  constructor(readonly result: Result<Booking>) {}
}

const SLOT_TAKEN = 'Sorry, that time has just been taken. Please choose another.';

export const slotTaken = () => fail<Booking>('slot_unavailable', SLOT_TAKEN, 'startsAt');

/**
 * Runs one booking change in a write transaction. A refusal rolls back everything the change wrote; the
 * database's double-booking guard becomes `slot_unavailable`; an idempotent request is recorded in the same
 * transaction as its change, so a retry can never act twice.
 */
export async function writeBookingChange(
  context: Pick<ChangeContext, 'store' | 'metrics'>,
  request: IdempotentRequest | undefined,
  now: number,
  change: (tx: Kysely<Database>) => Promise<Result<Booking>>,
): Promise<Result<Booking>> {
  const fingerprint = request && fingerprintOf(request.body);
  for (let attempt = 1; ; attempt++) {
    const written: WrittenChange[] = [];
    try {
      const result = await attemptChange(context.store, request, fingerprint, now, (tx) => {
        historyWrittenIn.set(tx, written);
        return change(tx);
      });
      // Committed (a refusal or a replay wrote no history that stayed): count what this change recorded.
      if (result.ok)
        for (const entry of written) context.metrics?.bookingChanged({ kind: entry.type, ...entry });
      return result;
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isRetryableConflict(error)) continue;
      throw error;
    }
  }
}

const MAX_ATTEMPTS = 3;

async function attemptChange(
  store: Store,
  request: IdempotentRequest | undefined,
  fingerprint: string | undefined,
  now: number,
  change: (tx: Kysely<Database>) => Promise<Result<Booking>>,
): Promise<Result<Booking>> {
  try {
    return await writeTransaction(store, async (tx) => {
      if (request && fingerprint) {
        const replay = await replayRecorded(tx, request, fingerprint);
        if (replay) return replay;
      }
      const result = await change(tx);
      if (!result.ok) throw new RollbackWith(result);
      if (request && fingerprint) await record(tx, request, fingerprint, result.value, now);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.result;
    if (isDoubleBookingViolation(error)) return slotTaken();
    if (request && fingerprint && isUniqueViolation(error)) {
      // A concurrent retry with the same key committed first: answer with its result.
      const replay = await replayRecorded(store.db, request, fingerprint);
      if (replay) return replay;
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
): Promise<Result<Booking> | undefined> {
  const prior = await db
    .selectFrom('idempotency_records')
    .select(['request_fingerprint', 'response_body'])
    .where('scope', '=', request.scope)
    .where('key', '=', request.key)
    .executeTakeFirst();
  if (!prior) return undefined;
  if (prior.request_fingerprint !== fingerprint) {
    return fail(
      'idempotency_key_reused',
      'this Idempotency-Key was already used for a different request',
      'Idempotency-Key',
    );
  }
  return ok(JSON.parse(prior.response_body) as Booking);
}

async function record(
  db: Kysely<Database>,
  request: IdempotentRequest,
  fingerprint: string,
  booking: Booking,
  now: number,
): Promise<void> {
  await db
    .insertInto('idempotency_records')
    .values({
      scope: request.scope,
      key: request.key,
      request_fingerprint: fingerprint,
      response_status: 200,
      response_body: JSON.stringify(booking),
      created_at: now,
    })
    .execute();
}
