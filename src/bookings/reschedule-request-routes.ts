import { z } from 'zod';
import { requireAdmin } from '../auth/admin-guard.js';
import { valueOrThrow } from '../domain-error.js';
import { idField } from '../field-schemas.js';
import { API_PREFIX, type App, type AppContext } from '../http/app-context.js';
import { askCustomersToReschedule, askCustomerToReschedule } from './ask-to-reschedule.js';
import type { ChangeOrigin } from './booking.js';
import { bookingIdParamsSchema } from './booking-schemas.js';
import { withdrawRescheduleRequest } from './end-reschedule-request.js';
import { getRequestItem, itemsOf, listRequestItems } from './list-reschedule-requests.js';
import {
  askManyBodySchema,
  askOneBodySchema,
  requestIdParamsSchema,
  requestListQuerySchema,
  rescheduleRequestItemSchema,
} from './reschedule-request-schemas.js';

const BY_ADMIN: ChangeOrigin = { actor: 'admin', channel: 'admin' };
const BY_API: ChangeOrigin = { actor: 'admin', channel: 'api' };

/** The office asks, the customer picks: the office's side of reschedule requests. */
export function registerRescheduleRequestRoutes(app: App, context: AppContext): void {
  const { store } = context;
  const tags = ['reschedule requests'];
  const onRequest = requireAdmin(context);
  const originOf = (request: { headers: { authorization?: string | undefined } }) =>
    request.headers.authorization ? BY_API : BY_ADMIN;

  app.post(
    `${API_PREFIX}/bookings/:id/reschedule-request`,
    {
      onRequest,
      schema: {
        tags,
        params: bookingIdParamsSchema,
        body: askOneBodySchema,
        response: { 201: rescheduleRequestItemSchema },
      },
    },
    async (request, reply) => {
      const asked = valueOrThrow(
        await askCustomerToReschedule(
          context,
          {
            bookingId: request.params.id,
            message: request.body?.message ?? null,
            respondBy: request.body?.respondBy ?? null,
            staffIds: request.body?.staffIds ?? null,
          },
          originOf(request),
        ),
      );
      return reply.code(201).send(valueOrThrow(await getRequestItem(store.db, asked.request.id)));
    },
  );

  app.post(
    `${API_PREFIX}/reschedule-requests`,
    {
      onRequest,
      schema: {
        tags,
        body: askManyBodySchema,
        response: {
          201: z.object({ batchId: idField, requests: z.array(rescheduleRequestItemSchema) }),
        },
      },
    },
    async (request, reply) => {
      const asked = valueOrThrow(
        await askCustomersToReschedule(
          context,
          {
            staffId: request.body.staffId,
            from: request.body.from,
            to: request.body.to,
            message: request.body.message ?? null,
            respondBy: request.body.respondBy ?? null,
          },
          originOf(request),
        ),
      );
      const requests = await itemsOf(
        store.db,
        asked.requests.map((each) => each.request),
      );
      return reply.code(201).send({ batchId: asked.batchId, requests });
    },
  );

  app.get(
    `${API_PREFIX}/reschedule-requests`,
    {
      onRequest,
      schema: {
        tags,
        querystring: requestListQuerySchema,
        response: { 200: z.array(rescheduleRequestItemSchema) },
      },
    },
    async (request) => listRequestItems(store.db, request.query),
  );

  app.get(
    `${API_PREFIX}/reschedule-requests/:id`,
    {
      onRequest,
      schema: { tags, params: requestIdParamsSchema, response: { 200: rescheduleRequestItemSchema } },
    },
    async (request) => valueOrThrow(await getRequestItem(store.db, request.params.id)),
  );

  app.delete(
    `${API_PREFIX}/reschedule-requests/:id`,
    {
      onRequest,
      schema: { tags, params: requestIdParamsSchema, response: { 200: rescheduleRequestItemSchema } },
    },
    async (request) => {
      const withdrawn = valueOrThrow(
        await withdrawRescheduleRequest(context, request.params.id, originOf(request)),
      );
      return valueOrThrow(await getRequestItem(store.db, withdrawn.id));
    },
  );
}
