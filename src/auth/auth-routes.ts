import { z } from 'zod';
import { valueOrThrow } from '../domain-error.js';
import { emailField } from '../field-schemas.js';
import { API_PREFIX, type App, type AppContext } from '../http/app-context.js';
import { limitPerClient } from '../http/client-rate-limit.js';
import { sendProblem } from '../http/error-handler.js';
import { ADMIN_SIGN_IN_PER_CLIENT } from '../limits/rate-limits.js';
import { ADMIN_SESSION_COOKIE, isSameOriginWrite } from './admin-guard.js';
import { signIn, signOut } from './admin-sign-in.js';

const credentialsSchema = z.strictObject({ email: emailField, password: z.string().min(1).max(200) });

export function registerAuthRoutes(app: App, context: AppContext): void {
  const { store, clock, publicUrl } = context;
  const secureCookie = publicUrl.startsWith('https:');
  // Per client here; per account (from any client) in signIn.
  const onRequest = limitPerClient(context, ADMIN_SIGN_IN_PER_CLIENT);

  app.post(
    `${API_PREFIX}/auth/tokens`,
    {
      onRequest,
      schema: {
        tags: ['auth'],
        body: credentialsSchema,
        response: { 201: z.object({ token: z.string(), expiresAt: z.iso.datetime() }) },
      },
    },
    async (request, reply) => {
      const issued = valueOrThrow(await signIn(store.db, clock, request.body, 'api_token'));
      return reply
        .code(201)
        .send({ token: issued.token, expiresAt: new Date(issued.expiresAt).toISOString() });
    },
  );

  app.post(
    `${API_PREFIX}/auth/session`,
    {
      onRequest,
      schema: {
        tags: ['auth'],
        body: credentialsSchema,
        response: { 201: z.object({ expiresAt: z.iso.datetime() }) },
      },
    },
    async (request, reply) => {
      const issued = valueOrThrow(await signIn(store.db, clock, request.body, 'session'));
      reply.setCookie(ADMIN_SESSION_COOKIE, issued.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie,
      });
      return reply.code(201).send({ expiresAt: new Date(issued.expiresAt).toISOString() });
    },
  );

  app.delete(`${API_PREFIX}/auth/session`, { schema: { tags: ['auth'] } }, async (request, reply) => {
    const session = request.cookies[ADMIN_SESSION_COOKIE];
    if (session && !isSameOriginWrite(request, publicUrl)) {
      return sendProblem(reply, 403, 'forbidden', 'this change must come from the Rebook pages');
    }
    if (session) await signOut(store.db, session);
    reply.clearCookie(ADMIN_SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
