import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { lockStaffCalendar, type Store } from '../db/dialect.js';
import { fail, type Result } from '../domain-error.js';
import { occupiedInterval } from '../scheduling/interval.js';
import { loadBookableService } from './bookable-service.js';
import type { Booking, ChangeOrigin } from './booking.js';
import { afterBookingCreated } from './booking-notifications.js';
import { findConflicts, insertBooking, insertHistory } from './booking-repository.js';
import { type IdempotentRequest, slotTaken, writeBookingChange } from './booking-write.js';

export interface NewBooking {
  customerId: string;
  serviceId: string;
  staffId: string;
  startsAt: number;
  notes: string | null;
  /** Admin override: place it even though it overlaps other bookings or blocked time. */
  allowConflict: boolean;
}

/** An admin (or API client) books a customer in: any time, but never on top of other work unless overridden. */
export async function createBooking(
  context: { store: Store; clock: Clock },
  input: NewBooking,
  origin: ChangeOrigin,
  idempotency?: IdempotentRequest,
): Promise<Result<Booking>> {
  const { store, clock } = context;
  const customer = await store.db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  if (!customer) return fail('validation_failed', 'no customer has this id', 'customerId');
  const bookable = await loadBookableService(store.db, input.serviceId, input.staffId);
  if (!bookable.ok) return bookable;
  const { service } = bookable.value;

  const now = clock.now();
  const booking: Booking = {
    id: randomUUID(),
    customerId: input.customerId,
    serviceId: input.serviceId,
    staffId: input.staffId,
    startsAt: input.startsAt,
    endsAt: input.startsAt + service.durationMinutes * 60_000,
    status: 'confirmed',
    notes: input.notes,
    rescheduleCount: 0,
    version: 1,
    allowsOverlap: input.allowConflict,
    createdAt: now,
    updatedAt: now,
  };
  const occupied = occupiedInterval(
    booking.startsAt,
    booking.endsAt,
    service.bufferBeforeMinutes,
    service.bufferAfterMinutes,
  );

  return writeBookingChange(store, idempotency, now, async (tx) => {
    await lockStaffCalendar(tx, store.dialect, booking.staffId);
    if (!input.allowConflict) {
      const conflicts = await findConflicts(tx, booking.staffId, occupied, null, 1);
      if (conflicts.length > 0) return slotTaken();
    }
    await insertBooking(tx, booking, occupied);
    await insertHistory(tx, booking, {
      type: 'created',
      ...origin,
      at: now,
      fromStartsAt: null,
      toStartsAt: booking.startsAt,
      reason: null,
    });
    await afterBookingCreated(tx, booking, origin, now);
    return { ok: true, value: booking };
  });
}
