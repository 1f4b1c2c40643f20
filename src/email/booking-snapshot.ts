import { type ChangeRecord, customerRescheduleCount } from '../scheduling/booking-rules.js';

/**
 * What a booking email says about its booking, as it was when the email was queued: written into the outbox
 * row in the same transaction as the change, so two quick moves A → B → C send "A to B" and then "B to C",
 * each with its own invite SEQUENCE, however late the sender runs. Only the booking link is made at send time.
 */
export interface BookingSnapshot {
  booking: {
    id: string;
    status: 'confirmed' | 'cancelled' | 'completed';
    startsAt: number;
    endsAt: number;
    notes: string | null;
    /** The booking's version after the change; the invite's SEQUENCE is one less (0 for the first). */
    version: number;
  };
  service: { name: string; durationMinutes: number };
  staff: { name: string };
  customer: { name: string; email: string; timeZone: string | null };
  /** The customer's own reschedules so far, for whether the email may offer another. */
  customerReschedules: number;
  /** When the change was made (epoch ms); for a reminder, when it fell due. */
  at: number;
}

/** What a snapshot is made from: a booking with its names and history (BookingFacts has it all). */
export interface SnapshotSource {
  booking: BookingSnapshot['booking'];
  serviceName: string | null;
  staffName: string | null;
  customer: { name: string; email: string; timezone: string | null };
  history: readonly ChangeRecord[];
}

export function snapshotOf(source: SnapshotSource, at: number): BookingSnapshot {
  const { booking } = source;
  return {
    booking: {
      id: booking.id,
      status: booking.status,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      notes: booking.notes,
      version: booking.version,
    },
    service: {
      name: source.serviceName ?? 'Appointment',
      durationMinutes: Math.round((booking.endsAt - booking.startsAt) / 60_000),
    },
    staff: { name: source.staffName ?? '' },
    customer: {
      name: source.customer.name,
      email: source.customer.email,
      timeZone: source.customer.timezone,
    },
    customerReschedules: customerRescheduleCount(source.history),
    at,
  };
}
