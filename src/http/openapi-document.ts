import { buildApp } from '../app.js';
import { systemClock } from '../clock.js';
import { openStore } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrations.js';
import { createAppMetrics } from '../observability/app-metrics.js';

/**
 * The OpenAPI document the server builds from its Zod schemas, as `/api/docs` serves it. Built on an
 * in-memory database: the document depends on the routes, never on the data.
 */
export async function buildOpenApiDocument(): Promise<unknown> {
  const store = await openStore({ kind: 'sqlite', path: ':memory:' });
  try {
    await migrateToLatest(store);
    const app = await buildApp({
      store,
      clock: systemClock,
      publicUrl: 'http://127.0.0.1',
      metrics: createAppMetrics(store, systemClock),
    });
    try {
      return app.swagger();
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}
