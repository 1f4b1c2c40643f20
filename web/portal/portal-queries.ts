import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { PortalBooking } from '../shared/api-types';
import type { SlotSource } from '../shared/slot-source';
import {
  fetchBooking,
  fetchMe,
  fetchMyBookings,
  fetchRescheduleSlots,
  fetchServiceAvailability,
  fetchServices,
} from './portal-api';

/** What the portal pages read, as TanStack Query options; every key starts with the resource it shows. */

export const meQuery = queryOptions({ queryKey: ['me'], queryFn: fetchMe, retry: false });

export const myBookingsQuery = queryOptions({ queryKey: ['bookings', 'mine'], queryFn: fetchMyBookings });

export const bookingQuery = (bookingId: string) =>
  queryOptions({ queryKey: ['bookings', 'one', bookingId], queryFn: () => fetchBooking(bookingId) });

/** The booking as it is now (after a refused change): the page shows it too; null if it cannot be read. */
export async function reloadBooking(client: QueryClient, bookingId: string): Promise<PortalBooking | null> {
  try {
    return await client.fetchQuery({ ...bookingQuery(bookingId), staleTime: 0 });
  } catch {
    return null;
  }
}

export const offeredServicesQuery = queryOptions({ queryKey: ['services'], queryFn: fetchServices });

export const rescheduleSlots = (bookingId: string): SlotSource => ({
  key: ['slots', 'reschedule', bookingId],
  load: (from, to) => fetchRescheduleSlots(bookingId, from, to),
});

/** The booking's times with one of the staff members the customer may choose. */
export const rescheduleSlotsWith = (bookingId: string, staffId: string): SlotSource => ({
  key: ['slots', 'reschedule', bookingId, staffId],
  load: async (from, to) => {
    const answer = await fetchRescheduleSlots(bookingId, from, to);
    return { ...answer, slots: answer.slots.filter((slot) => !slot.staffId || slot.staffId === staffId) };
  },
});

export const serviceSlots = (serviceId: string): SlotSource => ({
  key: ['slots', 'service', serviceId],
  load: (from, to) => fetchServiceAvailability(serviceId, from, to),
});
