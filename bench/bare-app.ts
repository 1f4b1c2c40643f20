import Fastify, { type FastifyInstance } from 'fastify';
import { findBusyIntervals } from '../src/bookings/booking-repository.js';
import type { Store } from '../src/db/dialect.js';

/**
 * The baselines' server: a plain Fastify instance (no plugins, no schemas, no hooks) with nothing but the work
 * each baseline names: a hello route, and a route that only runs findBusyIntervals and returns the rows.
 */
export function bareApp(store: Store): FastifyInstance {
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  bare.get('/busy', async (request) => {
    const query = request.query as Record<string, string>;
    return findBusyIntervals(
      store.db,
      query.staffId ?? '',
      { start: Number(query.start), end: Number(query.end) },
      query.except ?? null,
    );
  });
  return bare;
}
