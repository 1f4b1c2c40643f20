import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Service } from '../catalog/services.js';
import { type DialectName, lockStaffCalendar } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { fail, ok, type Result } from '../domain-error.js';
import { checkBookableInstant } from '../scheduling/bookable-range.js';
import { occupiedInterval } from '../scheduling/interval.js';
import { loadBookableService } from './bookable-service.js';
import type { Booking, ChangeOrigin } from './booking.js';
import { afterBookingCreated } from './booking-notifications.js';
import { findConflicts, insertBooking, insertHistory } from './booking-repository.js';
import {
  type ChangeContext,
  type IdempotentRequest,
  slotTaken,
  writeBookingChange,
} from './booking-write.js';

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
  context: ChangeContext,
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
  const booking = newBooking(input, service, now);
  return writeBookingChange(context, idempotency, now, (tx) =>
    placeBooking(tx, store.dialect, booking, service, origin, { checkConflicts: !input.allowConflict }, now),
  );
}

export function newBooking(
  input: Pick<NewBooking, 'customerId' | 'serviceId' | 'staffId' | 'startsAt' | 'notes' | 'allowConflict'>,
  service: Pick<Service, 'durationMinutes'>,
  now: number,
): Booking {
  return {
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
}

/** The write every new booking shares, whoever asked: the conflict check, the row, its history, its emails. */
export async function placeBooking(
  tx: Kysely<Database>,
  dialect: DialectName,
  booking: Booking,
  service: Pick<Service, 'bufferBeforeMinutes' | 'bufferAfterMinutes'>,
  origin: ChangeOrigin,
  options: { checkConflicts: boolean },
  now: number,
): Promise<Result<Booking>> {
  const range = checkBookableInstant(booking.startsAt, now);
  if (!range.ok) return fail('validation_failed', range.message, 'startsAt');
  const occupied = occupiedInterval(
    booking.startsAt,
    booking.endsAt,
    service.bufferBeforeMinutes,
    service.bufferAfterMinutes,
  );
  await lockStaffCalendar(tx, dialect, booking.staffId);
  if (options.checkConflicts) {
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
  return ok(booking);
}
