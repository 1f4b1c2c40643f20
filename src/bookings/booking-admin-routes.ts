import { z } from 'zod';
import { requireAdmin } from '../auth/admin-guard.js';
import { valueOrThrow } from '../domain-error.js';
import { idField, instantOut, localDateField, toIso } from '../field-schemas.js';
import { API_PREFIX, type App, type AppContext } from '../http/app-context.js';
import type { ChangeOrigin } from './booking.js';
import {
  bookingChangeHeadersSchema,
  bookingDetailsSchema,
  bookingDetailsView,
  bookingIdParamsSchema,
  bookingListQuerySchema,
  bookingSchema,
  bookingView,
  changeDetailsView,
  etagOf,
  newBookingBodySchema,
  rescheduleBodySchema,
  statusChangeBodySchema,
  versionFromIfMatch,
} from './booking-schemas.js';
import { changeBookingStatus } from './change-booking-status.js';
import { createBooking } from './create-booking.js';
import { findAvailableSlots } from './find-available-slots.js';
import { getBookingDetails } from './get-booking.js';
import { listBookingsFor } from './list-bookings.js';
import { rescheduleBooking } from './reschedule-booking.js';
import { resendConfirmation } from './resend-confirmation.js';

const BY_ADMIN: ChangeOrigin = { actor: 'admin', channel: 'admin' };
const BY_API: ChangeOrigin = { actor: 'admin', channel: 'api' };

export function registerBookingAdminRoutes(app: App, context: AppContext): void {
  const { store } = context;
  const tags = ['bookings'];
  const onRequest = requireAdmin(context);
  /** A change made with a bearer token came through the API; one from the admin pages through the admin portal. */
  const originOf = (request: { headers: { authorization?: string | undefined } }) =>
    request.headers.authorization ? BY_API : BY_ADMIN;

  app.get(
    `${API_PREFIX}/bookings`,
    {
      onRequest,
      schema: { tags, querystring: bookingListQuerySchema, response: { 200: z.array(bookingSchema) } },
    },
    async (request) => (await listBookingsFor(store.db, request.query)).map(bookingView),
  );

  app.post(
    `${API_PREFIX}/bookings`,
    {
      onRequest,
      schema: {
        tags,
        headers: bookingChangeHeadersSchema,
        body: newBookingBodySchema,
        response: { 201: bookingDetailsSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const outcome = valueOrThrow(
        await createBooking(
          context,
          {
            ...request.body,
            notes: request.body.notes ?? null,
            allowConflict: request.body.allowConflict ?? false,
          },
          originOf(request),
          key === undefined ? undefined : { scope: 'create-booking', key, body: request.body },
        ),
      );
      return reply.code(201).header('etag', etagOf(outcome.booking)).send(changeDetailsView(outcome));
    },
  );

  app.get(
    `${API_PREFIX}/bookings/:id`,
    { onRequest, schema: { tags, params: bookingIdParamsSchema, response: { 200: bookingDetailsSchema } } },
    async (request, reply) => {
      const details = bookingDetailsView(valueOrThrow(await getBookingDetails(store.db, request.params.id)));
      return reply.header('etag', `"${details.version}"`).send(details);
    },
  );

  app.post(
    `${API_PREFIX}/bookings/:id/reschedule`,
    {
      onRequest,
      schema: {
        tags,
        params: bookingIdParamsSchema,
        headers: bookingChangeHeadersSchema,
        body: rescheduleBodySchema,
        response: { 200: bookingDetailsSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const key = request.headers['idempotency-key'];
      const outcome = valueOrThrow(
        await rescheduleBooking(
          context,
          {
            bookingId: id,
            startsAt: request.body.startsAt,
            reason: request.body.reason ?? null,
            allowConflict: request.body.allowConflict ?? false,
            expectedVersion: versionFromIfMatch(request.headers['if-match']),
          },
          originOf(request),
          key === undefined ? undefined : { scope: `reschedule:${id}`, key, body: request.body },
        ),
      );
      return reply.header('etag', etagOf(outcome.booking)).send(changeDetailsView(outcome));
    },
  );

  for (const [action, status] of [
    ['cancel', 'cancelled'],
    ['complete', 'completed'],
  ] as const) {
    app.post(
      `${API_PREFIX}/bookings/:id/${action}`,
      {
        onRequest,
        schema: {
          tags,
          params: bookingIdParamsSchema,
          headers: bookingChangeHeadersSchema,
          body: statusChangeBodySchema,
          response: { 200: bookingDetailsSchema },
        },
      },
      async (request, reply) => {
        const outcome = valueOrThrow(
          await changeBookingStatus(
            context,
            status,
            {
              bookingId: request.params.id,
              reason: request.body?.reason ?? null,
              expectedVersion: versionFromIfMatch(request.headers['if-match']),
            },
            originOf(request),
          ),
        );
        return reply.header('etag', etagOf(outcome.booking)).send(changeDetailsView(outcome));
      },
    );
  }

  app.post(
    `${API_PREFIX}/bookings/:id/resend-confirmation`,
    {
      onRequest,
      schema: { tags, params: bookingIdParamsSchema, response: { 202: z.object({ emailId: idField }) } },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(valueOrThrow(await resendConfirmation(store.db, request.params.id, context.clock.now()))),
  );

  app.get(
    `${API_PREFIX}/availability`,
    {
      onRequest,
      schema: {
        tags,
        description:
          'Free start times of one staff member for one service, as the office may book them. With exceptBookingId, the booking being moved does not block itself.',
        querystring: z.strictObject({
          serviceId: idField,
          staffId: idField,
          from: localDateField,
          to: localDateField,
          exceptBookingId: idField.optional(),
        }),
        response: {
          200: z.object({
            timezone: z.string(),
            mode: z.enum(['real_time', 'working_hours']),
            slots: z.array(z.object({ startsAt: instantOut, endsAt: instantOut })),
          }),
        },
      },
    },
    async (request) => {
      const { serviceId, staffId, from, to, exceptBookingId } = request.query;
      const answer = valueOrThrow(
        await findAvailableSlots(context, {
          serviceId,
          staffId,
          fromDate: from,
          toDate: to,
          exceptBookingId: exceptBookingId ?? null,
          audience: 'office',
        }),
      );
      return {
        timezone: answer.timeZone,
        mode: answer.mode,
        slots: answer.slots.map((slot) => ({ startsAt: toIso(slot.startsAt), endsAt: toIso(slot.endsAt) })),
      };
    },
  );
}
