import { afterAll, beforeAll, expect, it } from 'vitest';
import { rescheduleBooking } from '../src/bookings/reschedule-booking.js';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { memoryTransport } from '../src/email/mail-transport.js';
import { enqueueEmail } from '../src/email/outbox-repository.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

const HOUR = 3_600_000;

describeEachDatabase('concurrency and faults', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;

  beforeAll(async () => {
    t = await startTestApp(kind);
    business = await setUpBusiness(t);
  });
  afterAll(() => t.close());

  it('ends a cancel racing a reschedule in one consistent state, with no stray reminder', async () => {
    for (let round = 0; round < 10; round++) {
      const startsAt = Date.parse('2026-12-14T15:00:00Z') + round * 24 * HOUR;
      const booking = await book(t, business, new Date(startsAt).toISOString());
      const [moved, cancelled] = await Promise.all([
        t.api('POST', `/bookings/${booking.id}/reschedule`, {
          startsAt: new Date(startsAt + 2 * HOUR).toISOString(),
        }),
        t.api('POST', `/bookings/${booking.id}/cancel`, { reason: 'race' }),
      ]);
      expect(cancelled.statusCode).toBe(200);
      // Either the move came first (and then the cancel), or the cancel did and the move was refused.
      expect([200, 422]).toContain(moved.statusCode);
      const final = (await t.api('GET', `/bookings/${booking.id}`)).json();
      expect(final.status).toBe('cancelled');
      const types = final.history.map((h: { type: string }) => h.type);
      expect(types).toEqual(
        moved.statusCode === 200 ? ['created', 'rescheduled', 'cancelled'] : ['created', 'cancelled'],
      );
      const pending = await t.store.db
        .selectFrom('booking_reminders')
        .select('status')
        .where('booking_id', '=', booking.id)
        .where('status', '=', 'pending')
        .execute();
      expect(pending).toEqual([]);
    }
  });

  it('dates ten concurrent moves of one booking in the order they were made', async () => {
    const booking = await book(t, business, '2027-02-01T15:00:00Z');
    // Every read of this clock is a millisecond later than the one before: a change that read it before
    // waiting for its lock would be dated before the change it follows.
    let tick = 0;
    const ticking = { now: () => t.clock.now() + tick++ };
    const moves = Array.from({ length: 10 }, (_, i) =>
      rescheduleBooking(
        { store: t.store, clock: ticking },
        {
          bookingId: booking.id,
          startsAt: Date.parse('2027-02-02T15:00:00Z') + i * 2 * HOUR,
          reason: null,
          allowConflict: false,
          expectedVersion: undefined,
        },
        { actor: 'admin', channel: 'api' },
      ),
    );
    const results = await Promise.all(moves);
    expect(results.map((result) => result.ok)).toEqual(Array(10).fill(true));
    const history = (await t.api('GET', `/bookings/${booking.id}`)).json().history as Array<{ at: string }>;
    expect(history).toHaveLength(11);
    const dates = history.map((entry) => Date.parse(entry.at));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    // Each answer carries the version its own change wrote (the ETag belongs to that change).
    const versions = results.map((result) => (result.ok ? result.value.booking.version : 0));
    expect([...versions].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('refuses the stale one of two changes made from the same version', async () => {
    const booking = await book(t, business, '2027-01-11T15:00:00Z');
    const responses = await Promise.all(
      ['2027-01-12T15:00:00Z', '2027-01-13T15:00:00Z'].map((startsAt) =>
        t.api('POST', `/bookings/${booking.id}/reschedule`, { startsAt }, { 'if-match': '"1"' }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json().code).toBe('booking_changed');
    const final = (await t.api('GET', `/bookings/${booking.id}`)).json();
    expect(final.version).toBe(2);
    expect(final.history.filter((h: { type: string }) => h.type === 'rescheduled')).toHaveLength(1);
  });

  it('sends each email once when two workers drain the outbox at the same time', async () => {
    const other = await t.database.openAnother();
    const bookingId = (await book(t, business, '2027-02-01T15:00:00Z')).id;
    const now = t.clock.now();
    for (let i = 0; i < 200; i++) {
      await enqueueEmail(
        t.store.db,
        { kind: 'booking_reminder', bookingId, recipient: `c${i}@example.com`, payload: {} },
        now,
      );
    }
    const first = memoryTransport();
    const second = memoryTransport();
    const drain = async (store: typeof t.store, transport: typeof first) => {
      for (;;) {
        const report = await dispatchDueEmails(
          { store, clock: t.clock, transport, publicUrl: TEST_PUBLIC_URL, mailFrom: undefined },
          { limit: 20 },
        );
        if (report.sent + report.retrying + report.failed === 0) return;
      }
    };
    await Promise.all([drain(t.store, first), drain(other, second)]);
    const sent = [...first.sent, ...second.sent].filter((mail) => mail.to.startsWith('c'));
    expect(sent).toHaveLength(200);
    expect(new Set(sent.map((mail) => mail.messageId)).size).toBe(200);
    if (kind === 'postgres') {
      // On PostgreSQL both really worked: SKIP LOCKED shares the rows out.
      expect(first.sent.length).toBeGreaterThan(0);
      expect(second.sent.length).toBeGreaterThan(0);
    }
  });
});
