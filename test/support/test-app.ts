import type { LightMyRequestResponse } from 'fastify';
import { type AppOptions, buildApp } from '../../src/app.js';
import { createAdmin } from '../../src/auth/admin-sign-in.js';
import type { Store } from '../../src/db/dialect.js';
import type { App } from '../../src/http/app-context.js';
import { createAppMetrics } from '../../src/observability/app-metrics.js';
import type { Metrics } from '../../src/observability/metrics.js';
import { TestClock } from './test-clock.js';
import { createTestStore, type DatabaseKind, type TestStore } from './test-databases.js';

export const TEST_PUBLIC_URL = 'http://rebook.test';
export const TEST_ADMIN = { email: 'office@rebook.test', password: 'correct horse battery staple' };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'HEAD';

export interface TestApp {
  app: App;
  store: Store;
  database: TestStore;
  clock: TestClock;
  /** The first app's own registry (each app has one). */
  metrics: Metrics;
  token: string;
  /** An admin API call with the bearer token. */
  api(
    method: Method,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Another app on the same database, as a second process would run (its own connection pool). */
  startAnother(): Promise<App>;
  close(): Promise<void>;
}

export async function startTestApp(
  kind: DatabaseKind,
  now = '2026-12-01T08:00:00Z',
  options: AppOptions = {},
): Promise<TestApp> {
  const database = await createTestStore(kind);
  const clock = TestClock.at(now);
  const { store } = database;
  const metrics = createAppMetrics(store, clock);
  const app = await buildApp({ store, clock, publicUrl: TEST_PUBLIC_URL, metrics }, options);
  await createAdmin(store.db, clock, TEST_ADMIN.email, TEST_ADMIN.password);
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: TEST_ADMIN });
  const token = (signIn.json() as { token: string }).token;
  const apps: App[] = [app];
  return {
    app,
    store,
    database,
    clock,
    metrics,
    token,
    api(method, path, body, headers = {}) {
      return app.inject({
        method,
        url: `/api/v1${path}`,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
    async startAnother() {
      const anotherStore = await database.openAnother();
      const another = await buildApp(
        {
          store: anotherStore,
          clock,
          publicUrl: TEST_PUBLIC_URL,
          metrics: createAppMetrics(anotherStore, clock),
        },
        options,
      );
      apps.push(another);
      return another;
    },
    async close() {
      for (const each of apps) await each.close();
      await database.destroy();
    },
  };
}
