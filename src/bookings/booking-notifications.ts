import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { snapshotOf } from '../email/booking-snapshot.js';
import type { EmailKind } from '../email/email-kind.js';
import { enqueueEmail, type ReportedChange } from '../email/outbox-repository.js';
import { needsReminder } from '../scheduling/reminder-time.js';
import type { HistoryEntry } from './booking.js';
import { revokeBookingLinks } from './booking-link-repository.js';
import type { ChangeContext } from './change-context.js';
import type { ChangeDecision } from './decide-change.js';
import { dropPendingReminders, scheduleReminder } from './reminder-repository.js';
import { requestFacts } from './reschedule-request-facts.js';

const CUSTOMER_EMAIL: Partial<Record<HistoryEntry['type'], EmailKind>> = {
  created: 'booking_confirmation',
  rescheduled: 'booking_rescheduled',
  cancelled: 'booking_cancelled',
};

/**
 * What a booking change sets in motion, written in the change's own transaction from the change's own
 * context: the customer's email, the business's notification when the customer made the change, the
 * reminder that follows the booking's time, and (on cancellation) the end of its booking links.
 */
export async function enqueueChangeNotifications(
  tx: Kysely<Database>,
  context: ChangeContext,
  decision: ChangeDecision,
): Promise<void> {
  const { after, entry } = decision;
  const { now, settings, customer } = context;
  if (entry.type !== 'created') await dropPendingReminders(tx, after.id, now);
  if (entry.type === 'cancelled') await revokeBookingLinks(tx, after.id, now);
  if (
    (entry.type === 'created' || entry.type === 'rescheduled') &&
    needsReminder(after.startsAt, settings.reminderLeadMinutes, now)
  ) {
    await scheduleReminder(tx, after.id, after.startsAt, now);
  }
  const kind = CUSTOMER_EMAIL[entry.type];
  if (
    kind === undefined ||
    !customer ||
    (entry.type !== 'created' && entry.type !== 'rescheduled' && entry.type !== 'cancelled')
  ) {
    return;
  }
  const staff = context.staff.find((member) => member.id === after.staffId);
  const snapshot = snapshotOf(
    {
      booking: after,
      serviceName: context.service?.name ?? null,
      staffName: staff?.name ?? null,
      customer,
      history: [...context.history, entry],
    },
    now,
  );
  const change: ReportedChange = {
    type: entry.type,
    previousStartsAt: decision.before?.startsAt ?? null,
    actor: entry.actor,
    channel: entry.channel,
    reason: entry.reason,
  };
  const payload = { change, snapshot };
  await enqueueEmail(tx, { kind, bookingId: after.id, recipient: customer.email, payload }, now);
  if (entry.actor === 'customer' && settings.notificationEmail !== null) {
    // A move that answers the office's request is told as that: the office's request was accepted.
    const accepted = decision.request?.status === 'accepted' ? context.pendingRequest : null;
    // The office is told what the customer's new time runs into (working-hours mode lets them take it).
    const conflicts = decision.conflicts.map(({ kind, startsAt, endsAt }) => ({ kind, startsAt, endsAt }));
    const told = { ...payload, change: conflicts.length > 0 ? { ...change, conflicts } : change };
    const notice = accepted
      ? {
          kind: 'reschedule_request_accepted' as const,
          payload: { ...told, request: requestFacts({ ...accepted, status: 'accepted' }, context.staff) },
        }
      : { kind: 'business_notification' as const, payload: told };
    await enqueueEmail(
      tx,
      {
        kind: notice.kind,
        bookingId: after.id,
        recipient: settings.notificationEmail,
        payload: notice.payload,
      },
      now,
    );
  }
}
