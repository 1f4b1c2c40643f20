import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { type MailTransport, memoryTransport } from '../src/email/mail-transport.js';
import { findOutboxMessage } from '../src/email/outbox-repository.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

const HOUR = 3_600_000;
const ALICE = 'alice@example.com';
const OFFICE = 'office@test-cleaning.example';

/** A mail server that refuses some recipients, as one with their mailboxes full would. */
function refusing(...addresses: string[]): MailTransport & { sent: string[] } {
  const memory = memoryTransport();
  const sent: string[] = [];
  return {
    ...memory,
    kind: 'smtp',
    sent,
    async send(mail) {
      if (addresses.includes(mail.to)) throw new Error(`452 4.2.2 ${mail.to}: mailbox full`);
      sent.push(`${mail.to}: ${mail.subject}`);
    },
  };
}

describeEachDatabase('retrying email', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  const dispatch = (transport: MailTransport) =>
    dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: undefined,
    });
  const outboxOf = async (bookingId: string) => (await t.api('GET', `/outbox?bookingId=${bookingId}`)).json();

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-12-01T08:00:00Z');
    business = await setUpBusiness(t);
    await t.api('PATCH', '/settings', { notificationEmail: OFFICE });
  });
  const notices = async () =>
    ((await t.api('GET', '/outbox?limit=500')).json() as { id: string; kind: string }[]).filter(
      (email) => email.kind === 'email_undeliverable',
    );
  afterAll(() => t.close());

  it('retries for 24 hours with capped backoff, then fails the email and tells the office once', async () => {
    const transport = refusing(ALICE);
    const booking = await book(t, business, '2027-01-12T15:00:00Z');
    const [queued] = await outboxOf(booking.id);
    const first = t.clock.now();
    const attemptsAt: number[] = [];
    let status = 'pending';
    while (status === 'pending') {
      attemptsAt.push(t.clock.now());
      const report = await dispatch(transport);
      const row = await findOutboxMessage(t.store.db, queued.id);
      if (!row) throw new Error('the email vanished');
      status = row.status;
      // The last round also sends the office's notice, queued as the email failed.
      expect(report).toEqual(
        status === 'pending' ? { sent: 0, retrying: 1, failed: 0 } : { sent: 1, retrying: 0, failed: 1 },
      );
      if (status === 'pending') {
        // Nothing goes early: a second before it is due, the email is left alone.
        t.clock.set(new Date(row.nextAttemptAt - 1000).toISOString());
        expect(await dispatch(transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
        t.clock.set(new Date(row.nextAttemptAt).toISOString());
      }
      if (attemptsAt.length > 200) throw new Error('still retrying after 200 attempts');
    }
    const elapsed = attemptsAt.map((at) => at - first);
    const waits = elapsed.slice(1).map((at, i) => at - (elapsed[i] as number));
    expect(waits.slice(0, 4)).toEqual([30_000, 30_000, 60_000, 120_000]);
    expect(Math.max(...waits)).toBe(30 * 60_000);
    // Still being retried at 23 hours; failed at the first attempt after 24.
    expect(elapsed.filter((at) => at >= 23 * HOUR && at < 24 * HOUR).length).toBeGreaterThan(0);
    expect(elapsed.at(-2)).toBeLessThan(24 * HOUR);
    expect(elapsed.at(-1)).toBeGreaterThanOrEqual(24 * HOUR);
    const [failed] = await outboxOf(booking.id);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: attemptsAt.length,
      lastError: `452 4.2.2 ${ALICE}: mailbox full`,
    });
    expect(transport.sent).toEqual([`${OFFICE}: Email not delivered: Booking Confirmation to ${ALICE}`]);
    const [notice] = await notices();
    expect(await notices()).toHaveLength(1);
    const delivered = (await t.api('GET', `/outbox/${notice?.id}`)).json();
    expect(delivered).toMatchObject({ to: OFFICE, status: 'sent', bookingId: null });
    expect(delivered.text).toContain(
      `Rebook could not deliver the Booking Confirmation to ${ALICE}: it tried ${attemptsAt.length} times since`,
    );
    expect(delivered.text).toContain(`Customer: Alice Moreno <${ALICE}>\n`);
    expect(delivered.text).toContain(`Reference: ${booking.id.slice(0, 8).toUpperCase()}\n`);
    expect(delivered.text).toContain(`The mail server last answered: 452 4.2.2 ${ALICE}: mailbox full\n`);
    expect(delivered.text).toContain(`${TEST_PUBLIC_URL}/admin/outbox/${queued.id}\n`);
    // Nothing more: one notice for one failure.
    t.clock.advance(HOUR);
    expect(await dispatch(transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await notices()).toHaveLength(1);
  });

  it('tells nobody when the notice itself cannot be delivered', async () => {
    const before = (await notices()).length;
    const booking = await book(t, business, '2027-01-15T15:00:00Z');
    const [queued] = await outboxOf(booking.id);
    const dayOld = t.clock.now() - 25 * HOUR;
    await t.store.db
      .updateTable('outbox_messages')
      .set({ first_attempt_at: dayOld })
      .where('id', '=', queued.id)
      .execute();
    const nothingGoes = refusing(ALICE, OFFICE);
    // The confirmation fails for good; its notice is queued, and fails at its first attempt.
    expect(await dispatch(nothingGoes)).toEqual({ sent: 0, retrying: 1, failed: 1 });
    expect(await notices()).toHaveLength(before + 1);
    await t.store.db
      .updateTable('outbox_messages')
      .set({ first_attempt_at: dayOld, next_attempt_at: t.clock.now() })
      .where('kind', '=', 'email_undeliverable')
      .where('status', '=', 'pending')
      .execute();
    expect(await dispatch(nothingGoes)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    // Failed, and no notice of the notice.
    const all = await notices();
    expect(all).toHaveLength(before + 1);
    expect(all.filter((email) => (email as { status?: string }).status === 'failed')).toHaveLength(1);
  });

  describe('POST /outbox/:id/retry', () => {
    it('queues a failed email again, to go out at once with a fresh 24 hours', async () => {
      const booking = await book(t, business, '2027-01-13T15:00:00Z');
      const [queued] = await outboxOf(booking.id);
      await t.store.db
        .updateTable('outbox_messages')
        .set({
          status: 'failed',
          attempts: 52,
          first_attempt_at: t.clock.now() - 25 * HOUR,
          last_error: 'timeout',
        })
        .where('id', '=', queued.id)
        .execute();

      const retried = await t.api('POST', `/outbox/${queued.id}/retry`);
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({
        id: queued.id,
        status: 'pending',
        attempts: 52,
        lastError: 'timeout',
      });

      // A failure now starts a new window rather than failing at once.
      const broken = refusing(ALICE);
      expect(await dispatch(broken)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      t.clock.advance(30_000);
      const working = refusing('nobody@example.com');
      expect(await dispatch(working)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(working.sent).toEqual([expect.stringMatching(/^alice@example\.com: Your booking is confirmed/)]);
      const [sent] = await outboxOf(booking.id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 54, lastError: null });
    });

    it('refuses an email that is not failed, and an unknown one', async () => {
      const booking = await book(t, business, '2027-01-14T15:00:00Z');
      const [pending] = await outboxOf(booking.id);
      const refused = await t.api('POST', `/outbox/${pending.id}/retry`);
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({
        code: 'email_not_failed',
        detail: 'only a failed email can be retried; this one is pending',
      });
      await dispatch(memoryTransport());
      const sent = await t.api('POST', `/outbox/${pending.id}/retry`);
      expect(sent.statusCode).toBe(409);
      expect(sent.json().detail).toBe('only a failed email can be retried; this one is sent');

      const unknown = await t.api('POST', '/outbox/00000000-0000-4000-8000-000000000000/retry');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('not_found');
    });

    it('is for admins only', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/outbox/anything/retry' });
      expect(response.statusCode).toBe(401);
    });
  });
});
