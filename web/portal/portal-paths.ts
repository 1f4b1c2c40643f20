import { calendarDateOf } from '../../src/shared/business-time';
import type { PortalBooking } from '../shared/api-types';

export const MY_BOOKINGS_PATH = '/portal';
export const SIGN_IN_PATH = '/portal/sign-in';
export const SCHEDULE_PATH = '/portal/book';

export const bookingPath = (id: string) => `/portal/bookings/${encodeURIComponent(id)}`;

/** The new-booking flow opens its calendar near the booking the customer came from. */
export function scheduleAppointmentPath(from?: Pick<PortalBooking, 'startsAt' | 'timezone'>): string {
  return from ? `${SCHEDULE_PATH}?near=${calendarDateOf(from.startsAt, from.timezone)}` : SCHEDULE_PATH;
}
