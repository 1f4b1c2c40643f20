import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { expireDueRequests } from '../src/bookings/end-reschedule-request.js';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { memoryTransport, type OutgoingMail } from '../src/email/mail-transport.js';
import type { App } from '../src/http/app-context.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { PortalClient } from './support/portal-client.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

const NOW = '2026-12-01T08:00:00Z'; // a Tuesday, 03:00 in New York
const OFFICE = 'office@test-cleaning.example';
const HOUR = 3_600_000;
const PORTAL_DEFAULTS = {
  allowReschedule: true,
  allowCancel: true,
  realTimeAvailability: true,
  minimumNoticeMinutes: 24 * 60,
  maxReschedulesPerBooking: null,
  changeBlockedMessage: 'Call us.',
};

/** A New York wall-clock time (EST, UTC−5, for every date used here) as the API's UTC instant. */
const ny = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`).toISOString();

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

interface Suggested {
  startsAt: string;
  endsAt: string;
  staffId: string;
}

interface RequestItem {
  id: string;
  bookingId: string;
  batchId: string | null;
  status: string;
  message: string | null;
  respondBy: string;
  staffIds: string[];
  suggestedTimes: Suggested[];
  resolvedAt: string | null;
  resolvedBy: { actor: string; channel: string } | null;
  responseMessage: string | null;
  accepted: { startsAt: string; staffId: string } | null;
  progress: { total: number; answered: number } | null;
  booking: { startsAt: string; customerName: string; staffName: string };
}

describeEachDatabase('reschedule requests: the office asks, the customer picks', (kind) => {
  let t: TestApp;
  let biz: BusinessFixture;
  let bobId: string;
  let second: App;
  const mail = memoryTransport();

  beforeAll(async () => {
    t = await startTestApp(kind, NOW);
    biz = await setUpBusiness(t);
    const bob = await t.api('POST', '/customers', { name: 'Bob Stone', email: 'bob@example.com' });
    bobId = bob.json().id;
    second = await t.startAnother();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set(NOW);
    const settings = await t.api('PATCH', '/settings', {
      notificationEmail: OFFICE,
      customerPortal: PORTAL_DEFAULTS,
    });
    expect(settings.statusCode, settings.body).toBe(200);
  });

  const dispatch = () =>
    dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport: mail,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: undefined,
    });

  /** Books with Maya (or Tom) for Alice (or Bob). */
  const bookAt = async (startsAt: string, who: { staff?: 'tom'; customer?: 'bob' } = {}) =>
    (
      await book(t, biz, startsAt, {
        staffId: who.staff === 'tom' ? biz.otherStaffId : biz.staffId,
        customerId: who.customer === 'bob' ? bobId : biz.customerId,
      })
    ).id;

  const ask = async (bookingId: string, body: Record<string, unknown> = {}) => {
    const response = await t.api('POST', `/bookings/${bookingId}/reschedule-request`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as RequestItem;
  };

  const details = async (bookingId: string) => {
    const response = await t.api('GET', `/bookings/${bookingId}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  const outboxOf = async (bookingId: string): Promise<Array<{ kind: string; to: string }>> =>
    (await t.api('GET', `/outbox?bookingId=${bookingId}`)).json();

  /** The request email for the booking, as sent: its suggested-time links and the browser that opened one. */
  const requestEmail = async (bookingId: string): Promise<OutgoingMail> => {
    await dispatch();
    const sent = mail.sent.filter((each) => each.html.includes(`/portal/bookings/${bookingId}?token=`));
    const found = sent.reverse().find((each) => each.subject.startsWith('Please choose a new time'));
    if (!found) throw new Error(`no reschedule request email for ${bookingId}`);
    return found;
  };
  const suggestionLinks = (email: OutgoingMail) =>
    [
      ...email.text.matchAll(
        /http:\/\/rebook\.test\/portal\/bookings\/\S+?\?token=[\w-]+&startsAt=[\w%.-]+/g,
      ),
    ].map((match) => match[0]);
  /** A customer's browser that opened the first link of the booking's request email. */
  const customerFor = async (bookingId: string, app: App = t.app) => {
    const links = suggestionLinks(await requestEmail(bookingId));
    const client = new PortalClient(app);
    const first = links[0];
    if (!first) throw new Error('the email has no suggested time');
    const opened = await client.open(first);
    expect(opened.statusCode).toBe(303);
    return { client, links, location: opened.headers.location as string };
  };

  it('asks one customer: three nearest free times, 48 hours to answer, the booking stays, the email links each time', async () => {
    const bookingId = await bookAt(ny('2026-12-03', '10:00'));
    const busy = await bookAt(ny('2026-12-03', '11:30'), { customer: 'bob' });
    const request = await ask(bookingId, { message: 'Maya is ill on Thursday.' });
    expect(request).toMatchObject({
      bookingId,
      status: 'pending',
      message: 'Maya is ill on Thursday.',
      batchId: null,
      staffIds: [biz.staffId],
      respondBy: '2026-12-03T08:00:00.000Z',
      resolvedAt: null,
      progress: null,
    });
    // Nearest to 10:00 with Maya: 09:30, then 09:00; 10:30 and 11:00 would run (with the 15-minute buffer)
    // into Bob's 11:30, which keeps her busy until 12:45; so the third is 13:00.
    expect(request.suggestedTimes).toEqual([
      { startsAt: ny('2026-12-03', '09:00'), endsAt: ny('2026-12-03', '10:00'), staffId: biz.staffId },
      { startsAt: ny('2026-12-03', '09:30'), endsAt: ny('2026-12-03', '10:30'), staffId: biz.staffId },
      { startsAt: ny('2026-12-03', '13:00'), endsAt: ny('2026-12-03', '14:00'), staffId: biz.staffId },
    ]);
    const booking = await details(bookingId);
    expect(booking.startsAt).toBe(ny('2026-12-03', '10:00'));
    expect(booking.rescheduleRequest).toMatchObject({ id: request.id, status: 'pending' });
    expect(booking.history.at(-1)).toMatchObject({
      type: 'reschedule_requested',
      actor: 'admin',
      channel: 'api',
      requestId: request.id,
      reason: 'Maya is ill on Thursday.',
    });
    expect(await outboxOf(bookingId)).toContainEqual(
      expect.objectContaining({ kind: 'reschedule_request', to: 'alice@example.com' }),
    );
    const email = await requestEmail(bookingId);
    expect(email.text).toContain('Maya is ill on Thursday.');
    expect(email.html).toContain('See all times');
    expect(
      suggestionLinks(email).map((link) => decodeURIComponent(link.split('&startsAt=')[1] ?? '')),
    ).toEqual(request.suggestedTimes.map((time) => time.startsAt));
    // Opening a suggestion changes nothing: the page is shown with that time ready to confirm.
    const { client, location } = await customerFor(bookingId);
    expect(location).toBe(
      `/portal/bookings/${bookingId}?startsAt=${encodeURIComponent(ny('2026-12-03', '09:00'))}`,
    );
    expect((await details(bookingId)).version).toBe(booking.version);
    const view = (await client.api('GET', `/bookings/${bookingId}`)).json();
    expect(view.rescheduleRequest).toMatchObject({
      id: request.id,
      status: 'pending',
      message: 'Maya is ill on Thursday.',
      suggestedTimes: [
        { startsAt: ny('2026-12-03', '09:00'), staff: { name: 'Maya' } },
        { startsAt: ny('2026-12-03', '09:30'), staff: { name: 'Maya' } },
        { startsAt: ny('2026-12-03', '13:00'), staff: { name: 'Maya' } },
      ],
    });
    // One pending request a booking.
    expectProblem(
      await t.api('POST', `/bookings/${bookingId}/reschedule-request`, {}),
      409,
      'reschedule_request_pending',
    );
    await t.api('POST', `/bookings/${busy}/cancel`);
  });

  it('lets the customer move once past the flags, the notice and the limit; the move accepts the request and does not count', async () => {
    const bookingId = await bookAt(ny('2026-12-02', '10:00')); // 12 hours away: inside the 24-hour notice
    const flags = await t.api('PATCH', '/settings', {
      customerPortal: { allowReschedule: false, maxReschedulesPerBooking: 1 },
    });
    expect(flags.statusCode, flags.body).toBe(200);
    const request = await ask(bookingId, { respondBy: '2026-12-05T00:00:00Z' });
    // Never after the booking starts.
    expect(request.respondBy).toBe(ny('2026-12-02', '10:00'));
    // Every suggestion is at least the minimum notice ahead.
    for (const time of request.suggestedTimes) {
      expect(Date.parse(time.startsAt)).toBeGreaterThanOrEqual(Date.parse(NOW) + 24 * HOUR);
    }
    const { client } = await customerFor(bookingId);
    const view = (await client.api('GET', `/bookings/${bookingId}`)).json();
    expect(view.actions.reschedule).toEqual({ allowed: true });
    const pick = request.suggestedTimes[0] as Suggested;
    const moved = await client.api('POST', `/bookings/${bookingId}/reschedule`, { startsAt: pick.startsAt });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: pick.startsAt, rescheduleRequest: null });
    const after = await details(bookingId);
    expect(after.rescheduleRequest).toBeNull();
    expect(after.history.at(-1)).toMatchObject({
      type: 'rescheduled',
      actor: 'customer',
      channel: 'email_link',
      toStartsAt: pick.startsAt,
      requestId: request.id,
    });
    const answered = (await t.api('GET', `/reschedule-requests/${request.id}`)).json() as RequestItem;
    expect(answered).toMatchObject({
      status: 'accepted',
      resolvedBy: { actor: 'customer', channel: 'email_link' },
      accepted: { startsAt: pick.startsAt, staffId: biz.staffId },
    });
    expect(answered.resolvedAt).toBe(NOW.replace('Z', '.000Z'));
    const kinds = (await outboxOf(bookingId)).map((row) => `${row.kind}→${row.to}`);
    expect(kinds).toContain('booking_rescheduled→alice@example.com');
    expect(kinds).toContain(`reschedule_request_accepted→${OFFICE}`);
    expect(kinds).not.toContain(`business_notification→${OFFICE}`);
    // Once: without a request the flags hold again.
    const again = await client.api('POST', `/bookings/${bookingId}/reschedule`, {
      startsAt: ny('2026-12-08', '10:00'),
    });
    expectProblem(again, 403, 'reschedule_disabled');
    // The answer did not count against the customer's limit of one.
    await t.api('PATCH', '/settings', { customerPortal: { allowReschedule: true } });
    const own = await client.api('POST', `/bookings/${bookingId}/reschedule`, {
      startsAt: ny('2026-12-08', '10:00'),
    });
    expect(own.statusCode, own.body).toBe(200);
    const over = await client.api('POST', `/bookings/${bookingId}/reschedule`, {
      startsAt: ny('2026-12-08', '13:00'),
    });
    expectProblem(over, 422, 'reschedule_limit_reached');
    await dispatch();
    const notice = mail.sent.find(
      (each) => each.to === OFFICE && each.subject.startsWith('Alice Moreno picked a new time'),
    );
    expect(notice?.text).toContain('Alice Moreno accepted your reschedule request');
  });

  it('still holds availability: a taken time is 409 slot_unavailable with fresh suggestions', async () => {
    const bookingId = await bookAt(ny('2026-12-09', '10:00'));
    const request = await ask(bookingId);
    const pick = request.suggestedTimes[0] as Suggested;
    // The office puts someone else there meanwhile (next to Alice's own time, hence the override).
    const taker = (await book(t, biz, pick.startsAt, { customerId: bobId, allowConflict: true })).id;
    const { client } = await customerFor(bookingId);
    const refused = await client.api('POST', `/bookings/${bookingId}/reschedule`, {
      startsAt: pick.startsAt,
    });
    expectProblem(refused, 409, 'slot_unavailable');
    const fresh = refused.json().suggestedTimes as Suggested[];
    expect(fresh).toHaveLength(3);
    expect(fresh.map((time) => time.startsAt)).not.toContain(pick.startsAt);
    const stored = (await t.api('GET', `/reschedule-requests/${request.id}`)).json() as RequestItem;
    expect(stored.status).toBe('pending');
    expect(stored.suggestedTimes).toEqual(fresh);
    // Outside working hours is refused as ever.
    const night = await client.api('POST', `/bookings/${bookingId}/reschedule`, {
      startsAt: ny('2026-12-10', '22:00'),
    });
    expectProblem(night, 422, 'outside_working_hours');
    await t.api('POST', `/bookings/${taker}/cancel`);
  });

  it('is declined with a note ("None of these work"): the office is emailed, the booking stays', async () => {
    const bookingId = await bookAt(ny('2026-12-10', '10:00'));
    const request = await ask(bookingId);
    const { client } = await customerFor(bookingId);
    const declined = await client.api('POST', `/bookings/${bookingId}/reschedule-request/decline`, {
      message: 'I can only do Thursdays.',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      id: request.id,
      status: 'declined',
      responseMessage: 'I can only do Thursdays.',
    });
    const booking = await details(bookingId);
    expect(booking.startsAt).toBe(ny('2026-12-10', '10:00'));
    expect(booking.rescheduleRequest).toBeNull();
    expect(booking.history.at(-1)).toMatchObject({
      type: 'reschedule_request_declined',
      actor: 'customer',
      channel: 'email_link',
      requestId: request.id,
      reason: 'I can only do Thursdays.',
    });
    expect((await outboxOf(bookingId)).filter((row) => row.kind === 'reschedule_request_declined')).toEqual([
      expect.objectContaining({ to: OFFICE }),
    ]);
    await dispatch();
    const notice = mail.sent.find((each) => each.to === OFFICE && each.subject.includes('declined'));
    expect(notice?.text).toContain('Alice Moreno wrote: I can only do Thursdays.');
    expectProblem(
      await client.api('POST', `/bookings/${bookingId}/reschedule-request/decline`, {}),
      409,
      'reschedule_request_not_pending',
    );
    expect((await client.api('GET', `/bookings/${bookingId}`)).json().rescheduleRequest).toBeNull();
  });

  it('is withdrawn by the office, by an office move and by a cancellation, each in the history with its id', async () => {
    const first = await bookAt(ny('2026-12-14', '10:00'));
    const request = await ask(first);
    const withdrawn = await t.api('DELETE', `/reschedule-requests/${request.id}`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      resolvedBy: { actor: 'admin', channel: 'api' },
    });
    expectProblem(
      await t.api('DELETE', `/reschedule-requests/${request.id}`),
      409,
      'reschedule_request_not_pending',
    );
    expectProblem(await t.api('DELETE', '/reschedule-requests/no-such-request'), 404, 'not_found');
    expect((await details(first)).history.at(-1)).toMatchObject({
      type: 'reschedule_request_withdrawn',
      requestId: request.id,
    });

    const again = await ask(first);
    const moved = await t.api('POST', `/bookings/${first}/reschedule`, {
      startsAt: ny('2026-12-14', '13:00'),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().rescheduleRequest).toBeNull();
    const history = (await details(first)).history;
    expect(history.slice(-2)).toMatchObject([
      { type: 'reschedule_request_withdrawn', actor: 'admin', requestId: again.id },
      { type: 'rescheduled', actor: 'admin', toStartsAt: ny('2026-12-14', '13:00') },
    ]);
    expect(history.at(-1).requestId).toBeUndefined();
    expect((await t.api('GET', `/reschedule-requests/${again.id}`)).json().status).toBe('withdrawn');

    const third = await ask(first);
    const cancelled = await t.api('POST', `/bookings/${first}/cancel`, { reason: 'van broke down' });
    expect(cancelled.statusCode).toBe(200);
    expect((await details(first)).history.slice(-2)).toMatchObject([
      { type: 'reschedule_request_withdrawn', requestId: third.id },
      { type: 'cancelled' },
    ]);
    expect((await t.api('GET', `/reschedule-requests/${third.id}`)).json().status).toBe('withdrawn');
    // A cancelled booking cannot be asked about.
    expectProblem(
      await t.api('POST', `/bookings/${first}/reschedule-request`, {}),
      422,
      'booking_not_active',
    );
  });

  it('refuses bad input naming the field', async () => {
    const bookingId = await bookAt(ny('2026-12-15', '10:00'));
    const past = await t.api('POST', `/bookings/${bookingId}/reschedule-request`, {
      respondBy: '2026-11-30T00:00:00Z',
    });
    expectProblem(past, 422, 'validation_failed');
    expect(past.json().errors).toEqual([expect.objectContaining({ field: 'respondBy' })]);
    const unknown = await t.api('POST', `/bookings/${bookingId}/reschedule-request`, {
      staffIds: ['nobody'],
    });
    expectProblem(unknown, 422, 'staff_not_available');
    const other = await t.api('POST', '/services', { name: 'Windows', durationMinutes: 30 });
    const painter = await t.api('POST', '/staff', { name: 'Pat', serviceIds: [other.json().id] });
    const notPerforming = await t.api('POST', `/bookings/${bookingId}/reschedule-request`, {
      staffIds: [painter.json().id],
    });
    expectProblem(notPerforming, 422, 'staff_not_available');
    expect(notPerforming.json().errors).toEqual([expect.objectContaining({ field: 'staffIds' })]);
    expectProblem(await t.api('POST', '/bookings/nope/reschedule-request', {}), 404, 'not_found');
    expectProblem(
      await t.api('POST', `/bookings/${bookingId}/reschedule-request`, { extra: 1 }),
      422,
      'validation_failed',
    );
    const bulk = await t.api('POST', '/reschedule-requests', {
      staffId: biz.staffId,
      from: '2026-12-16T00:00:00Z',
      to: '2026-12-15T00:00:00Z',
    });
    expectProblem(bulk, 422, 'validation_failed');
    expect(bulk.json().errors).toEqual([expect.objectContaining({ field: 'to' })]);
    expect((await details(bookingId)).rescheduleRequest).toBeNull();
  });

  it('expires at respond-by through the worker with a fixed clock, telling the office once', async () => {
    const bookingId = await bookAt(ny('2026-12-17', '10:00'));
    const request = await ask(bookingId, { respondBy: '2026-12-02T12:00:00Z' });
    t.clock.set('2026-12-02T11:59:59.999Z');
    expect(await expireDueRequests(t)).toBe(0);
    t.clock.set('2026-12-02T12:00:00Z');
    expect(await expireDueRequests(t)).toBe(1);
    expect(await expireDueRequests(t)).toBe(0);
    const expired = (await t.api('GET', `/reschedule-requests/${request.id}`)).json();
    expect(expired).toMatchObject({
      status: 'expired',
      resolvedAt: '2026-12-02T12:00:00.000Z',
      resolvedBy: { actor: 'system', channel: 'system' },
    });
    expect((await details(bookingId)).history.at(-1)).toMatchObject({
      type: 'reschedule_request_expired',
      actor: 'system',
      requestId: request.id,
    });
    expect(
      (await outboxOf(bookingId)).filter((row) => row.kind === 'reschedule_request_expired'),
    ).toHaveLength(1);
    // Past respond-by the customer is back under the business's rules.
    await t.api('PATCH', '/settings', { customerPortal: { allowReschedule: false } });
    const { client } = await customerFor(bookingId);
    expect((await client.api('GET', `/bookings/${bookingId}`)).json().rescheduleRequest).toBeNull();
    expectProblem(
      await client.api('POST', `/bookings/${bookingId}/reschedule`, { startsAt: ny('2026-12-17', '13:00') }),
      403,
      'reschedule_disabled',
    );
  });

  it('asks every confirmed booking of a staff member in a range, suggesting nothing inside it, and shows progress', async () => {
    const range = { from: ny('2026-12-22', '00:00'), to: ny('2026-12-23', '00:00') };
    const inside = [
      await bookAt(ny('2026-12-22', '09:00')),
      await bookAt(ny('2026-12-22', '14:00'), { customer: 'bob' }),
    ];
    const overlapping = await bookAt(ny('2026-12-21', '16:30')); // ends 17:30 the day before? no: ends on the 21st
    const tomsSameDay = await bookAt(ny('2026-12-22', '10:00'), { staff: 'tom' });
    const nextDay = await bookAt(ny('2026-12-23', '09:00'));
    const cancelled = await bookAt(ny('2026-12-22', '12:00'));
    await t.api('POST', `/bookings/${cancelled}/cancel`);
    const response = await t.api('POST', '/reschedule-requests', {
      ...range,
      staffId: biz.staffId,
      message: 'Maya is off that day.',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { batchId, requests } = response.json() as { batchId: string; requests: RequestItem[] };
    expect(requests.map((request) => request.bookingId)).toEqual(inside);
    for (const request of requests) {
      expect(request).toMatchObject({ batchId, status: 'pending', message: 'Maya is off that day.' });
      expect(request.progress).toEqual({ total: 2, answered: 0 });
      expect(request.suggestedTimes).toHaveLength(3);
      for (const time of request.suggestedTimes) {
        const overlapsRange =
          Date.parse(time.startsAt) < Date.parse(range.to) &&
          Date.parse(time.endsAt) > Date.parse(range.from);
        expect(overlapsRange, time.startsAt).toBe(false);
      }
    }
    // The two customers are not offered the same times.
    const [a, b] = requests.map((request) => request.suggestedTimes.map((time) => time.startsAt));
    expect(a?.filter((time) => b?.includes(time))).toEqual([]);
    for (const untouched of [overlapping, tomsSameDay, nextDay, cancelled]) {
      expect((await details(untouched)).rescheduleRequest).toBeNull();
    }
    const { client } = await customerFor(inside[0] as string);
    await client.api('POST', `/bookings/${inside[0]}/reschedule-request/decline`, {});
    const listed = (await t.api('GET', `/reschedule-requests?batchId=${batchId}`)).json() as RequestItem[];
    expect(listed.map((request) => request.progress)).toEqual([
      { total: 2, answered: 1 },
      { total: 2, answered: 1 },
    ]);
    const pending = (await t.api('GET', '/reschedule-requests?status=pending')).json() as RequestItem[];
    expect(pending.map((request) => request.bookingId)).toContain(inside[1]);
    expect(pending.map((request) => request.bookingId)).not.toContain(inside[0]);
    expect(pending.every((request) => request.status === 'pending')).toBe(true);
    // Asking again skips the booking that still has a pending request.
    const again = await t.api('POST', '/reschedule-requests', { ...range, staffId: biz.staffId });
    expect(again.json().requests.map((request: RequestItem) => request.bookingId)).toEqual([inside[0]]);
  });

  it('moves to another staff member the request names: slots say who, the history and the emails name them', async () => {
    const bookingId = await bookAt(ny('2026-12-28', '10:00'));
    // Maya is busy until 10:15 (the office squeezed Bob in before Alice), so the nearest times are Tom's.
    await book(t, biz, ny('2026-12-28', '09:00'), { customerId: bobId, allowConflict: true });
    const request = await ask(bookingId, { staffIds: [biz.staffId, biz.otherStaffId] });
    expect(request.staffIds).toEqual([biz.staffId, biz.otherStaffId]);
    // Spread over both: the nearest of each first (Tom's 10:00, Maya's 10:30), then Tom's 09:30.
    expect(request.suggestedTimes).toEqual([
      { startsAt: ny('2026-12-28', '09:30'), endsAt: ny('2026-12-28', '10:30'), staffId: biz.otherStaffId },
      { startsAt: ny('2026-12-28', '10:00'), endsAt: ny('2026-12-28', '11:00'), staffId: biz.otherStaffId },
      { startsAt: ny('2026-12-28', '10:30'), endsAt: ny('2026-12-28', '11:30'), staffId: biz.staffId },
    ]);
    const { client } = await customerFor(bookingId);
    const view = (await client.api('GET', `/bookings/${bookingId}`)).json();
    expect(
      new Set(
        view.rescheduleRequest.suggestedTimes.map((time: { staff: { name: string } }) => time.staff.name),
      ),
    ).toEqual(new Set(['Maya', 'Tom']));
    const slots = (
      await client.api('GET', `/bookings/${bookingId}/slots?from=2026-12-28&to=2026-12-28`)
    ).json();
    const at10 = slots.slots.filter(
      (slot: { startsAt: string }) => slot.startsAt === ny('2026-12-28', '10:00'),
    );
    expect(at10).toEqual([
      {
        startsAt: ny('2026-12-28', '10:00'),
        endsAt: ny('2026-12-28', '11:00'),
        staffId: biz.otherStaffId,
        staff: { name: 'Tom' },
      },
    ]);
    const other = await t.api('POST', '/services', { name: 'Gutters', durationMinutes: 30 });
    const roofer = await t.api('POST', '/staff', { name: 'Ray', serviceIds: [other.json().id] });
    expectProblem(
      await client.api('POST', `/bookings/${bookingId}/reschedule`, {
        startsAt: ny('2026-12-28', '13:00'),
        staffId: roofer.json().id,
      }),
      422,
      'staff_not_available',
    );
    const moved = await client.api('POST', `/bookings/${bookingId}/reschedule`, {
      startsAt: ny('2026-12-28', '10:00'),
      staffId: biz.otherStaffId,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: ny('2026-12-28', '10:00'), staff: { name: 'Tom' } });
    const after = await details(bookingId);
    expect(after.staffId).toBe(biz.otherStaffId);
    expect(after.history.at(-1)).toMatchObject({
      type: 'rescheduled',
      fromStaffId: biz.staffId,
      toStaffId: biz.otherStaffId,
      requestId: request.id,
    });
    await dispatch();
    const rescheduled = mail.sent.find(
      (each) =>
        each.to === 'alice@example.com' &&
        each.subject.startsWith('Booking rescheduled') &&
        each.text.includes('With: Tom'),
    );
    expect(rescheduled?.calendar?.content).toContain('With Tom');
    // Without a request (and without a change of staff allowed) the customer keeps their staff member.
    expectProblem(
      await client.api('POST', `/bookings/${bookingId}/reschedule`, {
        startsAt: ny('2026-12-29', '13:00'),
        staffId: biz.staffId,
      }),
      422,
      'staff_not_available',
    );
  });

  it('with allowStaffChange: slots say who, the customer moves to another staff member, requests name everyone', async () => {
    const flag = await t.api('PATCH', '/settings', { customerPortal: { allowStaffChange: true } });
    expect(flag.statusCode, flag.body).toBe(200);
    const bookingId = await bookAt(ny('2027-01-20', '10:00'));
    // Tom is away that afternoon; Maya is booked at 13:00.
    const away = await t.api('POST', '/blocked-events', {
      staffId: biz.otherStaffId,
      startsAt: ny('2027-01-20', '12:00'),
      endsAt: ny('2027-01-20', '17:00'),
      reason: 'dentist',
    });
    expect(away.statusCode, away.body).toBe(201);
    const mayasOther = await bookAt(ny('2027-01-20', '13:00'), { customer: 'bob' });
    const request = await ask(bookingId);
    expect(request.staffIds).toEqual([biz.staffId, biz.otherStaffId]);
    const { client } = await customerFor(bookingId);
    await t.api('DELETE', `/reschedule-requests/${request.id}`);
    expect((await client.api('GET', `/bookings/${bookingId}`)).json().staffChoices).toEqual([
      { id: biz.staffId, name: 'Maya' },
      { id: biz.otherStaffId, name: 'Tom' },
    ]);
    const slots = (
      await client.api('GET', `/bookings/${bookingId}/slots?from=2027-01-20&to=2027-01-20`)
    ).json();
    const who = (time: string) =>
      slots.slots
        .filter((slot: { startsAt: string }) => slot.startsAt === ny('2027-01-20', time))
        .map((slot: { staffId: string; staff: { name: string } }) => [slot.staffId, slot.staff.name]);
    expect(who('09:00')).toEqual([
      [biz.staffId, 'Maya'],
      [biz.otherStaffId, 'Tom'],
    ]);
    expect(who('13:00')).toEqual([]);
    expect(who('15:00')).toEqual([[biz.staffId, 'Maya']]);
    const moved = await client.api('POST', `/bookings/${bookingId}/reschedule`, {
      startsAt: ny('2027-01-20', '10:30'),
      staffId: biz.otherStaffId,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().staff).toEqual({ name: 'Tom' });
    expect((await details(bookingId)).history.at(-1)).toMatchObject({
      type: 'rescheduled',
      fromStaffId: biz.staffId,
      toStaffId: biz.otherStaffId,
    });
    // Tom's blocked afternoon still holds.
    const blocked = await client.api('POST', `/bookings/${bookingId}/reschedule`, {
      startsAt: ny('2027-01-20', '14:00'),
      staffId: biz.otherStaffId,
    });
    expectProblem(blocked, 409, 'slot_unavailable');
    await t.api('POST', `/bookings/${mayasOther}/cancel`);
    await t.api('PATCH', '/settings', { customerPortal: { allowStaffChange: false } });
  });

  it('two customers accepting colliding suggestions: one wins, the other gets 409 with fresh suggestions', async () => {
    for (let round = 0; round < 5; round++) {
      const day = `2027-01-${String(4 + round).padStart(2, '0')}`;
      const alices = await bookAt(ny(day, '09:00'));
      const bobs = await bookAt(ny(day, '14:00'), { customer: 'bob' });
      await ask(alices);
      await ask(bobs);
      const alice = await customerFor(alices, t.app);
      const bob = await customerFor(bobs, second);
      const target = ny(day, '11:30');
      const [one, two] = await Promise.all([
        alice.client.api('POST', `/bookings/${alices}/reschedule`, { startsAt: target }),
        bob.client.api('POST', `/bookings/${bobs}/reschedule`, { startsAt: target }),
      ]);
      const statuses = [one.statusCode, two.statusCode].sort();
      expect(statuses, `round ${round}: ${one.body} ${two.body}`).toEqual([200, 409]);
      const loser = one.statusCode === 409 ? one : two;
      expect(loser.json().code).toBe('slot_unavailable');
      expect((loser.json().suggestedTimes as Suggested[]).map((time) => time.startsAt)).not.toContain(target);
      const winnerId = one.statusCode === 200 ? alices : bobs;
      const loserId = winnerId === alices ? bobs : alices;
      expect((await details(winnerId)).rescheduleRequest).toBeNull();
      expect((await details(loserId)).rescheduleRequest).toMatchObject({ status: 'pending' });
    }
  });

  it('a request answered while the office moves the booking ends consistently', async () => {
    await t.api('PATCH', '/settings', { customerPortal: { allowReschedule: false } });
    for (let round = 0; round < 6; round++) {
      const day = `2027-01-${String(11 + round).padStart(2, '0')}`;
      const bookingId = await bookAt(ny(day, '09:00'));
      const request = await ask(bookingId);
      const customer = await customerFor(bookingId, round % 2 === 0 ? t.app : second);
      const pick = request.suggestedTimes[0] as Suggested;
      const [byCustomer, byOffice] = await Promise.all([
        customer.client.api('POST', `/bookings/${bookingId}/reschedule`, {
          startsAt: pick.startsAt,
          staffId: pick.staffId,
        }),
        (round % 2 === 0 ? second : t.app).inject({
          method: 'POST',
          url: `/api/v1/bookings/${bookingId}/reschedule`,
          headers: { authorization: `Bearer ${t.token}` },
          payload: { startsAt: ny(day, '15:00') },
        }),
      ]);
      expect(byOffice.statusCode, byOffice.body).toBe(200);
      const final = (await t.api('GET', `/reschedule-requests/${request.id}`)).json() as RequestItem;
      const booking = await details(bookingId);
      const history = booking.history as Array<{ type: string; requestId?: string; actor: string }>;
      if (byCustomer.statusCode === 200) {
        // The customer came first: accepted, then the office moved it on.
        expect(final.status).toBe('accepted');
        expect(history.filter((entry) => entry.requestId === request.id).map((entry) => entry.type)).toEqual([
          'reschedule_requested',
          'rescheduled',
        ]);
      } else {
        // The office came first: withdrawn, and the customer is back under the flags.
        expectProblem(byCustomer, 403, 'reschedule_disabled');
        expect(final.status).toBe('withdrawn');
        expect(history.filter((entry) => entry.requestId === request.id).map((entry) => entry.type)).toEqual([
          'reschedule_requested',
          'reschedule_request_withdrawn',
        ]);
      }
      expect(booking.startsAt).toBe(ny(day, '15:00'));
      expect(booking.rescheduleRequest).toBeNull();
    }
  });
});
