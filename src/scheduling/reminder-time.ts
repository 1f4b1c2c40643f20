import { type BookingState, isActive } from './booking-rules.js';
import { MS_PER_MINUTE } from './calendar-date.js';

/** When the reminder for an appointment is due. */
export function reminderDueAt(startsAt: number, leadMinutes: number): number {
  return startsAt - leadMinutes * MS_PER_MINUTE;
}

/** Reminders of appointments starting at or before this instant are due at `now`. */
export function remindersDueFor(now: number, leadMinutes: number): number {
  return now + leadMinutes * MS_PER_MINUTE;
}

/**
 * A reminder is worth scheduling only if it would go out after the booking is made: a booking made an hour
 * ahead has just had its confirmation, and a "reminder" a second later would be noise.
 */
export function needsReminder(startsAt: number, leadMinutes: number, now: number): boolean {
  return leadMinutes > 0 && reminderDueAt(startsAt, leadMinutes) > now;
}

/**
 * A due reminder is for one scheduled time: it still goes out (even late, after the app was down) while the
 * booking is active and still at that time; otherwise it is dropped.
 */
export function reminderStillWanted(
  reminder: { startsAt: number },
  booking: Pick<BookingState, 'status' | 'startsAt'> | undefined,
  now: number,
): boolean {
  return booking !== undefined && isActive(booking, now) && booking.startsAt === reminder.startsAt;
}
