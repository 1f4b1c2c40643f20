import { z } from 'zod';
import { requireAdmin } from '../auth/admin-guard.js';
import { valueOrThrow } from '../domain-error.js';
import { idField, singleLineField } from '../field-schemas.js';
import { API_PREFIX, type App, type AppContext } from '../http/app-context.js';
import {
  blockedEventQuerySchema,
  blockedEventSchema,
  newBlockedEventSchema,
} from './blocked-event-schemas.js';
import { createBlockedEvent, deleteBlockedEvent, listBlockedEvents } from './blocked-events.js';
import {
  createCustomer,
  customerPatchSchema,
  customerSchema,
  getCustomer,
  listCustomers,
  newCustomerSchema,
  updateCustomer,
} from './customers.js';
import {
  createService,
  deleteService,
  getService,
  listServices,
  newServiceSchema,
  servicePatchSchema,
  serviceSchema,
  updateService,
} from './services.js';
import {
  createStaffMember,
  deleteStaffMember,
  getStaffMember,
  listStaff,
  newStaffMemberSchema,
  staffMemberPatchSchema,
  staffMemberSchema,
  updateStaffMember,
} from './staff.js';

const params = z.strictObject({ id: idField });

/** Services, staff, customers and blocked events: what the office sets up before anyone books. */
export function registerCatalogRoutes(app: App, context: AppContext): void {
  const { store, clock } = context;
  const db = store.db;
  const onRequest = requireAdmin(context);

  app.get(
    `${API_PREFIX}/services`,
    { onRequest, schema: { tags: ['services'], response: { 200: z.array(serviceSchema) } } },
    () => listServices(db),
  );
  app.post(
    `${API_PREFIX}/services`,
    { onRequest, schema: { tags: ['services'], body: newServiceSchema, response: { 201: serviceSchema } } },
    async (request, reply) => reply.code(201).send(await createService(db, clock.now(), request.body)),
  );
  app.get(
    `${API_PREFIX}/services/:id`,
    { onRequest, schema: { tags: ['services'], params, response: { 200: serviceSchema } } },
    async (request) => valueOrThrow(await getService(db, request.params.id)),
  );
  app.patch(
    `${API_PREFIX}/services/:id`,
    {
      onRequest,
      schema: { tags: ['services'], params, body: servicePatchSchema, response: { 200: serviceSchema } },
    },
    async (request) => valueOrThrow(await updateService(db, clock.now(), request.params.id, request.body)),
  );
  app.delete(
    `${API_PREFIX}/services/:id`,
    { onRequest, schema: { tags: ['services'], params } },
    async (request, reply) => {
      valueOrThrow(await deleteService(db, request.params.id));
      return reply.code(204).send();
    },
  );

  app.get(
    `${API_PREFIX}/staff`,
    { onRequest, schema: { tags: ['staff'], response: { 200: z.array(staffMemberSchema) } } },
    () => listStaff(db),
  );
  app.post(
    `${API_PREFIX}/staff`,
    {
      onRequest,
      schema: { tags: ['staff'], body: newStaffMemberSchema, response: { 201: staffMemberSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(valueOrThrow(await createStaffMember(db, clock.now(), request.body))),
  );
  app.get(
    `${API_PREFIX}/staff/:id`,
    { onRequest, schema: { tags: ['staff'], params, response: { 200: staffMemberSchema } } },
    async (request) => valueOrThrow(await getStaffMember(db, request.params.id)),
  );
  app.patch(
    `${API_PREFIX}/staff/:id`,
    {
      onRequest,
      schema: { tags: ['staff'], params, body: staffMemberPatchSchema, response: { 200: staffMemberSchema } },
    },
    async (request) =>
      valueOrThrow(await updateStaffMember(db, clock.now(), request.params.id, request.body)),
  );
  app.delete(
    `${API_PREFIX}/staff/:id`,
    { onRequest, schema: { tags: ['staff'], params } },
    async (request, reply) => {
      valueOrThrow(await deleteStaffMember(db, request.params.id));
      return reply.code(204).send();
    },
  );

  app.get(
    `${API_PREFIX}/customers`,
    {
      onRequest,
      schema: {
        tags: ['customers'],
        querystring: z.strictObject({ search: singleLineField(100).optional() }),
        response: { 200: z.array(customerSchema) },
      },
    },
    (request) => listCustomers(db, request.query.search),
  );
  app.post(
    `${API_PREFIX}/customers`,
    {
      onRequest,
      schema: { tags: ['customers'], body: newCustomerSchema, response: { 201: customerSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(valueOrThrow(await createCustomer(db, clock.now(), request.body))),
  );
  app.get(
    `${API_PREFIX}/customers/:id`,
    { onRequest, schema: { tags: ['customers'], params, response: { 200: customerSchema } } },
    async (request) => valueOrThrow(await getCustomer(db, request.params.id)),
  );
  app.patch(
    `${API_PREFIX}/customers/:id`,
    {
      onRequest,
      schema: { tags: ['customers'], params, body: customerPatchSchema, response: { 200: customerSchema } },
    },
    async (request) => valueOrThrow(await updateCustomer(db, clock.now(), request.params.id, request.body)),
  );

  app.get(
    `${API_PREFIX}/blocked-events`,
    {
      onRequest,
      schema: {
        tags: ['blocked events'],
        querystring: blockedEventQuerySchema,
        response: { 200: z.array(blockedEventSchema) },
      },
    },
    (request) => listBlockedEvents(db, request.query),
  );
  app.post(
    `${API_PREFIX}/blocked-events`,
    {
      onRequest,
      schema: {
        tags: ['blocked events'],
        body: newBlockedEventSchema,
        response: { 201: blockedEventSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(valueOrThrow(await createBlockedEvent(db, clock.now(), request.body))),
  );
  app.delete(
    `${API_PREFIX}/blocked-events/:id`,
    { onRequest, schema: { tags: ['blocked events'], params } },
    async (request, reply) => {
      valueOrThrow(await deleteBlockedEvent(db, request.params.id));
      return reply.code(204).send();
    },
  );
}
