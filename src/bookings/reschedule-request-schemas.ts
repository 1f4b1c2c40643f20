import { z } from 'zod';
import { idField, instantField, instantOut, textField, toIso } from '../field-schemas.js';
import { REQUEST_STATUSES } from '../scheduling/reschedule-requests.js';
import { ACTORS, CHANNELS } from './booking.js';
import type { RescheduleRequest } from './reschedule-request-repository.js';

export const askOneBodySchema = z
  .strictObject({
    message: textField(1000).nullable().optional(),
    respondBy: instantField.optional(),
    staffIds: z.array(idField).min(1).max(50).optional(),
  })
  .nullish();

export const askManyBodySchema = z.strictObject({
  staffId: idField,
  from: instantField,
  to: instantField,
  message: textField(1000).nullable().optional(),
  respondBy: instantField.optional(),
});

export const requestListQuerySchema = z.strictObject({
  status: z.enum(REQUEST_STATUSES).optional(),
  bookingId: idField.optional(),
  batchId: idField.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const requestIdParamsSchema = z.strictObject({ id: idField });

export const suggestedTimeSchema = z.object({ startsAt: instantOut, endsAt: instantOut, staffId: idField });

const originSchema = z.object({ actor: z.enum(ACTORS), channel: z.enum(CHANNELS) });

/** The contract's request, with who asked and who answered (and how). */
export const rescheduleRequestSchema = z.object({
  id: idField,
  bookingId: idField,
  batchId: idField.nullable(),
  status: z.enum(REQUEST_STATUSES),
  message: z.string().nullable(),
  respondBy: instantOut,
  staffIds: z.array(idField),
  suggestedTimes: z.array(suggestedTimeSchema),
  createdAt: instantOut,
  createdBy: originSchema,
  resolvedAt: instantOut.nullable(),
  resolvedBy: originSchema.nullable(),
  /** The customer's note when declining. */
  responseMessage: z.string().nullable(),
  /** Where an accepted request moved the booking. */
  accepted: z.object({ startsAt: instantOut, staffId: idField }).nullable(),
});

/** A request as the office's lists show it: with its booking, and for a bulk request how far it has got. */
export const rescheduleRequestItemSchema = rescheduleRequestSchema.extend({
  booking: z.object({
    startsAt: instantOut,
    endsAt: instantOut,
    status: z.string(),
    customerName: z.string(),
    serviceName: z.string(),
    staffName: z.string(),
  }),
  progress: z.object({ total: z.number().int(), answered: z.number().int() }).nullable(),
});

export function rescheduleRequestView(request: RescheduleRequest): z.infer<typeof rescheduleRequestSchema> {
  return {
    id: request.id,
    bookingId: request.bookingId,
    batchId: request.batchId,
    status: request.status,
    message: request.message,
    respondBy: toIso(request.respondBy),
    staffIds: request.staffIds,
    suggestedTimes: request.suggestedTimes.map((time) => ({
      startsAt: toIso(time.startsAt),
      endsAt: toIso(time.endsAt),
      staffId: time.staffId,
    })),
    createdAt: toIso(request.createdAt),
    createdBy: request.createdBy,
    resolvedAt: request.resolvedAt === null ? null : toIso(request.resolvedAt),
    resolvedBy: request.resolvedBy,
    responseMessage: request.responseMessage,
    accepted: request.accepted && {
      startsAt: toIso(request.accepted.startsAt),
      staffId: request.accepted.staffId,
    },
  };
}
