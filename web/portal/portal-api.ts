import { createApiClient, dataOf } from '../shared/api-client';
import type { PortalBooking } from '../shared/api-types';

/** The Customer Portal API, typed by the server's OpenAPI document. */
const portalApi = createApiClient();

const bookingPath = (bookingId: string) => ({ params: { path: { id: bookingId } } });

export const fetchMe = () => dataOf(portalApi.GET('/api/v1/portal/me'));

export const fetchMyBookings = () => dataOf(portalApi.GET('/api/v1/portal/bookings'));

export const fetchBooking = (bookingId: string) =>
  dataOf(portalApi.GET('/api/v1/portal/bookings/{id}', bookingPath(bookingId)));

export const fetchRescheduleSlots = (bookingId: string, from: string, to: string) =>
  dataOf(
    portalApi.GET('/api/v1/portal/bookings/{id}/slots', {
      params: { path: { id: bookingId }, query: { from, to } },
    }),
  );

/**
 * If-Match makes a change made elsewhere meanwhile (by the office, another tab) a 409 instead of a silent
 * overwrite; the Idempotency-Key makes a double tap or a retry after a lost answer move the booking once.
 */
export const rescheduleBooking = (
  booking: Pick<PortalBooking, 'id' | 'version'>,
  body: { startsAt: string; reason?: string; staffId?: string },
  idempotencyKey: string,
) =>
  dataOf(
    portalApi.POST('/api/v1/portal/bookings/{id}/reschedule', {
      params: {
        path: { id: booking.id },
        header: { 'if-match': `"${booking.version}"`, 'idempotency-key': idempotencyKey },
      },
      body,
    }),
  );

/** "None of these work": declines the office's request to reschedule, with an optional note. */
export const declineRescheduleRequest = (bookingId: string, body: { message?: string }) =>
  dataOf(
    portalApi.POST('/api/v1/portal/bookings/{id}/reschedule-request/decline', {
      ...bookingPath(bookingId),
      body,
    }),
  );

export const cancelBooking = (booking: Pick<PortalBooking, 'id' | 'version'>, body: { reason?: string }) =>
  dataOf(
    portalApi.POST('/api/v1/portal/bookings/{id}/cancel', {
      params: { path: { id: booking.id }, header: { 'if-match': `"${booking.version}"` } },
      body,
    }),
  );

export async function requestSignInLink(email: string): Promise<void> {
  await dataOf(portalApi.POST('/api/v1/portal/sign-in', { body: { email } }));
}

export async function signOut(): Promise<void> {
  await dataOf(portalApi.POST('/api/v1/portal/sign-out'));
}

export const fetchServices = () => dataOf(portalApi.GET('/api/v1/portal/services'));

export const fetchServiceAvailability = (serviceId: string, from: string, to: string) =>
  dataOf(portalApi.GET('/api/v1/portal/availability', { params: { query: { serviceId, from, to } } }));

export const scheduleAppointment = (
  body: { serviceId: string; startsAt: string; notes?: string },
  idempotencyKey: string,
) =>
  dataOf(
    portalApi.POST('/api/v1/portal/bookings', {
      params: { header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );
