import { ok, type Result } from '../domain-error.js';
import type { ChangeOutcome, ChangeRequest, Requester } from './booking-change.js';
import { enqueueChangeNotifications } from './booking-notifications.js';
import { insertBooking, insertHistory, updateBooking, updateBookingStatus } from './booking-repository.js';
import { type ChangeEnv, type IdempotentRequest, writeBookingChange } from './booking-write.js';
import { bookingChanged, type ChangeContext, loadChangeContext } from './change-context.js';
import { type ChangeDecision, decideChange } from './decide-change.js';
import { resolveRescheduleRequest } from './reschedule-request-repository.js';

/**
 * The one way a booking changes, whoever asks and whatever the change (see
 * docs/decisions/0011-booking-change-pipeline.md): in one write transaction, lock, load the change's context
 * once, decide with a pure function, write, queue the notifications from the same context, and answer from
 * the write itself. The database's double-booking constraint stays the last guard.
 */
export async function runBookingChange(
  env: ChangeEnv,
  request: ChangeRequest,
  by: Requester,
  idempotency?: IdempotentRequest,
): Promise<Result<ChangeOutcome>> {
  const { store, clock } = env;
  return writeBookingChange(env, idempotency, async (tx) => {
    const context = await loadChangeContext(tx, { dialect: store.dialect, clock }, request, by);
    if (!context.ok) return context;
    const decided = decideChange(context.value, request, by);
    if (!decided.ok) return decided;
    const decision = decided.value;
    if (!(await persist(tx, decision))) return bookingChanged();
    const position = context.value.history.length;
    if (decision.request) {
      // The request ends with the change, in its transaction (the booking's lock keeps it pending until now).
      const { id, status, entry } = decision.request;
      await resolveRescheduleRequest(tx, id, {
        status,
        at: decision.entry.at,
        by: { actor: decision.entry.actor, channel: decision.entry.channel },
        accepted:
          status === 'accepted'
            ? { startsAt: decision.after.startsAt, staffId: decision.after.staffId }
            : null,
      });
      if (entry) await insertHistory(tx, decision.after, entry, position);
    }
    await insertHistory(tx, decision.after, decision.entry, position + 1);
    await enqueueChangeNotifications(tx, context.value, decision);
    return ok(outcomeOf(context.value, decision));
  });
}

type Tx = Parameters<Parameters<typeof writeBookingChange>[2]>[0];

/** false: the booking changed under us (only possible without a row lock, kept as a guard). */
async function persist(tx: Tx, { before, after, occupied }: ChangeDecision): Promise<boolean> {
  if (before === null) {
    if (occupied === null) throw new Error('a new booking occupies its time');
    await insertBooking(tx, after, occupied);
    return true;
  }
  return occupied === null
    ? updateBookingStatus(tx, after, before.version)
    : updateBooking(tx, after, occupied, before.version);
}

function outcomeOf(context: ChangeContext, decision: ChangeDecision): ChangeOutcome {
  const staff = context.staff.find((member) => member.id === decision.after.staffId);
  return {
    booking: decision.after,
    history: [
      ...context.history,
      ...(decision.request?.entry ? [decision.request.entry] : []),
      decision.entry,
    ],
    conflicts: decision.conflicts,
    rescheduleRequest: null,
    serviceName: context.service?.name ?? null,
    staffName: staff?.name ?? null,
    customer: context.customer ?? { name: '', email: '', timezone: null, language: null },
    settings: context.settings,
    now: context.now,
  };
}
