import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema.js';
import { notFound, ok, type Result } from '../domain-error.js';
import { toIso } from '../field-schemas.js';
import { findBookingsWithParties } from './booking-repository.js';
import {
  batchProgress,
  findRescheduleRequest,
  listRescheduleRequests,
  type RequestFilter,
  type RescheduleRequest,
} from './reschedule-request-repository.js';
import { type rescheduleRequestItemSchema, rescheduleRequestView } from './reschedule-request-schemas.js';

export type RescheduleRequestItem = z.infer<typeof rescheduleRequestItemSchema>;

/** "Reschedule requests": newest first, with their bookings and, for bulk requests, how many were answered. */
export async function listRequestItems(
  db: Kysely<Database>,
  filter: RequestFilter,
): Promise<RescheduleRequestItem[]> {
  return itemsOf(db, await listRescheduleRequests(db, filter));
}

export async function getRequestItem(
  db: Kysely<Database>,
  id: string,
): Promise<Result<RescheduleRequestItem>> {
  const request = await findRescheduleRequest(db, id);
  if (!request) return notFound('reschedule request');
  const [item] = await itemsOf(db, [request]);
  return item ? ok(item) : notFound('reschedule request');
}

export async function itemsOf(
  db: Kysely<Database>,
  requests: readonly RescheduleRequest[],
): Promise<RescheduleRequestItem[]> {
  const batchIds = [...new Set(requests.flatMap((request) => (request.batchId ? [request.batchId] : [])))];
  const [bookings, progress] = await Promise.all([
    findBookingsWithParties(db, [...new Set(requests.map((request) => request.bookingId))]),
    batchProgress(db, batchIds),
  ]);
  return requests.flatMap((request) => {
    const found = bookings.get(request.bookingId);
    if (!found) return [];
    return [
      {
        ...rescheduleRequestView(request),
        booking: {
          startsAt: toIso(found.booking.startsAt),
          endsAt: toIso(found.booking.endsAt),
          status: found.booking.status,
          customerName: found.customer?.name ?? '',
          serviceName: found.service?.name ?? '',
          staffName: found.staff?.name ?? '',
        },
        progress: request.batchId ? (progress.get(request.batchId) ?? null) : null,
      },
    ];
  });
}
