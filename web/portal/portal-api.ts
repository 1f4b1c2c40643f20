import { api } from '../shared/api';
import type { BookingSummary, Customer, OfferedService, PortalBooking, SlotAnswer } from './portal-types';

const PORTAL = '/portal';
const id = (bookingId: string) => encodeURIComponent(bookingId);

export async function fetchMe(): Promise<Customer> {
  return (await api<Customer>('GET', `${PORTAL}/me`)).data;
}

export async function fetchMyBookings(): Promise<BookingSummary[]> {
  return (await api<BookingSummary[]>('GET', `${PORTAL}/bookings`)).data;
}

export async function fetchBooking(bookingId: string): Promise<PortalBooking> {
  return (await api<PortalBooking>('GET', `${PORTAL}/bookings/${id(bookingId)}`)).data;
}

export async function fetchRescheduleSlots(bookingId: string, from: string, to: string): Promise<SlotAnswer> {
  const query = new URLSearchParams({ from, to });
  return (await api<SlotAnswer>('GET', `${PORTAL}/bookings/${id(bookingId)}/slots?${query}`)).data;
}

/**
 * If-Match makes a change made elsewhere meanwhile (by the office, another tab) a 409 instead of a silent
 * overwrite; the Idempotency-Key makes a double tap or a retry after a lost answer move the booking once.
 */
export async function rescheduleBooking(
  booking: Pick<PortalBooking, 'id' | 'version'>,
  body: { startsAt: string; reason?: string },
  idempotencyKey: string,
): Promise<PortalBooking> {
  return (
    await api<PortalBooking>('POST', `${PORTAL}/bookings/${id(booking.id)}/reschedule`, body, {
      'if-match': `"${booking.version}"`,
      'idempotency-key': idempotencyKey,
    })
  ).data;
}

export async function cancelBooking(
  booking: Pick<PortalBooking, 'id' | 'version'>,
  body: { reason?: string },
): Promise<PortalBooking> {
  return (
    await api<PortalBooking>('POST', `${PORTAL}/bookings/${id(booking.id)}/cancel`, body, {
      'if-match': `"${booking.version}"`,
    })
  ).data;
}

export async function requestSignInLink(email: string): Promise<void> {
  await api('POST', `${PORTAL}/sign-in`, { email });
}

export async function signOut(): Promise<void> {
  await api('POST', `${PORTAL}/sign-out`);
}

export async function fetchServices(): Promise<OfferedService[]> {
  return (await api<OfferedService[]>('GET', `${PORTAL}/services`)).data;
}

export async function fetchServiceAvailability(
  serviceId: string,
  from: string,
  to: string,
): Promise<SlotAnswer> {
  const query = new URLSearchParams({ serviceId, from, to });
  return (await api<SlotAnswer>('GET', `${PORTAL}/availability?${query}`)).data;
}

export async function scheduleAppointment(
  body: { serviceId: string; startsAt: string; notes?: string },
  idempotencyKey: string,
): Promise<PortalBooking> {
  return (await api<PortalBooking>('POST', `${PORTAL}/bookings`, body, { 'idempotency-key': idempotencyKey }))
    .data;
}
