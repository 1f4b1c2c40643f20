import { createServer } from 'node:net';
import { buildApp } from '../../src/app.js';
import { createAdmin } from '../../src/auth/admin-sign-in.js';
import { dispatchDueEmails } from '../../src/email/dispatch-outbox.js';
import { type MailTransport, smtpTransport } from '../../src/email/mail-transport.js';
import type { App } from '../../src/http/app-context.js';
import { createAppMetrics } from '../../src/observability/app-metrics.js';
import { SmtpSink } from './smtp-sink.js';
import { TEST_ADMIN } from './test-app.js';
import { TestClock } from './test-clock.js';
import { createTestStore, type DatabaseKind, type TestStore } from './test-databases.js';

export interface E2eServer {
  baseUrl: string;
  app: App;
  database: TestStore;
  clock: TestClock;
  sink: SmtpSink;
  /** An admin bearer token, for setting up data through the API. */
  token: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint they call returns.
  api(method: string, path: string, body?: unknown): Promise<{ status: number; json: () => Promise<any> }>;
  /** Sends every email that is due, through the real SMTP sink. */
  deliverMail(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real app on a real port, for the browser: the built pages (run `vite build` first; `npm test` does),
 * a fresh database, a clock the test controls, and mail to a real SMTP sink.
 */
export async function startE2eServer(
  kind: DatabaseKind = 'sqlite',
  now = '2026-12-01T14:00:00Z',
): Promise<E2eServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const database = await createTestStore(kind);
  const clock = TestClock.at(now);
  const app = await buildApp({
    store: database.store,
    clock,
    publicUrl: baseUrl,
    metrics: createAppMetrics(database.store, clock),
  });
  await app.listen({ port, host: '127.0.0.1' });
  await createAdmin(database.store.db, clock, TEST_ADMIN.email, TEST_ADMIN.password);
  const sink = await SmtpSink.start();
  const transport: MailTransport = smtpTransport(sink.url);
  const signIn = await fetch(`${baseUrl}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(TEST_ADMIN),
  });
  const { token } = (await signIn.json()) as { token: string };
  return {
    baseUrl,
    app,
    database,
    clock,
    sink,
    token,
    async api(method, path, body) {
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: () => response.json() };
    },
    async deliverMail() {
      await dispatchDueEmails({
        store: database.store,
        clock,
        transport,
        publicUrl: baseUrl,
        mailFrom: { name: 'Test Cleaning', address: 'bookings@rebook.test' },
      });
    },
    async close() {
      transport.close();
      await sink.stop();
      await app.close();
      await database.destroy();
    },
  };
}
