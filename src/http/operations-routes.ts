import { createHash, timingSafeEqual } from 'node:crypto';
import { databaseAnswers } from '../db/dialect.js';
import type { App, AppContext } from './app-context.js';
import { sendDatabaseUnavailable, sendProblem } from './error-handler.js';

/**
 * `/healthz`: the process serves (a restart would not help while only the database is away).
 * `/readyz`: the database answers too, so a load balancer can send traffic here.
 * `/metrics`: Prometheus text; behind `Authorization: Bearer <METRICS_TOKEN>` when a token is configured.
 */
export function registerOperationsRoutes(
  app: App,
  context: Pick<AppContext, 'store' | 'metrics'>,
  metricsToken: string | undefined,
): void {
  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    if (await databaseAnswers(context.store)) return { status: 'ok' };
    return sendDatabaseUnavailable(reply);
  });
  const allowed = metricsToken === undefined ? () => true : bearerMatcher(metricsToken);
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request.headers.authorization)) {
      return sendProblem(
        reply.header('www-authenticate', 'Bearer'),
        401,
        'unauthorized',
        'send Authorization: Bearer <METRICS_TOKEN>',
      );
    }
    const { contentType, body } = await context.metrics.exposition();
    return reply.type(contentType).header('cache-control', 'no-store').send(body);
  });
}

/** Compares digests, so the time taken says nothing about how much of the token was right. */
function bearerMatcher(token: string): (authorization: string | undefined) => boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const expected = digest(`Bearer ${token}`);
  return (authorization) => authorization !== undefined && timingSafeEqual(digest(authorization), expected);
}
