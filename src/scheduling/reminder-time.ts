import { MS_PER_MINUTE } from './calendar-date.js';

/** When the reminder for an appointment is due. */
export function reminderDueAt(startsAt: number, leadMinutes: number): number {
  return startsAt - leadMinutes * MS_PER_MINUTE;
}

/**
 * A reminder is worth scheduling only if it would go out after the booking is made: a booking made an hour
 * ahead has just had its confirmation, and a "reminder" a second later would be noise.
 */
export function needsReminder(startsAt: number, leadMinutes: number, now: number): boolean {
  return leadMinutes > 0 && reminderDueAt(startsAt, leadMinutes) > now;
}
