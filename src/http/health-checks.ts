import { databaseAnswers } from '../db/dialect.js';
import type { App, AppContext } from './app-context.js';
import { sendDatabaseUnavailable } from './error-handler.js';

/**
 * `/healthz`: the process serves (a restart would not help while only the database is away).
 * `/readyz`: the database answers too, so a load balancer can send traffic here.
 */
export function registerHealthChecks(app: App, context: Pick<AppContext, 'store'>): void {
  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    if (await databaseAnswers(context.store)) return { status: 'ok' };
    return sendDatabaseUnavailable(reply);
  });
}
