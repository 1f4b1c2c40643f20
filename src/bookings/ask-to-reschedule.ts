import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Customer } from '../catalog/customer-repository.js';
import type { Service } from '../catalog/service-repository.js';
import { listStaff, type StaffMember } from '../catalog/staff-repository.js';
import type { Clock } from '../clock.js';
import { lockedForChange, type Store, writeTransaction } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { snapshotOf } from '../email/booking-snapshot.js';
import { enqueueEmail } from '../email/outbox-repository.js';
import { performs } from '../scheduling/booking-rules.js';
import { mayAskToReschedule, respondByFor, type SuggestedTime } from '../scheduling/reschedule-requests.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';
import type { Booking, ChangeOrigin, HistoryEntry } from './booking.js';
import {
  findBookingsWithParties,
  findBusyTimes,
  insertHistory,
  listHistory,
  lockBookingWithParties,
  toBooking,
} from './booking-repository.js';
import { requestFacts } from './reschedule-request-facts.js';
import {
  findPendingRequest,
  findPendingRequestsOf,
  insertRescheduleRequest,
  type RescheduleRequest,
} from './reschedule-request-repository.js';
import { allowsStaffChange } from './staff-change.js';
import { suggestionSpan, suggestionsFor } from './suggest-times.js';

export interface RequestEnv {
  store: Store;
  clock: Clock;
}

export interface AskOne {
  bookingId: string;
  message: string | null;
  respondBy: number | null;
  /** Whom the booking may move to; null: its own staff member, and everyone else who performs the service when customers may change staff. */
  staffIds: string[] | null;
}

export interface AskMany {
  staffId: string;
  from: number;
  to: number;
  message: string | null;
  respondBy: number | null;
}

/** A request as written, with the names its views show. */
export interface RequestOutcome {
  request: RescheduleRequest;
  booking: Booking;
  names: { customer: string; service: string; staff: string };
}

/**
 * "Ask customer to reschedule": the booking stays where it is; the customer gets up to three suggested times
 * and may move it once, past the portal's flags, notice and limit (decided in the core's change policy).
 */
export async function askCustomerToReschedule(
  env: RequestEnv,
  ask: AskOne,
  origin: ChangeOrigin,
): Promise<Result<RequestOutcome>> {
  return writeTransaction(env.store, async (tx) => {
    // The booking's lock first: a change of it, or another request, waits for this one.
    const locked = await lockBookingWithParties(tx, env.store.dialect, ask.bookingId);
    if (!locked) return notFound('booking');
    const { booking, service, customer } = locked;
    const now = env.clock.now();
    if (!mayAskToReschedule(booking, now)) {
      return fail(
        'booking_not_active',
        'only a confirmed booking that has not started can be moved by its customer',
      );
    }
    if (!service || !customer)
      return fail('booking_not_active', 'this booking has no service or customer any more');
    if (await findPendingRequest(tx, booking.id)) {
      return fail(
        'reschedule_request_pending',
        'this booking already has a pending reschedule request: withdraw it first',
      );
    }
    const respondBy = respondByFor(ask.respondBy, now, booking.startsAt);
    if (!respondBy.ok) return fail('validation_failed', respondBy.message, 'respondBy');
    const [settings, allStaff] = await Promise.all([readSettings(tx), listStaff(tx)]);
    const staff = staffFor(booking, allStaff, settings, ask.staffIds);
    if (!staff.ok) return staff;
    const busy = await findBusyTimes(
      tx,
      staff.value.map((member) => member.id),
      suggestionSpan(booking, now),
      booking.id,
    );
    const suggestedTimes = suggestionsFor({
      settings,
      booking,
      service,
      staff: staff.value,
      busy,
      excluded: null,
      now,
    });
    const request = newRequest(booking, {
      batchId: null,
      message: ask.message,
      respondBy: respondBy.respondBy,
      staffIds: staff.value.map((member) => member.id),
      suggestedTimes,
      excluded: null,
      origin,
      now,
    });
    await writeRequest(tx, {
      request,
      booking,
      service,
      customer,
      staffName: locked.staff?.name ?? null,
      allStaff,
      settings,
    });
    return ok(outcome(request, booking, customer, service, allStaff));
  });
}

/**
 * "Ask customers to reschedule" for a staff member and a range: a request for every confirmed booking of that
 * staff member overlapping [from, to) that has not started and has no pending request yet, none suggesting a
 * time inside the range. All in one transaction: the office gets every request or none.
 */
export async function askCustomersToReschedule(
  env: RequestEnv,
  ask: AskMany,
  origin: ChangeOrigin,
): Promise<Result<{ batchId: string; requests: RequestOutcome[] }>> {
  if (!(ask.to > ask.from)) return fail('validation_failed', 'must be after from', 'to');
  return writeTransaction(env.store, async (tx) => {
    const [settings, allStaff] = await Promise.all([readSettings(tx), listStaff(tx)]);
    if (!allStaff.some((member) => member.id === ask.staffId)) {
      return fail('validation_failed', 'no staff member has this id', 'staffId');
    }
    const rows = await lockedForChange(
      tx
        .selectFrom('bookings')
        .selectAll()
        .where('staff_id', '=', ask.staffId)
        .where('status', '=', 'confirmed')
        .where('starts_at', '<', ask.to)
        .where('ends_at', '>', ask.from)
        .orderBy('id'),
      env.store.dialect,
    ).execute();
    const now = env.clock.now();
    const candidates = rows.map(toBooking).filter((booking) => mayAskToReschedule(booking, now));
    const pending = await findPendingRequestsOf(
      tx,
      candidates.map((booking) => booking.id),
    );
    const bookings = candidates
      .filter((booking) => !pending.has(booking.id))
      .sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : 1));
    if (ask.respondBy !== null && ask.respondBy <= now) {
      return fail('validation_failed', 'must be in the future', 'respondBy');
    }
    const batchId = randomUUID();
    const excluded = { start: ask.from, end: ask.to };
    const parties = await partiesOf(tx, bookings);
    const staffIds = new Set<string>();
    const staffByBooking = new Map<string, StaffMember[]>();
    for (const booking of bookings) {
      const staff = staffFor(booking, allStaff, settings, null);
      if (!staff.ok) return staff;
      staffByBooking.set(booking.id, staff.value);
      for (const member of staff.value) staffIds.add(member.id);
    }
    // One read of the busy times for the whole batch.
    const spans = bookings.map((booking) => suggestionSpan(booking, now));
    const busy =
      bookings.length === 0
        ? new Map()
        : await findBusyTimes(
            tx,
            [...staffIds],
            {
              start: Math.min(...spans.map((span) => span.start)),
              end: Math.max(...spans.map((span) => span.end)),
            },
            null,
          );
    const taken: SuggestedTime[] = [];
    const outcomes: RequestOutcome[] = [];
    for (const booking of bookings) {
      const party = parties.get(booking.id);
      if (!party?.service || !party.customer) continue;
      const staff = staffByBooking.get(booking.id) ?? [];
      // Times suggested to one customer are avoided for the next while others remain: fewer collisions.
      const suggestedTimes = suggestionsFor({
        settings,
        booking,
        service: party.service,
        staff,
        busy,
        excluded,
        taken,
        now,
      });
      taken.push(...suggestedTimes);
      const respondBy = respondByFor(ask.respondBy, now, booking.startsAt);
      if (!respondBy.ok) return fail('validation_failed', respondBy.message, 'respondBy');
      const request = newRequest(booking, {
        batchId,
        message: ask.message,
        respondBy: respondBy.respondBy,
        staffIds: staff.map((member) => member.id),
        suggestedTimes,
        excluded,
        origin,
        now,
      });
      await writeRequest(tx, {
        request,
        booking,
        service: party.service,
        customer: party.customer,
        staffName: party.staffName,
        allStaff,
        settings,
      });
      outcomes.push(outcome(request, booking, party.customer, party.service, allStaff));
    }
    return ok({ batchId, requests: outcomes });
  });
}

/** Whom a booking may move to: the office's list (each must perform the service), or the default. */
function staffFor(
  booking: Booking,
  allStaff: readonly StaffMember[],
  settings: BusinessSettings,
  asked: string[] | null,
): Result<StaffMember[]> {
  if (asked === null) {
    const own = allStaff.filter((member) => member.id === booking.staffId);
    const others = allowsStaffChange(settings)
      ? allStaff.filter((member) => member.id !== booking.staffId && performs(member, booking.serviceId))
      : [];
    return ok([...own, ...others]);
  }
  const chosen: StaffMember[] = [];
  for (const id of new Set(asked)) {
    const member = allStaff.find((each) => each.id === id);
    if (!member || !performs(member, booking.serviceId)) {
      return fail(
        'staff_not_available',
        member ? `${member.name} does not perform this service` : 'no staff member has this id',
        'staffIds',
      );
    }
    chosen.push(member);
  }
  if (chosen.length === 0)
    return fail('validation_failed', 'must name at least one staff member', 'staffIds');
  return ok(chosen);
}

function newRequest(
  booking: Booking,
  fields: {
    batchId: string | null;
    message: string | null;
    respondBy: number;
    staffIds: string[];
    suggestedTimes: SuggestedTime[];
    excluded: { start: number; end: number } | null;
    origin: ChangeOrigin;
    now: number;
  },
): RescheduleRequest {
  return {
    id: randomUUID(),
    bookingId: booking.id,
    batchId: fields.batchId,
    status: 'pending',
    message: fields.message === '' ? null : fields.message,
    respondBy: fields.respondBy,
    staffIds: fields.staffIds,
    suggestedTimes: fields.suggestedTimes,
    excluded: fields.excluded,
    createdBy: fields.origin,
    createdAt: fields.now,
    resolvedAt: null,
    resolvedBy: null,
    responseMessage: null,
    accepted: null,
  };
}

/** The request, its history entry and the customer's email, in the request's transaction. */
async function writeRequest(
  tx: Kysely<Database>,
  parts: {
    request: RescheduleRequest;
    booking: Booking;
    service: Service;
    customer: Customer;
    staffName: string | null;
    allStaff: readonly StaffMember[];
    settings: BusinessSettings;
  },
): Promise<void> {
  const { request, booking, customer } = parts;
  const history = await listHistory(tx, booking.id);
  await insertRescheduleRequest(tx, request);
  const entry: HistoryEntry = {
    type: 'reschedule_requested',
    actor: request.createdBy.actor,
    channel: request.createdBy.channel,
    at: request.createdAt,
    fromStartsAt: null,
    toStartsAt: null,
    reason: request.message,
    requestId: request.id,
  };
  await insertHistory(tx, booking, entry, history.length);
  const snapshot = snapshotOf(
    {
      booking,
      serviceName: parts.service.name,
      staffName: parts.staffName,
      customer,
      history: [...history, entry],
    },
    request.createdAt,
  );
  await enqueueEmail(
    tx,
    {
      kind: 'reschedule_request',
      bookingId: booking.id,
      recipient: customer.email,
      payload: { snapshot, request: requestFacts(request, parts.allStaff) },
    },
    request.createdAt,
  );
}

async function partiesOf(
  tx: Kysely<Database>,
  bookings: readonly Booking[],
): Promise<Map<string, { service: Service | null; customer: Customer | null; staffName: string | null }>> {
  const found = await findBookingsWithParties(
    tx,
    bookings.map((booking) => booking.id),
  );
  return new Map(
    [...found].map(([id, party]) => [
      id,
      { service: party.service, customer: party.customer, staffName: party.staff?.name ?? null },
    ]),
  );
}

function outcome(
  request: RescheduleRequest,
  booking: Booking,
  customer: Customer,
  service: Service,
  allStaff: readonly StaffMember[],
): RequestOutcome {
  return {
    request,
    booking,
    names: {
      customer: customer.name,
      service: service.name,
      staff: allStaff.find((member) => member.id === booking.staffId)?.name ?? '',
    },
  };
}
