import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AppOptions, buildApp } from '../src/app.js';
import { mintBookingLink } from '../src/bookings/booking-link-repository.js';
import type { App } from '../src/http/app-context.js';
import { deleteExpiredRateLimits } from '../src/limits/rate-limit-repository.js';
import { createAppMetrics } from '../src/observability/app-metrics.js';
import { createLogger } from '../src/observability/logger.js';
import { book, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, TEST_ADMIN, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

const MINUTE = 60_000;

describeEachDatabase('rate limits shared by every process on one database', (kind) => {
  let t: TestApp;
  let other: App;
  let bookingId: string;
  let validToken: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    other = await t.startAnother();
    const business = await setUpBusiness(t);
    bookingId = (await book(t, business, '2026-12-10T15:00:00Z')).id;
    validToken = (await mintBookingLink(t.store.db, TEST_PUBLIC_URL, bookingId, t.clock.now())).token;
  });
  afterAll(() => t.close());

  /** Each test starts in a fresh window: limits from the one before have run out. */
  const nextWindow = () => t.clock.advance(16 * MINUTE);

  const signIn = (app: App, email: string, password: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { email, password }, remoteAddress });
  const statusesOf = (responses: LightMyRequestResponse[]) =>
    responses.map((response) => response.statusCode);

  it('locks an admin account after 10 failed sign-ins within 15 minutes, from any address and process', async () => {
    nextWindow();
    const failures: LightMyRequestResponse[] = [];
    for (let i = 0; i < 10; i++) {
      const app = i % 2 === 0 ? t.app : other;
      failures.push(await signIn(app, TEST_ADMIN.email, `wrong-${i}`, `198.51.100.${i + 1}`));
    }
    expect(statusesOf(failures)).toEqual(Array<number>(10).fill(401));

    // The 11th is refused even with the right password, from an address never seen before.
    t.clock.advance(5 * MINUTE);
    const locked = await signIn(other, TEST_ADMIN.email, TEST_ADMIN.password, '203.0.113.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(locked.json().code).toBe('too_many_attempts');
    expect(locked.headers['retry-after']).toBe('600');
    t.clock.advance(9 * MINUTE + 59_000);
    const stillLocked = await signIn(t.app, TEST_ADMIN.email, TEST_ADMIN.password, '203.0.113.10');
    expect([stillLocked.statusCode, stillLocked.headers['retry-after']]).toEqual([429, '1']);

    // Another account is not affected.
    expect((await signIn(t.app, 'someone@rebook.test', 'wrong', '203.0.113.11')).statusCode).toBe(401);

    // Fifteen minutes after the first failure the window has run out.
    t.clock.advance(1000);
    expect((await signIn(other, TEST_ADMIN.email, TEST_ADMIN.password, '203.0.113.12')).statusCode).toBe(201);
  });

  it('neither counts a successful sign-in nor lets it clear the failures before it', async () => {
    nextWindow();
    const attempt = (password: string, i: number) =>
      signIn(i % 2 === 0 ? t.app : other, TEST_ADMIN.email, password, `198.51.100.${50 + i}`);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await attempt('wrong', i)).statusCode);
    statuses.push((await attempt(TEST_ADMIN.password, 9)).statusCode);
    statuses.push((await attempt('wrong', 10)).statusCode);
    statuses.push((await attempt(TEST_ADMIN.password, 11)).statusCode);
    expect(statuses).toEqual([...Array<number>(9).fill(401), 201, 401, 429]);
  });

  it('checks no more than 10 passwords of one account, however many arrive at once', async () => {
    nextWindow();
    const attempts = Array.from({ length: 30 }, (_, i) =>
      signIn(i % 2 === 0 ? t.app : other, 'target@rebook.test', `guess-${i}`, `192.0.2.${i + 1}`),
    );
    const statuses = statusesOf(await Promise.all(attempts));
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
  });

  it('limits sign-in emails from one client across both processes', async () => {
    nextWindow();
    const request = (app: App) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/portal/sign-in',
        payload: { email: 'nobody@example.com' },
        remoteAddress: '198.51.100.200',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await request(i < 3 ? t.app : other)).statusCode);
    const limited = await request(other);
    expect(statuses).toEqual([202, 202, 202, 202, 202]);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('60');
  });

  it('limits wrong link tokens, but never refuses a valid one', async () => {
    nextWindow();
    const open = (app: App, token: string) =>
      app.inject({
        method: 'GET',
        url: `/portal/bookings/${bookingId}?token=${token}`,
        remoteAddress: '198.51.100.201',
      });
    const guesses: number[] = [];
    for (let i = 0; i < 62; i++) {
      guesses.push((await open(i % 2 === 0 ? t.app : other, `guess-${i}-${'x'.repeat(30)}`)).statusCode);
    }
    expect(guesses).toEqual([...Array<number>(60).fill(303), 429, 429]);
    for (const app of [t.app, other]) {
      const genuine = await open(app, validToken);
      expect(genuine.statusCode).toBe(303);
      expect(genuine.headers.location).toBe(`/portal/bookings/${bookingId}`);
      expect(genuine.cookies.some((cookie) => cookie.name === `rebook_booking_${bookingId}`)).toBe(true);
    }
    expect((await open(other, 'yet-another-guess-xxxxxxxxxxxxxxxx')).statusCode).toBe(429);
    // A sign-in link guesser runs into the same limit.
    const verify = await t.app.inject({
      method: 'GET',
      url: '/portal/sign-in/verify?token=guess',
      remoteAddress: '198.51.100.201',
    });
    expect(verify.statusCode).toBe(429);
  });

  it('forgets windows that have run out when housekeeping asks', async () => {
    nextWindow();
    await signIn(t.app, 'forget@rebook.test', 'wrong', '198.51.100.250');
    const countRows = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('rate_limit_counters')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countRows();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await deleteExpiredRateLimits(t.store.db, t.clock.now())).toBe(before - 2);
    expect(await countRows()).toBe(2);
    expect(await deleteExpiredRateLimits(t.store.db, t.clock.now() + 15 * MINUTE)).toBe(2);
    expect(await countRows()).toBe(0);
  });
});

describeEachDatabase('TRUST_PROXY', (kind) => {
  let t: TestApp;
  const apps: App[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t.close();
  });

  async function appTrusting(
    trustProxy: AppOptions['trustProxy'],
    logger?: AppOptions['logger'],
  ): Promise<App> {
    const app = await buildApp(
      {
        store: t.store,
        clock: t.clock,
        publicUrl: TEST_PUBLIC_URL,
        metrics: createAppMetrics(t.store, t.clock),
      },
      { trustProxy, ...(logger && { logger }) },
    );
    apps.push(app);
    return app;
  }

  /** Six sign-in email requests from one peer; which client each one is from, the app decides. */
  async function sixRequests(app: App, peer: string, forwardedFor: (i: number) => string): Promise<number[]> {
    t.clock.advance(2 * MINUTE);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/portal/sign-in',
        payload: { email: 'nobody@example.com' },
        remoteAddress: peer,
        headers: { 'x-forwarded-for': forwardedFor(i) },
      });
      statuses.push(response.statusCode);
    }
    return statuses;
  }
  const LIMITED = [202, 202, 202, 202, 202, 429];
  const NOT_LIMITED = [202, 202, 202, 202, 202, 202];

  it('unset: the peer is the client, whatever X-Forwarded-For says', async () => {
    const app = await appTrusting(undefined);
    expect(await sixRequests(app, '10.0.0.1', (i) => `203.0.113.${i}`)).toEqual(LIMITED);
  });

  it('a list of proxies: their X-Forwarded-For is believed, anyone else is the client', async () => {
    const app = await appTrusting({ addresses: ['10.0.0.0/24', '192.0.2.7'] });
    expect(await sixRequests(app, '10.0.0.2', (i) => `203.0.113.${i}`)).toEqual(NOT_LIMITED);
    expect(await sixRequests(app, '192.0.2.7', (i) => `203.0.113.${i}`)).toEqual(NOT_LIMITED);
    expect(await sixRequests(app, '10.0.0.2', () => '203.0.113.77')).toEqual(LIMITED);
    expect(await sixRequests(app, '10.0.1.2', (i) => `203.0.113.${i}`)).toEqual(LIMITED);
  });

  it('a hop count: the address that many proxies in is the client; what the client wrote before it is not', async () => {
    const app = await appTrusting({ hops: 1 });
    expect(await sixRequests(app, '10.0.0.3', (i) => `198.51.100.${i}, 203.0.113.${i}`)).toEqual(NOT_LIMITED);
    expect(await sixRequests(app, '10.0.0.3', (i) => `198.51.100.${i}, 203.0.113.99`)).toEqual(LIMITED);
  });

  it('logs the client it counted: the forwarded address from a trusted proxy, the peer otherwise', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', 'app', { write: (line: string) => void lines.push(line) });
    const app = await appTrusting({ addresses: ['10.0.0.5'] }, logger);
    for (const peer of ['10.0.0.5', '10.0.0.6']) {
      await app.inject({
        method: 'GET',
        url: '/healthz',
        remoteAddress: peer,
        headers: { 'x-forwarded-for': '203.0.113.50' },
      });
    }
    const accessLines = lines
      .map((line) => JSON.parse(line) as { msg: string; ip?: string })
      .filter((line) => line.msg === 'request');
    expect(accessLines.map((line) => line.ip)).toEqual(['203.0.113.50', '10.0.0.6']);
  });

  it('true: every X-Forwarded-For is believed', async () => {
    const app = await appTrusting(true);
    expect(await sixRequests(app, '10.9.9.9', (i) => `203.0.113.${i + 100}`)).toEqual(NOT_LIMITED);
  });
});
