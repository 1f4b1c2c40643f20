import type { Kysely } from 'kysely';
import { endOfLocalDay, isCalendarDate, startOfLocalDay } from '../business-calendar.js';
import type { Database } from '../db/schema.js';
import { readSettings } from '../settings/settings-repository.js';
import type { Booking, BookingStatus } from './booking.js';
import { listBookings } from './booking-repository.js';

export interface BookingListQuery {
  /** An instant, or a calendar date in the business time zone (the whole day counts). */
  from?: number | string;
  to?: number | string;
  status?: BookingStatus;
  staffId?: string;
  customerId?: string;
  limit: number;
}

export async function listBookingsFor(db: Kysely<Database>, query: BookingListQuery): Promise<Booking[]> {
  const needsZone = [query.from, query.to].some((bound) => bound !== undefined && isCalendarDate(bound));
  const timeZone = needsZone ? (await readSettings(db)).timezone : 'UTC';
  const { from, to, ...rest } = query;
  return listBookings(db, {
    ...rest,
    ...(from !== undefined && { from: isCalendarDate(from) ? startOfLocalDay(from, timeZone) : from }),
    ...(to !== undefined && { to: isCalendarDate(to) ? endOfLocalDay(to, timeZone) : to }),
  });
}
