import type { Kysely, Selectable } from 'kysely';
import type { Database, RescheduleRequestTable } from '../db/schema.js';
import type { RequestStatus, SuggestedTime } from '../scheduling/reschedule-requests.js';
import type { Actor, Channel } from './booking.js';

/** The office's request that a customer move their booking; instants are epoch milliseconds. */
export interface RescheduleRequest {
  id: string;
  bookingId: string;
  /** Shared by the requests of one bulk "Ask customers to reschedule". */
  batchId: string | null;
  status: RequestStatus;
  message: string | null;
  respondBy: number;
  staffIds: string[];
  suggestedTimes: SuggestedTime[];
  excluded: { start: number; end: number } | null;
  createdBy: { actor: Actor; channel: Channel };
  createdAt: number;
  resolvedAt: number | null;
  /** Who answered (or ended) it, and through which door. */
  resolvedBy: { actor: Actor; channel: Channel } | null;
  /** The customer's note when declining. */
  responseMessage: string | null;
  /** Where an accepted request moved the booking. */
  accepted: { startsAt: number; staffId: string } | null;
}

const toRequest = (row: Selectable<RescheduleRequestTable>): RescheduleRequest => ({
  id: row.id,
  bookingId: row.booking_id,
  batchId: row.batch_id,
  status: row.status as RequestStatus,
  message: row.message,
  respondBy: Number(row.respond_by),
  staffIds: JSON.parse(row.staff_ids) as string[],
  suggestedTimes: JSON.parse(row.suggested_times) as SuggestedTime[],
  excluded:
    row.excluded_from === null || row.excluded_until === null
      ? null
      : { start: Number(row.excluded_from), end: Number(row.excluded_until) },
  createdBy: { actor: row.created_actor as Actor, channel: row.created_channel as Channel },
  createdAt: Number(row.created_at),
  resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
  resolvedBy:
    row.resolved_actor === null || row.resolved_channel === null
      ? null
      : { actor: row.resolved_actor as Actor, channel: row.resolved_channel as Channel },
  responseMessage: row.response_message,
  accepted:
    row.accepted_starts_at === null || row.accepted_staff_id === null
      ? null
      : { startsAt: Number(row.accepted_starts_at), staffId: row.accepted_staff_id },
});

export async function insertRescheduleRequest(
  db: Kysely<Database>,
  request: RescheduleRequest,
): Promise<void> {
  await db
    .insertInto('reschedule_requests')
    .values({
      id: request.id,
      booking_id: request.bookingId,
      batch_id: request.batchId,
      status: request.status,
      message: request.message,
      respond_by: request.respondBy,
      staff_ids: JSON.stringify(request.staffIds),
      suggested_times: JSON.stringify(request.suggestedTimes),
      excluded_from: request.excluded?.start ?? null,
      excluded_until: request.excluded?.end ?? null,
      created_actor: request.createdBy.actor,
      created_channel: request.createdBy.channel,
      created_at: request.createdAt,
      resolved_at: null,
      resolved_actor: null,
      resolved_channel: null,
      response_message: null,
      accepted_starts_at: null,
      accepted_staff_id: null,
    })
    .execute();
}

export async function findRescheduleRequest(
  db: Kysely<Database>,
  id: string,
): Promise<RescheduleRequest | undefined> {
  const row = await db.selectFrom('reschedule_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRequest(row);
}

/**
 * The booking's pending request, if any (at most one: a unique index). Inside a change, read after the
 * booking's row lock: every write of a request takes that lock first, so what is read here stays true.
 */
export async function findPendingRequest(
  db: Kysely<Database>,
  bookingId: string,
): Promise<RescheduleRequest | null> {
  const row = await db
    .selectFrom('reschedule_requests')
    .selectAll()
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row ? toRequest(row) : null;
}

/** The pending requests of many bookings at once (for lists and the calendar's marks). */
export async function findPendingRequestsOf(
  db: Kysely<Database>,
  bookingIds: readonly string[],
): Promise<Map<string, RescheduleRequest>> {
  const found = new Map<string, RescheduleRequest>();
  for (let i = 0; i < bookingIds.length; i += 500) {
    const rows = await db
      .selectFrom('reschedule_requests')
      .selectAll()
      .where('booking_id', 'in', bookingIds.slice(i, i + 500))
      .where('status', '=', 'pending')
      .execute();
    for (const row of rows) found.set(row.booking_id, toRequest(row));
  }
  return found;
}

export interface RequestFilter {
  status?: RequestStatus | undefined;
  bookingId?: string | undefined;
  batchId?: string | undefined;
  limit: number;
}

/** Newest first. */
export async function listRescheduleRequests(
  db: Kysely<Database>,
  filter: RequestFilter,
): Promise<RescheduleRequest[]> {
  let query = db
    .selectFrom('reschedule_requests')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.bookingId !== undefined) query = query.where('booking_id', '=', filter.bookingId);
  if (filter.batchId !== undefined) query = query.where('batch_id', '=', filter.batchId);
  return (await query.execute()).map(toRequest);
}

/** How many requests of each batch there are, and how many are no longer pending. */
export async function batchProgress(
  db: Kysely<Database>,
  batchIds: readonly string[],
): Promise<Map<string, { total: number; answered: number }>> {
  const progress = new Map<string, { total: number; answered: number }>();
  if (batchIds.length === 0) return progress;
  const rows = await db
    .selectFrom('reschedule_requests')
    .select(['batch_id', 'status'])
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('batch_id', 'in', batchIds)
    .groupBy(['batch_id', 'status'])
    .execute();
  for (const row of rows) {
    if (row.batch_id === null) continue;
    const entry = progress.get(row.batch_id) ?? { total: 0, answered: 0 };
    const count = Number(row.count);
    entry.total += count;
    if (row.status === 'accepted' || row.status === 'declined') entry.answered += count;
    progress.set(row.batch_id, entry);
  }
  return progress;
}

export interface Resolution {
  status: Exclude<RequestStatus, 'pending'>;
  at: number;
  by: { actor: Actor; channel: Channel };
  responseMessage?: string | null;
  accepted?: { startsAt: number; staffId: string } | null;
}

/** Ends a pending request; false when it was no longer pending (someone else ended it first). */
export async function resolveRescheduleRequest(
  db: Kysely<Database>,
  id: string,
  resolution: Resolution,
): Promise<boolean> {
  const result = await db
    .updateTable('reschedule_requests')
    .set({
      status: resolution.status,
      resolved_at: resolution.at,
      resolved_actor: resolution.by.actor,
      resolved_channel: resolution.by.channel,
      response_message: resolution.responseMessage ?? null,
      accepted_starts_at: resolution.accepted?.startsAt ?? null,
      accepted_staff_id: resolution.accepted?.staffId ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Fresh suggestions after the customer's pick was taken meanwhile. */
export async function updateSuggestedTimes(
  db: Kysely<Database>,
  id: string,
  suggestedTimes: readonly SuggestedTime[],
): Promise<void> {
  await db
    .updateTable('reschedule_requests')
    .set({ suggested_times: JSON.stringify(suggestedTimes) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Pending requests whose respond-by time has come, oldest first: the worker expires them. */
export async function findDueForExpiry(
  db: Kysely<Database>,
  now: number,
  limit: number,
): Promise<Array<{ id: string; bookingId: string }>> {
  const rows = await db
    .selectFrom('reschedule_requests')
    .select(['id', 'booking_id'])
    .where('status', '=', 'pending')
    .where('respond_by', '<=', now)
    .orderBy('respond_by')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, bookingId: row.booking_id }));
}
