import { findBookingFacts } from '../bookings/booking-repository.js';
import { claimDueReminders, markReminderHandled } from '../bookings/reminder-repository.js';
import type { Clock } from '../clock.js';
import { type Store, writeTransaction } from '../db/dialect.js';
import { snapshotOf } from '../email/booking-snapshot.js';
import { enqueueEmail } from '../email/outbox-repository.js';
import { reminderStillWanted, remindersDueFor } from '../scheduling/reminder-time.js';
import { readSettings } from '../settings/settings-repository.js';

/**
 * Turns due reminders into outbox emails that describe the booking as it is now, when they fall due. A
 * reminder is for one scheduled time: if the booking has since moved, been cancelled or started, it is
 * dropped. One that fell due while the app was down still goes out, as long as the appointment has not started.
 */
export async function queueDueReminders(
  context: { store: Store; clock: Clock },
  limit = 100,
): Promise<number> {
  const { store, clock } = context;
  return writeTransaction(store, async (tx) => {
    const now = clock.now();
    const settings = await readSettings(tx);
    const due = await claimDueReminders(
      tx,
      store.dialect,
      remindersDueFor(now, settings.reminderLeadMinutes),
      limit,
    );
    let queued = 0;
    for (const reminder of due) {
      const facts = await findBookingFacts(tx, reminder.bookingId);
      if (!facts || !reminderStillWanted(reminder, facts.booking, now)) {
        await markReminderHandled(tx, reminder, 'dropped', now);
        continue;
      }
      const email = {
        kind: 'booking_reminder' as const,
        bookingId: facts.booking.id,
        recipient: facts.customer.email,
        payload: { snapshot: snapshotOf(facts, now) },
      };
      await enqueueEmail(tx, email, now);
      await markReminderHandled(tx, reminder, 'queued', now);
      queued++;
    }
    return queued;
  });
}
