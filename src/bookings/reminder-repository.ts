import type { Kysely } from 'kysely';
import { type DialectName, skipLockedForClaim } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

/**
 * One reminder per booking and scheduled time. A second insert for the same time leaves a pending or sent one
 * alone, but revives one dropped when the booking moved away and has now moved back (A → B → A).
 */
export async function scheduleReminder(
  db: Kysely<Database>,
  bookingId: string,
  startsAt: number,
  now: number,
) {
  await db
    .insertInto('booking_reminders')
    .values({
      booking_id: bookingId,
      starts_at: startsAt,
      status: 'pending',
      created_at: now,
      handled_at: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['booking_id', 'starts_at'])
        .doUpdateSet({ status: 'pending', handled_at: null })
        .where('booking_reminders.status', '=', 'dropped'),
    )
    .execute();
}

/** The booking moved, was cancelled or completed: its pending reminder is no longer wanted. */
export async function dropPendingReminders(db: Kysely<Database>, bookingId: string, now: number) {
  await db
    .updateTable('booking_reminders')
    .set({ status: 'dropped', handled_at: now })
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'pending')
    .execute();
}

export interface DueReminder {
  bookingId: string;
  startsAt: number;
}

/** Pending reminders whose time has come (`startsAt` at or before `dueBy`), locked for this worker. */
export async function claimDueReminders(
  db: Kysely<Database>,
  dialect: DialectName,
  dueBy: number,
  limit: number,
): Promise<DueReminder[]> {
  const rows = await skipLockedForClaim(
    db
      .selectFrom('booking_reminders')
      .select(['booking_id', 'starts_at'])
      .where('status', '=', 'pending')
      .where('starts_at', '<=', dueBy)
      .orderBy('starts_at')
      .limit(limit),
    dialect,
  ).execute();
  return rows.map((row) => ({ bookingId: row.booking_id, startsAt: row.starts_at }));
}

export async function markReminderHandled(
  db: Kysely<Database>,
  reminder: DueReminder,
  status: 'queued' | 'dropped',
  now: number,
) {
  await db
    .updateTable('booking_reminders')
    .set({ status, handled_at: now })
    .where('booking_id', '=', reminder.bookingId)
    .where('starts_at', '=', reminder.startsAt)
    .execute();
}

/**
 * Reminders for appointment times that have passed and that the worker has handled (queued or dropped): no
 * longer needed to keep a reminder from going twice, since a time in the past never gets a reminder again
 * (`needsReminder`). Pending ones stay for the worker to settle. Answers how many went.
 */
export async function deleteHandledRemindersBefore(
  db: Kysely<Database>,
  startedBy: number,
  batch?: number,
): Promise<number> {
  const handled = db
    .selectFrom('booking_reminders')
    .select(['booking_id', 'starts_at'])
    .where('status', 'in', ['queued', 'dropped'])
    .where('starts_at', '<=', startedBy);
  const result = await db
    .deleteFrom('booking_reminders')
    .where(({ eb, refTuple }) =>
      eb(
        refTuple('booking_id', 'starts_at'),
        'in',
        (batch === undefined ? handled : handled.limit(batch)).$asTuple('booking_id', 'starts_at'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
