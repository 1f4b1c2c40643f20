import { findBooking } from '../bookings/booking-repository.js';
import { claimDueReminders, markReminderHandled } from '../bookings/reminder-repository.js';
import type { Clock } from '../clock.js';
import { type Store, writeTransaction } from '../db/dialect.js';
import { enqueueEmail } from '../email/outbox-repository.js';
import { MS_PER_MINUTE } from '../scheduling/calendar-date.js';
import { readSettings } from '../settings/settings-repository.js';

/**
 * Turns due reminders into outbox emails. A reminder is for one scheduled time: if the booking has since moved,
 * been cancelled or started, it is dropped. One that fell due while the app was down still goes out, as long
 * as the appointment has not started.
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
      now + settings.reminderLeadMinutes * MS_PER_MINUTE,
      limit,
    );
    let queued = 0;
    for (const reminder of due) {
      const booking = await findBooking(tx, reminder.bookingId);
      const stillDue =
        booking?.status === 'confirmed' && booking.startsAt === reminder.startsAt && now < booking.startsAt;
      if (!booking || !stillDue) {
        await markReminderHandled(tx, reminder, 'dropped', now);
        continue;
      }
      const customer = await tx
        .selectFrom('customers')
        .select('email')
        .where('id', '=', booking.customerId)
        .executeTakeFirstOrThrow();
      await enqueueEmail(
        tx,
        { kind: 'booking_reminder', bookingId: booking.id, recipient: customer.email, payload: {} },
        now,
      );
      await markReminderHandled(tx, reminder, 'queued', now);
      queued++;
    }
    return queued;
  });
}
