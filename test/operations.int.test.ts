import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { memoryTransport } from '../src/email/mail-transport.js';
import { createLogger } from '../src/observability/logger.js';
import { book, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';

const METRICS_TOKEN = 'metrics-secret-for-tests';

/** Log lines written by the app, parsed. */
function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { lines, raw, logger: createLogger('info', 'app', stream) };
}

/** `name{labels} value` lines of the Prometheus text format, labels as an object. */
function samples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .map((line) => {
      const match = /^[a-z_]+(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[1] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]),
      );
      return { labels, value: Number(match[2]) };
    });
}

describe('metrics and access log', () => {
  let t: TestApp;
  const log = memoryLog();
  const mail = memoryTransport();
  let link: string;

  const scrape = () =>
    t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });

  beforeAll(async () => {
    t = await startTestApp('sqlite', '2026-12-01T08:00:00Z', {
      logger: log.logger,
      metricsToken: METRICS_TOKEN,
    });
    const business = await setUpBusiness(t);
    const booking = await book(t, business, '2026-12-10T15:00:00Z');
    const moved = await t.api('POST', `/bookings/${booking.id}/reschedule`, {
      startsAt: '2026-12-10T17:00:00Z',
    });
    expect(moved.statusCode).toBe(200);
    const taken = await t.api('POST', `/bookings/${booking.id}/reschedule`, {
      startsAt: '2026-12-10T17:00:00Z',
    });
    expect(taken.statusCode).toBe(422);
    expect((await t.api('GET', '/bookings/no-such-booking')).statusCode).toBe(404);
    // Four emails queued (confirmation, rescheduled): two sent now, so the outbox holds none after.
    t.clock.advance(10 * 60_000);
    const before = await scrape();
    expect(samples(before.body, 'rebook_outbox_pending')).toEqual([{ labels: {}, value: 2 }]);
    expect(samples(before.body, 'rebook_outbox_oldest_pending_age_seconds')).toEqual([
      { labels: {}, value: 600 },
    ]);
    await dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport: mail,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: undefined,
      metrics: t.metrics,
    });
    link = /http:\/\/rebook\.test(\/portal\/bookings\/[^\s"?]+\?token=[A-Za-z0-9_-]+)/.exec(
      mail.sent[0]?.text ?? '',
    )?.[1] as string;
    expect(link).toBeDefined();
    expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(303);
  });
  afterAll(() => t.close());

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-of-some-length', METRICS_TOKEN]) {
      const refused = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json().code).toBe('unauthorized');
    }
    const allowed = await scrape();
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('reports request durations by route pattern and status, never the raw URL', async () => {
    const text = (await scrape()).body;
    const counts = samples(text, 'rebook_http_request_duration_seconds_count');
    const count = (route: string, status: string) =>
      counts.find((s) => s.labels.route === route && s.labels.status === status)?.value;
    expect(count('/api/v1/bookings', '201')).toBe(1);
    expect(count('/api/v1/bookings/:id/reschedule', '200')).toBe(1);
    expect(count('/api/v1/bookings/:id/reschedule', '422')).toBe(1);
    expect(count('/api/v1/bookings/:id', '404')).toBe(1);
    expect(count('/portal/bookings/:id', '303')).toBe(1);
    expect(text).not.toContain('no-such-booking');
    expect(text).not.toContain('token=');
    expect(samples(text, 'rebook_http_request_duration_seconds_bucket').length).toBeGreaterThan(
      counts.length,
    );
  });

  it('counts committed booking changes, refusals by code, emails sent by kind, and reads the outbox', async () => {
    const text = (await scrape()).body;
    expect(samples(text, 'rebook_booking_changes_total')).toEqual(
      expect.arrayContaining([
        { labels: { kind: 'created', actor: 'admin', channel: 'api' }, value: 1 },
        { labels: { kind: 'rescheduled', actor: 'admin', channel: 'api' }, value: 1 },
      ]),
    );
    expect(samples(text, 'rebook_booking_changes_total')).toHaveLength(2);
    expect(samples(text, 'rebook_change_refusals_total')).toEqual(
      expect.arrayContaining([
        { labels: { code: 'validation_failed' }, value: 1 },
        { labels: { code: 'not_found' }, value: 1 },
      ]),
    );
    expect(samples(text, 'rebook_emails_sent_total')).toEqual([
      { labels: { kind: 'booking_confirmation' }, value: 1 },
      { labels: { kind: 'booking_rescheduled' }, value: 1 },
    ]);
    expect(samples(text, 'rebook_outbox_pending')).toEqual([{ labels: {}, value: 0 }]);
    expect(samples(text, 'rebook_outbox_oldest_pending_age_seconds')).toEqual([{ labels: {}, value: 0 }]);
  });

  it('keeps each app’s figures to itself', async () => {
    const another = await t.startAnother();
    const scraped = await another.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(samples(scraped.body, 'rebook_booking_changes_total')).toEqual([]);
    expect(samples(scraped.body, 'rebook_http_request_duration_seconds_count')).toEqual([]);
  });

  it('writes an access line for what the router refuses before any route runs', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/bookings/%E0%A4%A' });
    await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${'x'.repeat(300)}` });
    const refused = log.lines.filter((line) => line.msg === 'request' && line.route === 'unmatched');
    expect(refused.map((line) => line.status)).toEqual(expect.arrayContaining([400, 414]));
  });

  it('writes one JSON access line a request, with no token, password or cookie', async () => {
    const access = log.lines.filter((line) => line.msg === 'request');
    const reschedules = access.filter((line) => line.route === '/api/v1/bookings/:id/reschedule');
    expect(reschedules.map((line) => line.status)).toEqual([200, 422]);
    expect(reschedules[0]).toMatchObject({
      level: 30,
      process: 'app',
      method: 'POST',
      ip: '127.0.0.1',
      requestId: expect.any(String),
      durationMs: expect.any(Number),
    });
    const opened = access.find((line) => line.route === '/portal/bookings/:id');
    expect(opened?.url).toMatch(/\?token=redacted$/);
    const everything = log.raw.join('\n');
    expect(everything).not.toContain(link.split('token=')[1]);
    expect(everything).not.toContain(t.token);
    expect(everything).not.toMatch(/rebook_booking_[0-9a-f-]+=/);
    expect(everything).not.toContain('correct horse');
  });
});
