import { fail, ok, type Result } from '../domain-error.js';
import { checkSlot, type SlotRefusal } from '../scheduling/availability.js';
import { checkBookableInstant } from '../scheduling/bookable-range.js';
import { customerRescheduleCount } from '../scheduling/booking-rules.js';
import {
  customerMayCancel,
  customerMayMoveTo,
  customerMayReschedule,
  officeMayChange,
  type ChangeDecision as PolicyDecision,
} from '../scheduling/change-policy.js';
import { type Interval, occupiedInterval, overlaps } from '../scheduling/interval.js';
import { isAnswerable } from '../scheduling/reschedule-requests.js';
import { slotRulesFor } from '../scheduling/slot-rules.js';
import type { Booking, BusyTime, Conflict, HistoryEntry } from './booking.js';
import { type ChangeRequest, originOf, type Requester } from './booking-change.js';
import type { ChangeContext } from './change-context.js';
import {
  changeRefusalMessage,
  type OfficeAction,
  officeRefusalMessage,
  SLOT_TAKEN_MESSAGE,
  slotRefusalMessage,
} from './refusal-messages.js';
import { bookableWith, offeredService } from './service-offer.js';
import { allowsStaffChange } from './staff-change.js';

/** A change that may go ahead: the booking before and after, its history entry, what it overlaps. */
export interface ChangeDecision {
  before: Booking | null;
  after: Booking;
  entry: HistoryEntry;
  /** The time the booking keeps its staff member busy (buffers included); null once it has ended. */
  occupied: Interval | null;
  conflicts: Conflict[];
  /**
   * What the change does to the booking's pending reschedule request: a customer's move while it is pending
   * accepts it; any other change withdraws it (with an entry of its own, written before the change's).
   */
  request: RequestResolution | null;
}

export interface RequestResolution {
  id: string;
  status: 'accepted' | 'withdrawn';
  /** For a withdrawal: its own history entry. */
  entry: HistoryEntry | null;
}

const MINUTE = 60_000;
/** At most this many conflicts of each kind are reported, as GET /bookings/:id does. */
const MAX_CONFLICTS = 20;

export const slotTaken = <T>() => fail<T>('slot_unavailable', SLOT_TAKEN_MESSAGE, 'startsAt');

/** Which refusal to report when no staff member can take the time: "taken" says most, "not offered" least. */
const REFUSAL_RANK: SlotRefusal[] = [
  'slot_unavailable',
  'minimum_notice',
  'outside_booking_window',
  'outside_working_hours',
];

/** Decides a change from its context alone: no reads, no writes, no clock. */
export function decideChange(
  context: ChangeContext,
  request: ChangeRequest,
  by: Requester,
): Result<ChangeDecision> {
  if (request.kind === 'create') {
    return by.kind === 'office' ? officeCreates(context, request, by) : customerCreates(context, request, by);
  }
  const booking = context.booking;
  if (booking === null) throw new Error('a change of a booking without its booking');
  if (request.kind === 'reschedule') {
    return by.kind === 'office'
      ? officeMoves(context, booking, request, by)
      : customerMoves(context, booking, request, by);
  }
  const allowed =
    by.kind === 'customer' && request.kind === 'cancel'
      ? customerMayCancel(
          { ...booking, customerReschedules: 0 },
          context.settings.customerPortal,
          context.now,
        )
      : officeMayChange(booking);
  const refused = refusal(allowed, context, booking, by, request.kind);
  if (refused) return refused;
  const to = request.kind === 'cancel' ? 'cancelled' : 'completed';
  const after: Booking = { ...booking, status: to, version: booking.version + 1, updatedAt: context.now };
  return ok({
    before: booking,
    after,
    entry: entryFor(context, by, to, booking.startsAt, null, request.reason),
    occupied: null,
    conflicts: [],
    request: withdrawal(context, by, `the booking was ${to}`),
  });
}

type Create = Extract<ChangeRequest, { kind: 'create' }>;
type Move = Extract<ChangeRequest, { kind: 'reschedule' }>;

function officeCreates(context: ChangeContext, request: Create, by: Requester): Result<ChangeDecision> {
  if (!context.customer) return fail('validation_failed', 'no customer has this id', 'customerId');
  const bookable = bookableWith(context.service, context.staff[0]);
  if (!bookable.ok) return bookable;
  const { service, staff } = bookable.value;
  return placed(context, request, by, staff.id, service, request.allowConflict, !request.allowConflict);
}

function customerCreates(
  context: ChangeContext,
  request: Create,
  by: Requester & { kind: 'customer' },
): Result<ChangeDecision> {
  const offered = offeredService(context.service, context.staff);
  if (!offered.ok) return offered;
  const { service, staff } = offered.value;
  const refusals: SlotRefusal[] = [];
  for (const member of staff) {
    const rules = slotRulesFor(
      context.settings,
      { service, staff: member },
      'customer',
      context.now,
      busyOf(context, member.id),
    );
    const check = checkSlot(rules, request.startsAt);
    if (!check.ok) {
      refusals.push(check.code);
      continue;
    }
    // Working-hours-only mode takes the time even if it overlaps: the office resolves such conflicts.
    const overlapAllowed = rules.mode === 'working_hours';
    return placed(context, request, by, member.id, service, overlapAllowed, false);
  }
  const code = REFUSAL_RANK.find((candidate) => refusals.includes(candidate)) ?? 'outside_working_hours';
  return fail(code, slotRefusalMessage(code, context.settings), 'startsAt');
}

function placed(
  context: ChangeContext,
  request: Create,
  by: Requester,
  staffId: string,
  service: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number },
  overlapAllowed: boolean,
  refuseConflicts: boolean,
): Result<ChangeDecision> {
  const range = checkBookableInstant(request.startsAt, context.now);
  if (!range.ok) return fail('validation_failed', range.message, 'startsAt');
  const after: Booking = {
    id: context.newBookingId,
    customerId: request.customerId,
    serviceId: request.serviceId,
    staffId,
    startsAt: request.startsAt,
    endsAt: request.startsAt + service.durationMinutes * MINUTE,
    status: 'confirmed',
    notes: request.notes,
    rescheduleCount: 0,
    version: 1,
    allowsOverlap: overlapAllowed,
    createdAt: context.now,
    updatedAt: context.now,
  };
  const occupied = occupiedInterval(
    after.startsAt,
    after.endsAt,
    service.bufferBeforeMinutes,
    service.bufferAfterMinutes,
  );
  const conflicts = conflictsOf(busyOf(context, staffId), occupied);
  if (refuseConflicts && conflicts.length > 0) return slotTaken();
  return ok({
    before: null,
    after,
    entry: entryFor(context, by, 'created', null, after.startsAt, null),
    occupied,
    conflicts,
    request: null,
  });
}

function officeMoves(
  context: ChangeContext,
  booking: Booking,
  request: Move,
  by: Requester,
): Result<ChangeDecision> {
  const refused = refusal(officeMayChange(booking), context, booking, by, 'move');
  if (refused) return refused;
  return moved(context, booking, request, by, booking.staffId, request.allowConflict, !request.allowConflict);
}

function customerMoves(
  context: ChangeContext,
  booking: Booking,
  request: Move,
  by: Requester,
): Result<ChangeDecision> {
  const { settings, now } = context;
  const customerReschedules = customerRescheduleCount(context.history);
  // A request past its respond-by time no longer lets the customer past the rules (the worker expires it).
  const asked =
    context.pendingRequest && isAnswerable(context.pendingRequest, now) ? context.pendingRequest : null;
  const allowed = customerMayReschedule(
    { ...booking, customerReschedules, officeAsked: asked !== null },
    settings.customerPortal,
    now,
  );
  const refused = refusal(allowed, context, booking, by, 'move');
  if (refused) return refused;
  const staffId = request.staffId ?? booking.staffId;
  const target = context.staff.find((member) => member.id === staffId);
  if (staffId !== booking.staffId || asked !== null) {
    if (
      !target ||
      !customerMayMoveTo(target, booking, { allowStaffChange: allowsStaffChange(settings) }, asked)
    ) {
      return fail('staff_not_available', staffNotAvailableMessage(target?.name), 'staffId');
    }
  }
  const bookable = bookableWith(context.service, target);
  if (!bookable.ok) return bookable;
  // The booking keeps its own length, even if the service's has changed since.
  const service = {
    ...bookable.value.service,
    durationMinutes: (booking.endsAt - booking.startsAt) / MINUTE,
  };
  const rules = slotRulesFor(
    settings,
    { service, staff: bookable.value.staff },
    asked ? 'requested' : 'customer',
    now,
    busyOf(context, staffId),
  );
  const check = checkSlot(rules, request.startsAt);
  if (!check.ok) return fail(check.code, slotRefusalMessage(check.code, settings), 'startsAt');
  // In real-time mode checkSlot has just asked the busy times: no second conflict check, the database's
  // constraint stays the last guard. Working-hours-only mode takes the time even if it overlaps.
  return moved(context, booking, request, by, staffId, rules.mode === 'working_hours', false, asked?.id);
}

function staffNotAvailableMessage(name: string | undefined): string {
  return name
    ? `${name} cannot take this booking: choose one of the staff members offered`
    : 'this staff member cannot take this booking: choose one of the staff members offered';
}

function moved(
  context: ChangeContext,
  booking: Booking,
  request: Move,
  by: Requester,
  staffId: string,
  overlapAllowed: boolean,
  refuseConflicts: boolean,
  acceptedRequestId?: string,
): Result<ChangeDecision> {
  if (request.startsAt === booking.startsAt && staffId === booking.staffId) {
    return fail('validation_failed', 'is already the time of this booking', 'startsAt');
  }
  const range = checkBookableInstant(request.startsAt, context.now);
  if (!range.ok) return fail('validation_failed', range.message, 'startsAt');
  const duration = booking.endsAt - booking.startsAt;
  const after: Booking = {
    ...booking,
    staffId,
    startsAt: request.startsAt,
    endsAt: request.startsAt + duration,
    rescheduleCount: booking.rescheduleCount + 1,
    version: booking.version + 1,
    allowsOverlap: overlapAllowed,
    updatedAt: context.now,
  };
  const occupied = occupiedInterval(
    after.startsAt,
    after.endsAt,
    context.service?.bufferBeforeMinutes ?? 0,
    context.service?.bufferAfterMinutes ?? 0,
  );
  const conflicts = conflictsOf(busyOf(context, staffId), occupied);
  if (refuseConflicts && conflicts.length > 0) return slotTaken();
  const entry: HistoryEntry = {
    ...entryFor(context, by, 'rescheduled', booking.startsAt, after.startsAt, request.reason),
    ...(acceptedRequestId !== undefined && { requestId: acceptedRequestId }),
    ...(staffId !== booking.staffId && { fromStaffId: booking.staffId, toStaffId: staffId }),
  };
  return ok({
    before: booking,
    after,
    entry,
    occupied,
    conflicts,
    request:
      acceptedRequestId !== undefined
        ? { id: acceptedRequestId, status: 'accepted', entry: null }
        : withdrawal(context, by, 'the booking was moved'),
  });
}

/** A change other than the customer's answer ends the booking's pending request: it is withdrawn. */
function withdrawal(context: ChangeContext, by: Requester, reason: string): RequestResolution | null {
  const pending = context.pendingRequest;
  if (pending === null) return null;
  return {
    id: pending.id,
    status: 'withdrawn',
    entry: {
      ...entryFor(context, by, 'reschedule_request_withdrawn', null, null, reason),
      requestId: pending.id,
    },
  };
}

/** The refusal in the words of whoever asked: the office gets the plain fact, a customer the business's advice. */
function refusal(
  decision: PolicyDecision,
  context: ChangeContext,
  booking: Booking,
  by: Requester,
  action: OfficeAction,
): Result<never> | undefined {
  if (decision.allowed) return undefined;
  const message =
    by.kind === 'office'
      ? officeRefusalMessage(action, booking)
      : changeRefusalMessage(decision.code, context.settings, booking);
  return fail(decision.code, message);
}

function busyOf(context: ChangeContext, staffId: string): BusyTime[] {
  return context.busy.get(staffId) ?? [];
}

function conflictsOf(busy: readonly BusyTime[], occupied: Interval): Conflict[] {
  const hits = busy.filter((time) => overlaps(time, occupied));
  const of = (kind: Conflict['kind']) =>
    hits
      .filter((time) => time.kind === kind)
      .slice(0, MAX_CONFLICTS)
      .map(({ kind, id, startsAt, endsAt }) => ({ kind, id, startsAt, endsAt }));
  return [...of('booking'), ...of('blocked_event')];
}

function entryFor(
  context: ChangeContext,
  by: Requester,
  type: HistoryEntry['type'],
  fromStartsAt: number | null,
  toStartsAt: number | null,
  reason: string | null,
): HistoryEntry {
  return { type, ...originOf(by), at: context.now, fromStartsAt, toStartsAt, reason };
}
