import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/app-context.js';
import { sendProblem } from '../http/error-handler.js';
import { type AdminIdentity, authenticate } from './admin-sign-in.js';

export const ADMIN_SESSION_COOKIE = 'rebook_admin';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    admin?: AdminIdentity;
  }
}

/** A request made with a cookie must come from our own pages: a browser always sends Origin on such requests. */
export function isSameOriginWrite(request: FastifyRequest, publicUrl: string): boolean {
  return SAFE_METHODS.has(request.method) || request.headers.origin === publicUrl;
}

/** onRequest hook for every admin route: a bearer token, or the admin session cookie. */
export function requireAdmin(context: AppContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const { store, clock } = context;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const admin = await authenticate(store.db, clock, bearer, 'api_token');
      if (!admin) return sendProblem(reply, 401, 'unauthorized', 'the token is not valid or has expired');
      request.admin = admin;
      return;
    }
    const session = request.cookies[ADMIN_SESSION_COOKIE];
    if (session) {
      const admin = await authenticate(store.db, clock, session, 'session');
      if (!admin) return sendProblem(reply, 401, 'unauthorized', 'your session has ended: sign in again');
      if (!isSameOriginWrite(request, context.publicUrl)) {
        return sendProblem(reply, 403, 'forbidden', 'this change must come from the Rebook pages');
      }
      request.admin = admin;
      return;
    }
    return sendProblem(reply, 401, 'unauthorized', 'sign in first: send Authorization: Bearer <token>');
  };
}
