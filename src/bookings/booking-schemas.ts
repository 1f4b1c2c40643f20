import { z } from 'zod';
import { idField, instantField, instantOut, localDateField, textField, toIso } from '../field-schemas.js';
import {
  ACTORS,
  BOOKING_STATUSES,
  type Booking,
  type BookingDetails,
  CHANNELS,
  type Conflict,
  HISTORY_TYPES,
  type HistoryEntry,
} from './booking.js';
import type { ChangeOutcome } from './booking-change.js';
import { rescheduleRequestSchema, rescheduleRequestView } from './reschedule-request-schemas.js';

export const newBookingBodySchema = z.strictObject({
  customerId: idField,
  serviceId: idField,
  staffId: idField,
  startsAt: instantField,
  notes: textField(2000).nullable().optional(),
  allowConflict: z.boolean().optional(),
});

export const rescheduleBodySchema = z.strictObject({
  startsAt: instantField,
  reason: textField(500).nullable().optional(),
  allowConflict: z.boolean().optional(),
});

export const statusChangeBodySchema = z
  .strictObject({ reason: textField(500).nullable().optional() })
  .nullish();

/** `from`/`to` take an instant, or a calendar date in the business time zone. */
export const bookingListQuerySchema = z.strictObject({
  from: z.union([localDateField, instantField]).optional(),
  to: z.union([localDateField, instantField]).optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
  staffId: idField.optional(),
  customerId: idField.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const bookingIdParamsSchema = z.strictObject({ id: idField });

export const bookingChangeHeadersSchema = z.object({
  'if-match': z
    .string()
    .regex(/^(\*|(W\/)?"\d+"|\d+)$/, { message: 'must be the ETag of the booking, e.g. "3"' })
    .optional(),
  'idempotency-key': z.string().min(8).max(200).optional(),
});

export function versionFromIfMatch(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch === '*') return undefined;
  return Number(ifMatch.replace(/\D/g, ''));
}

export const etagOf = (booking: Booking) => `"${booking.version}"`;

const historyEntrySchema = z.object({
  type: z.enum(HISTORY_TYPES),
  actor: z.enum(ACTORS),
  channel: z.enum(CHANNELS),
  at: instantOut,
  fromStartsAt: instantOut.optional(),
  toStartsAt: instantOut.optional(),
  reason: z.string().optional(),
  /** The reschedule request the entry is about (on a move: the request it accepted). */
  requestId: idField.optional(),
  /** A move to another staff member. */
  fromStaffId: idField.optional(),
  toStaffId: idField.optional(),
});

const conflictSchema = z.object({
  kind: z.enum(['booking', 'blocked_event']),
  id: idField,
  startsAt: instantOut,
  endsAt: instantOut,
});

export const bookingSchema = z.object({
  id: idField,
  customerId: idField,
  serviceId: idField,
  staffId: idField,
  startsAt: instantOut,
  endsAt: instantOut,
  status: z.enum(BOOKING_STATUSES),
  notes: z.string().nullable(),
  rescheduleCount: z.number().int(),
  version: z.number().int(),
  createdAt: instantOut,
  updatedAt: instantOut,
});

export const bookingDetailsSchema = bookingSchema.extend({
  history: z.array(historyEntrySchema),
  conflicts: z.array(conflictSchema),
  rescheduleRequest: rescheduleRequestSchema.nullable(),
});

export function bookingView(booking: Booking): z.infer<typeof bookingSchema> {
  return {
    id: booking.id,
    customerId: booking.customerId,
    serviceId: booking.serviceId,
    staffId: booking.staffId,
    startsAt: toIso(booking.startsAt),
    endsAt: toIso(booking.endsAt),
    status: booking.status,
    notes: booking.notes,
    rescheduleCount: booking.rescheduleCount,
    version: booking.version,
    createdAt: toIso(booking.createdAt),
    updatedAt: toIso(booking.updatedAt),
  };
}

const historyView = (entry: HistoryEntry): z.infer<typeof historyEntrySchema> => ({
  type: entry.type,
  actor: entry.actor,
  channel: entry.channel,
  at: toIso(entry.at),
  ...(entry.fromStartsAt !== null && { fromStartsAt: toIso(entry.fromStartsAt) }),
  ...(entry.toStartsAt !== null && { toStartsAt: toIso(entry.toStartsAt) }),
  ...(entry.reason !== null && { reason: entry.reason }),
  ...(entry.requestId && { requestId: entry.requestId }),
  ...(entry.fromStaffId && { fromStaffId: entry.fromStaffId }),
  ...(entry.toStaffId && { toStaffId: entry.toStaffId }),
});

const conflictView = (conflict: Conflict): z.infer<typeof conflictSchema> => ({
  kind: conflict.kind,
  id: conflict.id,
  startsAt: toIso(conflict.startsAt),
  endsAt: toIso(conflict.endsAt),
});

export function bookingDetailsView(details: BookingDetails): z.infer<typeof bookingDetailsSchema> {
  return {
    ...bookingView(details),
    history: details.history.map(historyView),
    conflicts: details.conflicts.map(conflictView),
    rescheduleRequest: details.rescheduleRequest && rescheduleRequestView(details.rescheduleRequest),
  };
}

/** A change's answer, from the change itself. */
export function changeDetailsView(outcome: ChangeOutcome): z.infer<typeof bookingDetailsSchema> {
  return bookingDetailsView({
    ...outcome.booking,
    history: outcome.history,
    conflicts: outcome.conflicts,
    rescheduleRequest: outcome.rescheduleRequest,
  });
}
