import BetterSqlite3 from 'better-sqlite3';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BusinessFixture, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

function expectDatabaseUnavailable(response: LightMyRequestResponse) {
  expect(response.statusCode).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['retry-after']).toBe('2');
  expect(response.json()).toMatchObject({ status: 503, code: 'database_unavailable' });
}

const newCustomer = (name: string) => ({ name, email: `${name.toLowerCase()}@example.com` });

/**
 * A database that goes away under a request fails that request with 503 and nothing else: the process lives
 * on (an unhandled `error` event of a pg client would end this test process), and the next request succeeds.
 */
describeEachDatabase('database outage', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  beforeAll(async () => {
    t = await startTestApp(kind);
    business = await setUpBusiness(t);
  });
  afterAll(() => t.close());

  it('answers /healthz without the database and /readyz with it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ok' }]);
  });

  if (kind === 'sqlite') {
    it('answers 503 while another process holds the file locked longer than the busy timeout', async () => {
      if (t.database.location.kind !== 'sqlite') throw new Error('expected SQLite');
      await sql`PRAGMA busy_timeout = 100`.execute(t.store.db);
      const other = new BetterSqlite3(t.database.location.path);
      try {
        other.exec('BEGIN EXCLUSIVE');
        expectDatabaseUnavailable(await t.api('POST', '/customers', newCustomer('Locked')));
        other.exec('ROLLBACK');
        expect((await t.api('POST', '/customers', newCustomer('Unlocked'))).statusCode).toBe(201);
      } finally {
        other.close();
        await sql`PRAGMA busy_timeout = 10000`.execute(t.store.db);
      }
    });
  }

  if (kind === 'postgres') {
    it('answers 503 to the change whose connection the server ends mid-transaction, then serves again', async () => {
      if (t.database.location.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const database = new URL(t.database.location.url).pathname.slice(1);
      const locker = new pg.Client({ connectionString: t.database.location.url });
      // Another session: pg_stat_activity is read once per transaction, and the locker's stays open.
      const watcher = new pg.Client({ connectionString: t.database.location.url });
      await locker.connect();
      await watcher.connect();
      try {
        // Hold the booking's transaction on a lock, so its connection is checked out when the server ends it.
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE bookings IN ACCESS EXCLUSIVE MODE');
        // inject() sends when awaited: start it now.
        const pending = Promise.resolve(
          t.api('POST', '/bookings', {
            customerId: business.customerId,
            serviceId: business.serviceId,
            staffId: business.staffId,
            startsAt: '2026-12-10T15:00:00Z',
          }),
        );
        await waitFor(async () => {
          const waiting = await watcher.query(
            `select count(*)::int as n from pg_stat_activity
              where datname = $1 and wait_event_type = 'Lock'`,
            [database],
          );
          return waiting.rows[0].n > 0;
        });
        await watcher.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where datname = $1 and pid not in (pg_backend_pid(), $2)`,
          [database, (await locker.query('select pg_backend_pid() as pid')).rows[0].pid],
        );
        expectDatabaseUnavailable(await pending);
        await locker.query('ROLLBACK');
      } finally {
        await locker.end();
        await watcher.end();
      }
      const bookings = await t.api('GET', '/bookings');
      expect([bookings.statusCode, bookings.json()]).toEqual([200, []]);
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    });
  }
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
