import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { memoryTransport } from '../src/email/mail-transport.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

interface Operation {
  method: string;
  path: string;
}

/** Every operation the OpenAPI document lists, with path parameters filled in. */
async function operations(t: TestApp): Promise<Operation[]> {
  const document = (await t.app.inject({ method: 'GET', url: '/api/docs' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{[^}]+\}/g, (name) => (name === '{kind}' ? 'booking_confirmation' : 'some-id')),
    })),
  );
}

const cookieOf = (response: LightMyRequestResponse, name: string) =>
  response.cookies.find((cookie) => cookie.name === name)?.value;

describeEachDatabase('security', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  let bookingId: string;
  let bookingCookie: string;
  const mail = memoryTransport();

  const deliver = () =>
    dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport: mail,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: undefined,
    });
  const linkIn = (text: string) =>
    /http:\/\/rebook\.test\/portal\/bookings\/[^\s"?]+\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];

  beforeAll(async () => {
    t = await startTestApp(kind);
    business = await setUpBusiness(t);
    const booking = await book(t, business, '2026-12-10T15:00:00Z');
    bookingId = booking.id;
    await deliver();
    const link = linkIn(mail.sent.at(-1)?.text ?? '') as string;
    const opened = await t.app.inject({ method: 'GET', url: link.replace(TEST_PUBLIC_URL, '') });
    bookingCookie = `rebook_booking_${bookingId}=${cookieOf(opened, `rebook_booking_${bookingId}`)}`;
  });
  afterAll(() => t.close());

  it('refuses anonymous and customer callers on every admin route', async () => {
    // What anyone may read outside the portal and sign-in: the business's logo (its pages and emails show it).
    const everyones = ['GET /api/v1/branding/logo'];
    const adminOperations = (await operations(t)).filter(
      (operation) =>
        !operation.path.startsWith('/api/v1/portal') &&
        !operation.path.startsWith('/api/v1/auth') &&
        !everyones.includes(`${operation.method} ${operation.path}`),
    );
    expect(adminOperations.length).toBeGreaterThan(25);
    for (const operation of adminOperations) {
      for (const headers of [{}, { cookie: bookingCookie, origin: TEST_PUBLIC_URL }]) {
        const response = await t.app.inject({
          method: operation.method as 'GET',
          url: operation.path,
          headers,
          ...(operation.method === 'GET' || operation.method === 'DELETE' ? {} : { payload: {} }),
        });
        expect(response.statusCode, `${operation.method} ${operation.path}`).toBe(401);
      }
    }
  });

  it('never accepts guessed booking tokens, and slows a guesser down with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 500; i++) {
      const guess = Buffer.from(`guess-${i}-${'x'.repeat(20)}`).toString('base64url');
      // From its own address, so the limit it runs into is its own.
      const response = await t.app.inject({
        method: 'GET',
        url: `/portal/bookings/${bookingId}?token=${guess}`,
        remoteAddress: '192.0.2.66',
      });
      statuses.push(response.statusCode);
      expect(response.cookies.some((cookie) => cookie.name.startsWith('rebook_booking_'))).toBe(false);
      if (response.statusCode === 303) expect(response.headers.location).toBe('/portal/sign-in?link=expired');
    }
    expect(statuses.filter((status) => status === 303)).toHaveLength(60);
    expect(statuses.filter((status) => status === 429)).toHaveLength(440);
  });

  it('changes nothing on GET or HEAD of any portal URL, as mail scanners open links', async () => {
    const before = await t.store.db.selectFrom('bookings').selectAll().orderBy('id').execute();
    const urls = [
      `/portal/bookings/${bookingId}`,
      '/portal',
      '/portal/sign-in',
      `/api/v1/portal/bookings/${bookingId}`,
      `/api/v1/portal/bookings/${bookingId}/slots?from=2026-12-10&to=2026-12-12`,
      '/api/v1/portal/services',
    ];
    for (const url of urls) {
      for (const method of ['GET', 'HEAD'] as const) {
        const response = await t.app.inject({ method, url, headers: { cookie: bookingCookie } });
        expect(response.statusCode, `${method} ${url}`).toBeLessThan(400);
      }
    }
    expect(await t.store.db.selectFrom('bookings').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('refuses a cross-origin change made with a customer cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/bookings/${bookingId}/cancel`,
      headers: { cookie: bookingCookie, origin: 'https://evil.example' },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
    const booking = (await t.api('GET', `/bookings/${bookingId}`)).json();
    expect(booking.status).toBe('confirmed');
  });

  it('builds emailed links from PUBLIC_URL, never from a spoofed Host header', async () => {
    const before = mail.sent.length;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: {
        authorization: `Bearer ${t.token}`,
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
      },
      payload: {
        customerId: business.customerId,
        serviceId: business.serviceId,
        staffId: business.staffId,
        startsAt: '2026-12-11T15:00:00Z',
      },
    });
    expect(response.statusCode).toBe(201);
    await deliver();
    const sent = mail.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(linkIn(sent[0]?.text ?? '')).toMatch(/^http:\/\/rebook\.test\//);
    expect(`${sent[0]?.html}${sent[0]?.text}`).not.toContain('evil.example');
  });

  it('keeps injection strings literal in emails and refuses line breaks in names', async () => {
    const lineBreak = await t.api('POST', '/customers', {
      name: 'Eve\r\nBcc: victim@example.com',
      email: 'eve@example.com',
    });
    expect(lineBreak.statusCode).toBe(422);
    expect(lineBreak.json().errors[0].field).toBe('name');
    const customer = await t.api('POST', '/customers', {
      name: '<img src=x onerror=alert(1)> {{7*7}} {% raw %}',
      email: 'mallory@example.com',
    });
    expect(customer.statusCode).toBe(201);
    const before = mail.sent.length;
    await book(t, business, '2026-12-14T15:00:00Z', {
      customerId: customer.json().id,
      notes: '<script>steal()</script>',
    });
    await deliver();
    const [sent] = mail.sent.slice(before);
    expect(sent?.html).toContain('&lt;img src=x onerror=alert(1)&gt; {{7*7}} {% raw %}');
    expect(sent?.html).not.toContain('<img src=x');
    expect(sent?.html).not.toContain('<script>steal()');
    expect(sent?.subject).not.toMatch(/[\r\n]/);
  });

  describe('headers', () => {
    it('sends CSP, no framing, nosniff and no referrer on portal pages, and no-store on booking pages', async () => {
      const page = await t.app.inject({
        method: 'GET',
        url: `/portal/bookings/${bookingId}`,
        headers: { cookie: bookingCookie },
      });
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['cache-control']).toBe('no-store');
      const api = await t.app.inject({
        method: 'GET',
        url: `/api/v1/portal/bookings/${bookingId}`,
        headers: { cookie: bookingCookie },
      });
      expect(api.headers['cache-control']).toBe('no-store');
      expect(api.headers['referrer-policy']).toBe('no-referrer');
      const admin = await t.app.inject({ method: 'GET', url: '/admin' });
      expect(admin.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(admin.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});
