/**
 * What a booking's state allows, decided in one place for the office, the portal, the emails and the worker.
 * Cancelled and completed are final; a confirmed booking that has started is the office's to handle.
 */
export type BookingStatus = 'confirmed' | 'cancelled' | 'completed';

export interface BookingState {
  status: BookingStatus;
  /** Epoch ms. */
  startsAt: number;
  endsAt: number;
}

/** The office may still move, cancel or complete it (even once it has started). */
export function isOpen(booking: Pick<BookingState, 'status'>): boolean {
  return booking.status === 'confirmed';
}

/** Open and not yet started: what a customer may still change, and what a reminder is still for. */
export function isActive(booking: Pick<BookingState, 'status' | 'startsAt'>, now: number): boolean {
  return isOpen(booking) && now < booking.startsAt;
}

/**
 * Until when a booking link (and the booking-scoped session it opens) works: until the appointment ends,
 * unless the booking is cancelled. null: not at all.
 */
export function bookingLinkAliveUntil(booking: Pick<BookingState, 'status' | 'endsAt'>): number | null {
  return booking.status === 'cancelled' ? null : booking.endsAt;
}

export function isBookingLinkAlive(booking: Pick<BookingState, 'status' | 'endsAt'>, now: number): boolean {
  const until = bookingLinkAliveUntil(booking);
  return until !== null && now < until;
}

/** A history entry, as far as the reschedule limit cares. */
export interface ChangeRecord {
  type: string;
  actor: 'admin' | 'customer' | 'system';
  /** Set on a move that answered the office's reschedule request. */
  requestId?: string | null | undefined;
}

/**
 * Reschedules the customer made themselves: what a per-booking limit counts. The office's moves do not count,
 * nor a move the office asked for (one that answered a reschedule request).
 */
export function customerRescheduleCount(history: readonly ChangeRecord[]): number {
  let count = 0;
  for (const entry of history) {
    if (entry.type === 'rescheduled' && entry.actor === 'customer' && !entry.requestId) count++;
  }
  return count;
}

/** A service a customer can book: active, and performed by somebody. */
export function isServiceOffered(
  service: { id: string; active: boolean },
  staff: ReadonlyArray<{ serviceIds: readonly string[] }>,
): boolean {
  return service.active && staff.some((member) => performs(member, service.id));
}

export function performs(staff: { serviceIds: readonly string[] }, serviceId: string): boolean {
  return staff.serviceIds.includes(serviceId);
}

/** The short reference a customer quotes on the phone: the id's first eight characters, upper case. */
export function bookingReference(bookingId: string): string {
  return bookingId.slice(0, 8).toUpperCase();
}
