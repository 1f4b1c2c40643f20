import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryTransport } from '../src/email/mail-transport.js';
import { enqueueEmail } from '../src/email/outbox-repository.js';
import { cleanUpExpired, expiryCutoffs } from '../src/jobs/housekeeping.js';
import { startWorker, type WorkerLog } from '../src/jobs/worker.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

const NOW = Date.parse('2027-06-01T12:00:00Z');
const DAY = 86_400_000;

describeEachDatabase('housekeeping', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;

  beforeAll(async () => {
    t = await startTestApp(kind, '2027-05-01T08:00:00Z');
    business = await setUpBusiness(t);
  });
  afterAll(() => t.close());

  const keys = async (table: 'portal_sessions' | 'customer_sign_in_links' | 'booking_links') =>
    (await t.store.db.selectFrom(table).select('token_hash').execute()).map((row) => row.token_hash).sort();

  it('deletes exactly what has expired, in bounded batches, and keeps the rest', async () => {
    const db = t.store.db;
    const ended = await book(t, business, '2027-05-20T14:00:00Z');
    const endsNow = await book(t, business, '2027-06-01T11:00:00Z', { staffId: business.otherStaffId });
    const upcoming = await book(t, business, '2027-06-10T14:00:00Z');
    // What booking emails and sign-ins left behind so far is not part of this test.
    for (const table of [
      'portal_sessions',
      'customer_sign_in_links',
      'booking_links',
      'idempotency_records',
    ] as const) {
      await db.deleteFrom(table).execute();
    }
    await db.deleteFrom('outbox_messages').execute();
    // The test's own sign-in has expired by NOW too; this test makes its own credentials.
    await db.deleteFrom('admin_credentials').execute();
    const customerId = business.customerId;

    const session = (token: string, expiresAt: number, bookingId: string | null = null) => ({
      token_hash: token,
      customer_id: customerId,
      booking_id: bookingId,
      created_at: NOW - 20 * DAY,
      expires_at: expiresAt,
    });
    await db
      .insertInto('portal_sessions')
      .values([
        session('session-expired-long-ago', NOW - 10 * DAY),
        session('session-expires-now', NOW),
        session('session-expired-a-ms-ago', NOW - 1),
        session('session-valid-a-ms-more', NOW + 1),
        session('session-valid-two-weeks', NOW + 14 * DAY),
        session('booking-session-valid', NOW + DAY, upcoming.id),
      ])
      .execute();
    await db
      .insertInto('customer_sign_in_links')
      .values([
        {
          token_hash: 'sign-in-expired',
          customer_id: customerId,
          created_at: NOW - DAY,
          expires_at: NOW - 1,
        },
        {
          token_hash: 'sign-in-expires-now',
          customer_id: customerId,
          created_at: NOW - 1000,
          expires_at: NOW,
        },
        {
          token_hash: 'sign-in-valid',
          customer_id: customerId,
          created_at: NOW,
          expires_at: NOW + 30 * 60_000,
        },
      ])
      .execute();
    const link = (token: string, bookingId: string, revokedAt: number | null = null) => ({
      token_hash: token,
      booking_id: bookingId,
      created_at: NOW - 30 * DAY,
      revoked_at: revokedAt,
    });
    await db
      .insertInto('booking_links')
      .values([
        link('link-booking-ended', ended.id),
        link('link-booking-ends-now', endsNow.id),
        link('link-revoked', upcoming.id, NOW - DAY),
        link('link-live', upcoming.id),
      ])
      .execute();
    const admin = await db.selectFrom('admin_users').select('id').executeTakeFirstOrThrow();
    const credential = (id: string, expiresAt: number) => ({
      id,
      admin_id: admin.id,
      kind: 'session',
      token_hash: `hash-${id}`,
      created_at: NOW - DAY,
      expires_at: expiresAt,
      last_used_at: NOW - DAY,
    });
    await db
      .insertInto('admin_credentials')
      .values([credential('admin-expired', NOW - 1), credential('admin-valid', NOW + 1)])
      .execute();
    const record = (key: string, createdAt: number) => ({
      scope: 'booking.create',
      key,
      request_fingerprint: 'f',
      response_status: 200,
      response_body: '{}',
      created_at: createdAt,
    });
    await db
      .insertInto('idempotency_records')
      .values([
        record('older-than-a-day', NOW - DAY - 1),
        record('exactly-a-day', NOW - DAY),
        record('an-hour-old', NOW - 3_600_000),
      ])
      .execute();
    const email = async (label: string, status: string, sentAt: number | null, createdAt: number) => {
      const id = await enqueueEmail(
        db,
        { kind: 'booking_reminder', bookingId: upcoming.id, recipient: `${label}@example.com`, payload: {} },
        createdAt,
      );
      await db.updateTable('outbox_messages').set({ status, sent_at: sentAt }).where('id', '=', id).execute();
    };
    await email('sent-91-days-ago', 'sent', NOW - 91 * DAY, NOW - 91 * DAY);
    await email('sent-a-ms-over-90-days-ago', 'sent', NOW - 90 * DAY - 1, NOW - 90 * DAY - 1);
    await email('sent-exactly-90-days-ago', 'sent', NOW - 90 * DAY, NOW - 90 * DAY);
    await email('sent-yesterday', 'sent', NOW - DAY, NOW - DAY);
    await email('failed-a-year-ago', 'failed', null, NOW - 365 * DAY);
    await email('pending-for-months', 'pending', null, NOW - 100 * DAY);

    await db.deleteFrom('booking_reminders').execute();
    const reminder = (bookingId: string, startsAt: number, status: string) => ({
      booking_id: bookingId,
      starts_at: startsAt,
      status,
      created_at: NOW - 30 * DAY,
      handled_at: status === 'pending' ? null : NOW - DAY,
    });
    await db
      .insertInto('booking_reminders')
      .values([
        reminder(ended.id, NOW - 12 * DAY, 'queued'),
        reminder(ended.id, NOW - 13 * DAY, 'dropped'),
        reminder(endsNow.id, NOW - 3_600_000, 'queued'),
        reminder(endsNow.id, NOW, 'dropped'),
        reminder(endsNow.id, NOW - 60_000, 'pending'),
        reminder(upcoming.id, NOW + 9 * DAY, 'queued'),
        reminder(upcoming.id, NOW + 8 * DAY, 'dropped'),
      ])
      .execute();

    await db.deleteFrom('rate_limit_counters').execute();
    await db
      .insertInto('rate_limit_counters')
      .values([
        { bucket: 'window-ended', hits: 3, window_ends_at: NOW - 60_000 },
        { bucket: 'window-ends-now', hits: 1, window_ends_at: NOW },
        { bucket: 'window-open', hits: 9, window_ends_at: NOW + 1 },
      ])
      .execute();

    const report = await cleanUpExpired({ store: t.store, now: NOW }, { batch: 2 });

    expect(report).toEqual({
      deleted: {
        portal_sessions: 3,
        customer_sign_in_links: 2,
        booking_links: 3,
        booking_reminders: 4,
        admin_credentials: 1,
        idempotency_records: 1,
        outbox_messages: 2,
        rate_limit_counters: 2,
      },
      more: false,
    });
    expect(await keys('portal_sessions')).toEqual([
      'booking-session-valid',
      'session-valid-a-ms-more',
      'session-valid-two-weeks',
    ]);
    expect(await keys('customer_sign_in_links')).toEqual(['sign-in-valid']);
    expect(await keys('booking_links')).toEqual(['link-live']);
    expect(
      (
        await db
          .selectFrom('booking_reminders')
          .select(['starts_at', 'status'])
          .orderBy('starts_at')
          .execute()
      ).map((r) => [Number(r.starts_at) - NOW, r.status]),
    ).toEqual([
      [-60_000, 'pending'],
      [8 * DAY, 'dropped'],
      [9 * DAY, 'queued'],
    ]);
    expect((await db.selectFrom('admin_credentials').select('id').execute()).map((r) => r.id)).toEqual([
      'admin-valid',
    ]);
    expect(
      (await db.selectFrom('idempotency_records').select('key').execute()).map((r) => r.key).sort(),
    ).toEqual(['an-hour-old', 'exactly-a-day']);
    expect(
      (await db.selectFrom('outbox_messages').select('recipient').execute()).map((r) => r.recipient).sort(),
    ).toEqual([
      'failed-a-year-ago@example.com',
      'pending-for-months@example.com',
      'sent-exactly-90-days-ago@example.com',
      'sent-yesterday@example.com',
    ]);
    expect(
      (await db.selectFrom('rate_limit_counters').select('bucket').execute()).map((r) => r.bucket),
    ).toEqual(['window-open']);
    // A second run finds nothing left to do.
    expect(await cleanUpExpired({ store: t.store, now: NOW }, { batch: 2 })).toEqual({
      deleted: {},
      more: false,
    });
  });

  it('stops after a bounded number of batches and says there is more', async () => {
    const values = Array.from({ length: 7 }, (_, i) => ({
      token_hash: `many-${i}`,
      customer_id: business.customerId,
      booking_id: null,
      created_at: NOW - DAY,
      expires_at: NOW - 1,
    }));
    await t.store.db.insertInto('portal_sessions').values(values).execute();
    const first = await cleanUpExpired({ store: t.store, now: NOW }, { batch: 2, maxBatches: 2 });
    expect(first).toEqual({ deleted: { portal_sessions: 4 }, more: true });
    const second = await cleanUpExpired({ store: t.store, now: NOW }, { batch: 2, maxBatches: 2 });
    expect(second).toEqual({ deleted: { portal_sessions: 3 }, more: false });
  });

  it('runs in the worker as it starts', async () => {
    // Only the session below is dead: the first test's pending reminder would be settled and swept too.
    await t.store.db.deleteFrom('booking_reminders').execute();
    await t.store.db
      .insertInto('portal_sessions')
      .values({
        token_hash: 'expired-before-the-worker-started',
        customer_id: business.customerId,
        booking_id: null,
        created_at: NOW - DAY,
        expires_at: NOW - 1,
      })
      .execute();
    const clock = { now: () => NOW };
    const logged: unknown[] = [];
    const log = { info: (details: unknown) => logged.push(details), warn: () => {}, error: () => {} };
    const worker = startWorker(
      {
        store: t.store,
        clock,
        transport: memoryTransport(),
        publicUrl: TEST_PUBLIC_URL,
        mailFrom: undefined,
      },
      { log: log as unknown as WorkerLog },
    );
    for (let i = 0; i < 100 && logged.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await worker.stop();
    expect(logged).toEqual([{ deleted: { portal_sessions: 1 } }]);
    expect(await keys('portal_sessions')).not.toContain('expired-before-the-worker-started');
  });
});

it('keeps idempotency records a day and sent emails 90 days', () => {
  expect(expiryCutoffs(NOW)).toEqual({
    expiredBy: NOW,
    bookingEndedBy: NOW,
    appointmentStartedBy: NOW,
    idempotencyCreatedBefore: NOW - DAY,
    emailSentBefore: NOW - 90 * DAY,
  });
});
