import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Customer, findCustomer } from '../catalog/customer-repository.js';
import { findService, type Service } from '../catalog/service-repository.js';
import {
  findServiceIdsOf,
  findStaffMember,
  listStaff,
  type StaffMember,
  toStaffMember,
} from '../catalog/staff-repository.js';
import type { Clock } from '../clock.js';
import { type DialectName, lockStaffCalendar } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { performs } from '../scheduling/booking-rules.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';
import type { Booking, BusyTime, HistoryEntry } from './booking.js';
import type { ChangeRequest, Requester } from './booking-change.js';
import { findBusyTimes, listHistory, lockBookingWithParties } from './booking-repository.js';
import { findPendingRequest, type RescheduleRequest } from './reschedule-request-repository.js';

const DAY = 86_400_000;

/** Everything a change is decided on, read once, inside the change's transaction and after its locks. */
export interface ChangeContext {
  /** Read after the locks, so concurrent changes of one calendar are dated in the order they were made. */
  now: number;
  settings: BusinessSettings;
  /** null for a new booking. */
  booking: Booking | null;
  /** The id a new booking gets. */
  newBookingId: string;
  service: Service | undefined;
  /**
   * The booking's (or requested) staff member; for a customer's new booking, everyone who performs the
   * service; for a customer's move to another staff member, the booking's own and then that one.
   */
  staff: StaffMember[];
  /** The booking's pending reschedule request (read after the booking's lock), or null. */
  pendingRequest: RescheduleRequest | null;
  customer: Customer | undefined;
  history: HistoryEntry[];
  /** What keeps each of `staff` busy around the requested time, the booking itself left out. */
  busy: Map<string, BusyTime[]>;
}

export const bookingChanged = <T>() =>
  fail<T>('booking_changed', 'this booking was changed meanwhile: reload it and try again', 'If-Match');

/**
 * Locks and loads. A booking being changed is locked first (concurrent changes of it queue up) and its
 * settings, service, staff, customer and history are read; then the calendars of the staff whose availability
 * is checked are locked, and only then are the clock and the busy times read.
 */
export async function loadChangeContext(
  tx: Kysely<Database>,
  env: { dialect: DialectName; clock: Clock },
  request: ChangeRequest,
  by: Requester,
): Promise<Result<ChangeContext>> {
  // What is not the calendar is read before the calendar lock, so writers of one calendar queue for as
  // little time as possible; a booking being changed is already locked by then.
  const parties =
    request.kind === 'create'
      ? await newBookingParties(tx, request)
      : await lockedParties(tx, env.dialect, request, by);
  if (!parties.ok) return parties;
  const { booking, service, customer, staff } = parties.value;
  const [settings, history, pendingRequest] = await Promise.all([
    readSettings(tx),
    booking ? listHistory(tx, booking.id) : [],
    booking ? findPendingRequest(tx, booking.id) : null,
  ]);
  const checksTime = request.kind === 'create' || request.kind === 'reschedule';
  if (checksTime) {
    for (const member of [...staff].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      await lockStaffCalendar(tx, env.dialect, member.id);
    }
  }
  const now = env.clock.now();
  const busy = checksTime
    ? await findBusyTimes(
        tx,
        staff.map((member) => member.id),
        { start: request.startsAt - DAY, end: request.startsAt + 2 * DAY },
        booking?.id ?? null,
      )
    : new Map<string, BusyTime[]>();
  return ok({
    now,
    settings,
    booking,
    newBookingId: randomUUID(),
    service,
    staff,
    customer,
    history,
    busy,
    pendingRequest,
  });
}

interface Parties {
  booking: Booking | null;
  service: Service | undefined;
  customer: Customer | undefined;
  staff: StaffMember[];
}

/**
 * The booking, locked, with its customer, service and staff member in the same read; someone else's booking
 * is simply not found (the portal never confirms that an id exists).
 */
async function lockedParties(
  tx: Kysely<Database>,
  dialect: DialectName,
  request: Exclude<ChangeRequest, { kind: 'create' }>,
  by: Requester,
): Promise<Result<Parties>> {
  const locked = await lockBookingWithParties(tx, dialect, request.bookingId);
  if (!locked) return notFound('booking');
  const { booking } = locked;
  // Ownership first: a stale If-Match on someone else's booking must not reveal that it exists.
  if (by.kind === 'customer' && booking.customerId !== by.identity.customerId) return notFound('booking');
  if (request.expectedVersion !== undefined && request.expectedVersion !== booking.version) {
    return bookingChanged();
  }
  // Whether the staff member still performs the service matters only to a customer's move.
  const customerMove = by.kind === 'customer' && request.kind === 'reschedule';
  const serviceIds = locked.staff && customerMove ? await findServiceIdsOf(tx, booking.staffId) : [];
  const own = locked.staff ? [toStaffMember(locked.staff, serviceIds)] : [];
  // A move to another staff member: that one's calendar is checked too (decideChange says whether it may).
  const otherId = customerMove && request.staffId ? request.staffId : null;
  const other =
    otherId !== null && otherId !== booking.staffId ? await findStaffMember(tx, otherId) : undefined;
  if (otherId !== null && otherId !== booking.staffId && !other) {
    return fail('staff_not_available', 'no staff member has this id', 'staffId');
  }
  return ok({
    booking,
    service: locked.service ?? undefined,
    customer: locked.customer ?? undefined,
    staff: other ? [...own, other] : own,
  });
}

/** For a new booking: the service, the customer, and the requested staff member or everyone who performs it. */
async function newBookingParties(
  tx: Kysely<Database>,
  request: Extract<ChangeRequest, { kind: 'create' }>,
): Promise<Result<Parties>> {
  const [service, customer, staff] = await Promise.all([
    findService(tx, request.serviceId),
    findCustomer(tx, request.customerId),
    request.staffId === null
      ? listStaff(tx).then((all) => all.filter((member) => performs(member, request.serviceId)))
      : findStaffMember(tx, request.staffId).then((member) => (member ? [member] : [])),
  ]);
  return ok({ booking: null, service, customer, staff });
}
