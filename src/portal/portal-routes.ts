import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isSameOriginWrite } from '../auth/admin-guard.js';
import type { ChangeOutcome } from '../bookings/booking-change.js';
import { bookingChangeHeadersSchema, versionFromIfMatch } from '../bookings/booking-schemas.js';
import { customerCancelBooking } from '../bookings/customer-cancel-booking.js';
import { customerRescheduleBooking } from '../bookings/customer-reschedule-booking.js';
import { declineRescheduleRequest } from '../bookings/end-reschedule-request.js';
import { findRescheduleSlots } from '../bookings/find-available-slots.js';
import { rescheduleRequestSchema, rescheduleRequestView } from '../bookings/reschedule-request-schemas.js';
import { scheduleAppointment } from '../bookings/schedule-appointment.js';
import { findServiceAvailability, listOfferedServices } from '../bookings/service-availability.js';
import { customerSchema, getCustomer } from '../catalog/customers.js';
import { valueOrThrow } from '../domain-error.js';
import {
  emailField,
  idField,
  instantField,
  instantOut,
  localDateField,
  textField,
  toIso,
} from '../field-schemas.js';
import { API_PREFIX, type App, type AppContext } from '../http/app-context.js';
import { limitPerClient } from '../http/client-rate-limit.js';
import { sendProblem } from '../http/error-handler.js';
import { webAppShell } from '../http/web-apps.js';
import { PORTAL_SIGN_IN_PER_CLIENT } from '../limits/rate-limits.js';
import { readSettings } from '../settings/settings-repository.js';
import { portalFirstPaint, withFirstPaint } from './first-paint.js';
import { grantBookingAccess, openBookingLink, openSignInLink } from './open-portal-links.js';
import { accessOf, requirePortalAccess } from './portal-access.js';
import {
  portalBookingSchema,
  portalBookingSummaries,
  portalBookingSummarySchema,
  portalBookingView,
  portalBookingViewOf,
} from './portal-booking-view.js';
import { CUSTOMER_COOKIE, closePortalSession } from './portal-session-repository.js';
import { portalBootstrap, portalPageTitle, renderPortalShell } from './portal-shell.js';
import { requestSignIn } from './request-sign-in.js';

const PORTAL = `${API_PREFIX}/portal`;

const bookingParams = z.strictObject({ id: idField });
const slotsSchema = z.object({
  timezone: z.string(),
  mode: z.enum(['real_time', 'working_hours']),
  slots: z.array(z.object({ startsAt: instantOut, endsAt: instantOut })),
});
/** A booking's times: with a change of staff member possible, each slot says with whom. */
const rescheduleSlotsSchema = slotsSchema.extend({
  slots: z.array(
    z.object({
      startsAt: instantOut,
      endsAt: instantOut,
      staffId: idField.optional(),
      staff: z.object({ name: z.string() }).optional(),
    }),
  ),
});
const staffSlotView = (slot: { startsAt: number; endsAt: number; staff?: { id: string; name: string } }) => ({
  ...slotView(slot),
  ...(slot.staff && { staffId: slot.staff.id, staff: { name: slot.staff.name } }),
});
const slotView = (slot: { startsAt: number; endsAt: number }) => ({
  startsAt: toIso(slot.startsAt),
  endsAt: toIso(slot.endsAt),
});
const dateRangeQuery = { from: localDateField, to: localDateField };
/** What the customer sees of a request they declined (not who else the office considered). */
const declinedRequestSchema = rescheduleRequestSchema.pick({
  id: true,
  bookingId: true,
  status: true,
  message: true,
  respondBy: true,
  suggestedTimes: true,
  createdAt: true,
  resolvedAt: true,
  responseMessage: true,
});
const declinedRequestView = (request: Parameters<typeof rescheduleRequestView>[0]) => {
  const {
    id,
    bookingId,
    status,
    message,
    respondBy,
    suggestedTimes,
    createdAt,
    resolvedAt,
    responseMessage,
  } = rescheduleRequestView(request);
  return {
    id,
    bookingId,
    status,
    message,
    respondBy,
    suggestedTimes,
    createdAt,
    resolvedAt,
    responseMessage,
  };
};

export function registerPortalRoutes(app: App, context: AppContext): void {
  const { store, clock, publicUrl } = context;
  const db = store.db;
  const secure = publicUrl.startsWith('https:');
  const html = webAppShell('portal');
  // Each page's HTML already shows the business's name, and a booking's page its service, date and time
  // (first-paint.ts), before any script runs; and it carries its language, title and what this browser may
  // read (portal-shell.ts).
  const shell = async (request: FastifyRequest, reply: FastifyReply, bookingId?: string) => {
    // One read of the settings for both (every portal page load comes here).
    const settings = await readSettings(context.store.db);
    const [page, bootstrap] = await Promise.all([
      portalFirstPaint(request, context, settings, bookingId),
      portalBootstrap(request, context, settings, bookingId),
    ]);
    const [path = '', query = ''] = request.url.split('?');
    const title = portalPageTitle(path, query, bootstrap);
    return html(reply, (index) =>
      renderPortalShell(withFirstPaint(index, page.settings, page.root, null), bootstrap, title),
    );
  };
  // Max-Age, not Expires: a browser counts it from when the cookie arrives, so a customer's wrong clock (or a
  // test's browser beside a server on a test clock) neither drops a live session nor keeps a dead one.
  const cookieOptions = (expiresAt: number) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    maxAge: Math.max(0, Math.floor((expiresAt - clock.now()) / 1000)),
  });
  const view = async (bookingId: string, customerId: string) =>
    valueOrThrow(await portalBookingView(db, bookingId, customerId, clock.now()));
  // A change answers from its own outcome: the booking as that change wrote it, with its own ETag.
  const changeView = (outcome: ChangeOutcome) => portalBookingViewOf(outcome, outcome.settings, outcome.now);

  // Pages. A booking link grants this browser that one booking, then drops the token from the address bar.
  // Opening it changes no booking, however often a person or a mail scanner opens it.
  app.get(
    '/portal/bookings/:id',
    {
      schema: {
        hide: true,
        params: bookingParams,
        querystring: z.object({
          token: z.string().max(200).optional(),
          // A suggested time from a reschedule request's email: the page shows it ready to confirm.
          startsAt: z.string().max(40).optional(),
        }),
      },
    },
    async (request, reply) => {
      const { token, startsAt } = request.query;
      if (token === undefined) return shell(request, reply, request.params.id);
      const link = { bookingId: request.params.id, token, client: request.ip };
      const granted = valueOrThrow(await openBookingLink(db, link, clock.now()));
      if (!granted) return reply.redirect('/portal/sign-in?link=expired', 303);
      reply.setCookie(granted.cookieName, granted.token, cookieOptions(granted.expiresAt));
      // Only a well-formed instant is carried over; opening the link changes nothing either way.
      const picked =
        startsAt !== undefined && instantField.safeParse(startsAt).success ? startsAt : undefined;
      const page = `/portal/bookings/${encodeURIComponent(request.params.id)}`;
      return reply.redirect(picked ? `${page}?startsAt=${encodeURIComponent(picked)}` : page, 303);
    },
  );
  app.get(
    '/portal/sign-in/verify',
    { schema: { hide: true, querystring: z.object({ token: z.string().max(200) }) } },
    async (request, reply) => {
      const link = { token: request.query.token, client: request.ip };
      const granted = valueOrThrow(await openSignInLink(db, link, clock.now()));
      if (!granted) return reply.redirect('/portal/sign-in?link=expired', 303);
      reply.setCookie(granted.cookieName, granted.token, cookieOptions(granted.expiresAt));
      return reply.redirect('/portal', 303);
    },
  );
  app.get('/portal', { schema: { hide: true } }, (request, reply) => shell(request, reply));
  app.get('/portal/*', { schema: { hide: true } }, (request, reply) => shell(request, reply));

  const tags = ['portal'];
  app.post(
    `${PORTAL}/sign-in`,
    {
      onRequest: limitPerClient(context, PORTAL_SIGN_IN_PER_CLIENT),
      schema: { tags, body: z.strictObject({ email: emailField }) },
    },
    async (request, reply) => {
      await requestSignIn(db, request.body.email, clock.now());
      return reply
        .code(202)
        .send({ message: 'If this email address has bookings with us, a sign-in link is on its way.' });
    },
  );
  app.post(`${PORTAL}/sign-out`, { schema: { tags } }, async (request, reply) => {
    if (!isSameOriginWrite(request, publicUrl)) {
      return sendProblem(reply, 403, 'forbidden', 'this change must come from the booking pages');
    }
    const token = request.cookies[CUSTOMER_COOKIE];
    if (token) await closePortalSession(db, token);
    reply.clearCookie(CUSTOMER_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  const signedIn = requirePortalAccess(context, 'signed-in');
  const forBooking = requirePortalAccess(context, 'booking');
  const anyCustomer = requirePortalAccess(context, 'any');

  app.get(
    `${PORTAL}/me`,
    { onRequest: signedIn, schema: { tags, response: { 200: customerSchema } } },
    async (request) => valueOrThrow(await getCustomer(db, accessOf(request).customerId)),
  );

  app.get(
    `${PORTAL}/bookings`,
    { onRequest: signedIn, schema: { tags, response: { 200: z.array(portalBookingSummarySchema) } } },
    async (request) => portalBookingSummaries(db, accessOf(request).customerId),
  );

  app.get(
    `${PORTAL}/bookings/:id`,
    {
      onRequest: forBooking,
      schema: { tags, params: bookingParams, response: { 200: portalBookingSchema } },
    },
    async (request, reply) => {
      const booking = await view(request.params.id, accessOf(request).customerId);
      return reply.header('etag', `"${booking.version}"`).send(booking);
    },
  );

  app.get(
    `${PORTAL}/bookings/:id/slots`,
    {
      onRequest: forBooking,
      schema: {
        tags,
        params: bookingParams,
        querystring: z.strictObject(dateRangeQuery),
        response: { 200: rescheduleSlotsSchema },
      },
    },
    async (request) => {
      const answer = valueOrThrow(
        await findRescheduleSlots(context, {
          bookingId: request.params.id,
          customerId: accessOf(request).customerId,
          fromDate: request.query.from,
          toDate: request.query.to,
        }),
      );
      return { timezone: answer.timeZone, mode: answer.mode, slots: answer.slots.map(staffSlotView) };
    },
  );

  app.post(
    `${PORTAL}/bookings/:id/reschedule`,
    {
      onRequest: forBooking,
      schema: {
        tags,
        params: bookingParams,
        headers: bookingChangeHeadersSchema,
        body: z.strictObject({
          startsAt: instantField,
          reason: textField(500).nullable().optional(),
          /** Another staff member who performs the service, where the customer may choose. */
          staffId: idField.optional(),
        }),
        response: { 200: portalBookingSchema },
      },
    },
    async (request, reply) => {
      const access = accessOf(request);
      const key = request.headers['idempotency-key'];
      const moved = valueOrThrow(
        await customerRescheduleBooking(
          context,
          access,
          {
            bookingId: request.params.id,
            startsAt: request.body.startsAt,
            reason: request.body.reason ?? null,
            staffId: request.body.staffId ?? null,
            expectedVersion: versionFromIfMatch(request.headers['if-match']),
          },
          key === undefined
            ? undefined
            : { scope: `portal-reschedule:${request.params.id}`, key, body: request.body },
        ),
      );
      const booking = changeView(moved);
      return reply.header('etag', `"${booking.version}"`).send(booking);
    },
  );

  app.post(
    `${PORTAL}/bookings/:id/reschedule-request/decline`,
    {
      onRequest: forBooking,
      schema: {
        tags,
        params: bookingParams,
        body: z.strictObject({ message: textField(1000).nullable().optional() }).nullish(),
        response: { 200: declinedRequestSchema },
      },
    },
    async (request) => {
      const declined = valueOrThrow(
        await declineRescheduleRequest(
          context,
          accessOf(request),
          request.params.id,
          request.body?.message ?? null,
        ),
      );
      return declinedRequestView(declined);
    },
  );

  app.post(
    `${PORTAL}/bookings/:id/cancel`,
    {
      onRequest: forBooking,
      schema: {
        tags,
        params: bookingParams,
        headers: bookingChangeHeadersSchema,
        body: z.strictObject({ reason: textField(500).nullable().optional() }).nullish(),
        response: { 200: portalBookingSchema },
      },
    },
    async (request) => {
      const access = accessOf(request);
      const cancelled = valueOrThrow(
        await customerCancelBooking(context, access, {
          bookingId: request.params.id,
          reason: request.body?.reason ?? null,
          expectedVersion: versionFromIfMatch(request.headers['if-match']),
        }),
      );
      return changeView(cancelled);
    },
  );

  app.get(
    `${PORTAL}/services`,
    {
      onRequest: anyCustomer,
      schema: {
        tags,
        response: {
          200: z.array(z.object({ id: idField, name: z.string(), durationMinutes: z.number().int() })),
        },
      },
    },
    () => listOfferedServices(db),
  );

  app.get(
    `${PORTAL}/availability`,
    {
      onRequest: anyCustomer,
      schema: {
        tags,
        querystring: z.strictObject({ serviceId: idField, ...dateRangeQuery }),
        response: { 200: slotsSchema },
      },
    },
    async (request) => {
      const answer = valueOrThrow(
        await findServiceAvailability(
          { db, clock },
          { serviceId: request.query.serviceId, fromDate: request.query.from, toDate: request.query.to },
        ),
      );
      return { timezone: answer.timeZone, mode: answer.mode, slots: answer.slots.map(slotView) };
    },
  );

  app.post(
    `${PORTAL}/bookings`,
    {
      onRequest: anyCustomer,
      schema: {
        tags,
        headers: bookingChangeHeadersSchema,
        body: z.strictObject({
          serviceId: idField,
          startsAt: instantField,
          notes: textField(2000).nullable().optional(),
        }),
        response: { 201: portalBookingSchema },
      },
    },
    async (request, reply) => {
      const access = accessOf(request);
      const key = request.headers['idempotency-key'];
      const outcome = valueOrThrow(
        await scheduleAppointment(
          context,
          access,
          {
            serviceId: request.body.serviceId,
            startsAt: request.body.startsAt,
            notes: request.body.notes ?? null,
          },
          key === undefined
            ? undefined
            : { scope: `portal-book:${access.customerId}`, key, body: request.body },
        ),
      );
      // A customer who came by a booking link can open the new booking too.
      if (access.bookingId !== null) {
        const granted = await grantBookingAccess(db, outcome.booking, outcome.now);
        if (granted) reply.setCookie(granted.cookieName, granted.token, cookieOptions(granted.expiresAt));
      }
      return reply.code(201).send(changeView(outcome));
    },
  );
}
