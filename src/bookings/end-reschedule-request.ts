import type { Kysely } from 'kysely';
import { listStaff } from '../catalog/staff-repository.js';
import { writeTransaction } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { snapshotOf } from '../email/booking-snapshot.js';
import type { EmailKind } from '../email/email-kind.js';
import { enqueueEmail } from '../email/outbox-repository.js';
import { isAnswerable, isPastRespondBy } from '../scheduling/reschedule-requests.js';
import { readSettings } from '../settings/settings-repository.js';
import type { RequestEnv } from './ask-to-reschedule.js';
import type { ChangeOrigin, HistoryEntry } from './booking.js';
import type { CustomerIdentity } from './booking-change.js';
import { insertHistory, listHistory, lockBookingWithParties } from './booking-repository.js';
import { requestFacts } from './reschedule-request-facts.js';
import {
  findDueForExpiry,
  findPendingRequest,
  findRescheduleRequest,
  type RescheduleRequest,
  resolveRescheduleRequest,
} from './reschedule-request-repository.js';

type Ending = 'declined' | 'expired' | 'withdrawn';

const HISTORY_TYPE: Record<Ending, HistoryEntry['type']> = {
  declined: 'reschedule_request_declined',
  expired: 'reschedule_request_expired',
  withdrawn: 'reschedule_request_withdrawn',
};

/** The office's notice of each ending (a withdrawal is the office's own doing: no notice). */
const OFFICE_NOTICE: Record<Ending, EmailKind | null> = {
  declined: 'reschedule_request_declined',
  expired: 'reschedule_request_expired',
  withdrawn: null,
};

const notPending = <T>() =>
  fail<T>(
    'reschedule_request_not_pending',
    'this reschedule request was already answered, expired or withdrawn',
  );

/** "Withdraw": the office takes back a pending request; the booking stays where it is. */
export async function withdrawRescheduleRequest(
  env: RequestEnv,
  requestId: string,
  origin: ChangeOrigin,
): Promise<Result<RescheduleRequest>> {
  const found = await findRescheduleRequest(env.store.db, requestId);
  if (!found) return notFound('reschedule request');
  return writeTransaction(env.store, (tx) =>
    endRequest(tx, env, found.bookingId, 'withdrawn', origin, null, (pending) => pending.id === requestId),
  );
}

/** "None of these work": the customer declines the office's pending request, with an optional note. */
export async function declineRescheduleRequest(
  env: RequestEnv,
  identity: CustomerIdentity,
  bookingId: string,
  message: string | null,
): Promise<Result<RescheduleRequest>> {
  return writeTransaction(env.store, async (tx) => {
    const locked = await lockBookingWithParties(tx, env.store.dialect, bookingId);
    // Someone else's booking is not found, as everywhere in the portal.
    if (!locked || locked.booking.customerId !== identity.customerId) return notFound('booking');
    const origin: ChangeOrigin = { actor: 'customer', channel: identity.channel };
    return endRequest(tx, env, bookingId, 'declined', origin, message, (pending) =>
      isAnswerable(pending, env.clock.now()),
    );
  });
}

/**
 * The worker: every pending request whose respond-by time has come becomes expired, and the office is emailed
 * once (the status changes from pending exactly once, under the booking's lock). Returns how many expired.
 */
export async function expireDueRequests(env: RequestEnv, limit = 100): Promise<number> {
  const due = await findDueForExpiry(env.store.db, env.clock.now(), limit);
  let expired = 0;
  for (const { id, bookingId } of due) {
    const ended = await writeTransaction(env.store, (tx) =>
      endRequest(
        tx,
        env,
        bookingId,
        'expired',
        { actor: 'system', channel: 'system' },
        null,
        (pending) => pending.id === id && isPastRespondBy(pending, env.clock.now()),
      ),
    );
    if (ended.ok) expired++;
  }
  return expired;
}

/**
 * Ends the booking's pending request (if `which` says it is the one), after locking the booking: the request's
 * status, its history entry and the office's notice are written together.
 */
async function endRequest(
  tx: Kysely<Database>,
  env: RequestEnv,
  bookingId: string,
  status: Ending,
  by: ChangeOrigin,
  responseMessage: string | null,
  which: (pending: RescheduleRequest) => boolean,
): Promise<Result<RescheduleRequest>> {
  const locked = await lockBookingWithParties(tx, env.store.dialect, bookingId);
  if (!locked) return notFound('booking');
  const pending = await findPendingRequest(tx, bookingId);
  const now = env.clock.now();
  if (!pending || !which(pending)) return notPending();
  const note = responseMessage === '' ? null : responseMessage;
  if (!(await resolveRescheduleRequest(tx, pending.id, { status, at: now, by, responseMessage: note }))) {
    return notPending();
  }
  const ended: RescheduleRequest = {
    ...pending,
    status,
    resolvedAt: now,
    resolvedBy: by,
    responseMessage: note,
  };
  const history = await listHistory(tx, bookingId);
  const entry: HistoryEntry = {
    type: HISTORY_TYPE[status],
    actor: by.actor,
    channel: by.channel,
    at: now,
    fromStartsAt: null,
    toStartsAt: null,
    reason: note,
    requestId: pending.id,
  };
  await insertHistory(tx, locked.booking, entry, history.length);
  const notice = OFFICE_NOTICE[status];
  const settings = notice ? await readSettings(tx) : null;
  if (notice && settings?.notificationEmail && locked.customer) {
    const snapshot = snapshotOf(
      {
        booking: locked.booking,
        serviceName: locked.service?.name ?? null,
        staffName: locked.staff?.name ?? null,
        customer: locked.customer,
        history: [...history, entry],
      },
      now,
    );
    await enqueueEmail(
      tx,
      {
        kind: notice,
        bookingId,
        recipient: settings.notificationEmail,
        payload: { snapshot, request: requestFacts(ended, await listStaff(tx)) },
      },
      now,
    );
  }
  return ok(ended);
}
