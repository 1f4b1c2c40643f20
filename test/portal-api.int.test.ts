import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { memoryTransport } from '../src/email/mail-transport.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { PortalClient, setCookiesOf } from './support/portal-client.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { type DatabaseKind, describeEachDatabase } from './support/test-databases.js';

const NOW = '2026-12-01T08:00:00Z'; // a Tuesday, 03:00 in New York
const NY = 'America/New_York';
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const OFFICE = 'office@test-cleaning.example';
const OWN_WORDS = 'Call us on 555-0100 to change your booking.';
const EXPIRED = '/portal/sign-in?link=expired';
const EVIL = 'https://evil.example';
const MINUTE = 60_000;
const nineToFive = [{ start: '09:00', end: '17:00' }];
const WORKING_HOURS = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: [],
  sun: [],
};
const PORTAL_DEFAULTS = {
  allowReschedule: true,
  allowCancel: true,
  realTimeAvailability: true,
  minimumNoticeMinutes: 24 * 60,
  maxReschedulesPerBooking: null,
  changeBlockedMessage: OWN_WORDS,
};
const ALL_ALLOWED = {
  reschedule: { allowed: true },
  cancel: { allowed: true },
  scheduleNew: { allowed: true },
};

/** A New York wall-clock time as the API's UTC instant (EST, UTC−5, for every date used here). */
const ny = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`).toISOString();
/** The New York wall-clock times ("HH:MM") of a list of slots on one date. */
const nyTimesOf = (slots: Array<{ startsAt: string }>) =>
  slots.map((slot) => new Date(Date.parse(slot.startsAt) - 5 * 60 * MINUTE).toISOString().slice(11, 16));
const gridTimes = (first: string, last: string) => {
  const times: string[] = [];
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  for (let m = toMinutes(first); m <= toMinutes(last); m += 30) {
    times.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return times;
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface OutboxRow {
  kind: string;
  to: string;
}

interface Harness {
  t: TestApp;
  biz: BusinessFixture;
  bobId: string;
  mail: ReturnType<typeof memoryTransport>;
  dispatch(): Promise<void>;
  /** Books a confirmed appointment through the admin API (Alice with Maya unless told otherwise). */
  book(startsAt: string, who?: { customer?: 'alice' | 'bob'; staff?: 'maya' | 'tom' }): Promise<string>;
  /** The booking link from the latest email about this booking (asking for a fresh confirmation if needed). */
  linkFor(bookingId: string): Promise<string>;
  /** A browser that opened the booking's emailed link. */
  byLink(bookingId: string): Promise<PortalClient>;
  /** A browser that signed in by email. */
  signIn(email?: string): Promise<PortalClient>;
  /** The admin's view of a booking. */
  booking(id: string): Promise<Record<string, unknown> & { history: unknown[]; version: number }>;
  outbox(bookingId: string): Promise<OutboxRow[]>;
  portal(patch: Record<string, unknown>): Promise<void>;
  /** Default settings and clock again. */
  reset(): Promise<void>;
}

async function startHarness(kind: DatabaseKind): Promise<Harness> {
  const t = await startTestApp(kind, NOW);
  const biz = await setUpBusiness(t);
  const settings = await t.api('PATCH', '/settings', {
    notificationEmail: OFFICE,
    customerPortal: PORTAL_DEFAULTS,
  });
  expect(settings.statusCode, settings.body).toBe(200);
  const bob = await t.api('POST', '/customers', { name: 'Bob Stone', email: BOB });
  expect(bob.statusCode).toBe(201);
  const bobId = bob.json().id as string;
  const mail = memoryTransport();
  const dispatch = async () => {
    await dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport: mail,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: undefined,
    });
  };
  const findLink = (from: number, pattern: RegExp) => {
    for (const sent of mail.sent.slice(from).reverse()) {
      const found = pattern.exec(sent.text) ?? pattern.exec(sent.html);
      if (found) return found[0];
    }
    return undefined;
  };
  const harness: Harness = {
    t,
    biz,
    bobId,
    mail,
    dispatch,
    async book(startsAt, who = {}) {
      const created = await book(t, biz, startsAt, {
        customerId: who.customer === 'bob' ? bobId : biz.customerId,
        staffId: who.staff === 'tom' ? biz.otherStaffId : biz.staffId,
      });
      return created.id;
    },
    async linkFor(bookingId) {
      const pattern = new RegExp(
        `${escapeRegExp(TEST_PUBLIC_URL)}/portal/bookings/${escapeRegExp(bookingId)}\\?token=[A-Za-z0-9_-]+`,
      );
      let from = mail.sent.length;
      await dispatch();
      let link = findLink(from, pattern);
      if (!link) {
        const resend = await t.api('POST', `/bookings/${bookingId}/resend-confirmation`);
        expect(resend.statusCode, resend.body).toBe(202);
        from = mail.sent.length;
        await dispatch();
        link = findLink(from, pattern);
      }
      if (!link) throw new Error(`no email links to booking ${bookingId}`);
      return link;
    },
    async byLink(bookingId) {
      const client = new PortalClient(t.app);
      const opened = await client.open(await harness.linkFor(bookingId));
      expect(opened.statusCode).toBe(303);
      expect(opened.headers.location).toBe(`/portal/bookings/${bookingId}`);
      return client;
    },
    async signIn(email = ALICE) {
      const client = new PortalClient(t.app);
      const asked = await client.api('POST', '/sign-in', { email });
      expect(asked.statusCode, asked.body).toBe(202);
      const from = mail.sent.length;
      await dispatch();
      const link = findLink(from, /http:\/\/rebook\.test\/portal\/sign-in\/verify\?token=[A-Za-z0-9_-]+/);
      if (!link) throw new Error(`no sign-in link was sent to ${email}`);
      const verified = await client.open(link);
      expect(verified.statusCode).toBe(303);
      expect(verified.headers.location).toBe('/portal');
      return client;
    },
    async booking(id) {
      const response = await t.api('GET', `/bookings/${id}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    async outbox(bookingId) {
      const response = await t.api('GET', `/outbox?bookingId=${bookingId}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    async portal(patch) {
      const response = await t.api('PATCH', '/settings', { customerPortal: patch });
      expect(response.statusCode, response.body).toBe(200);
    },
    async reset() {
      t.clock.set(NOW);
      const response = await t.api('PATCH', '/settings', {
        customerPortal: PORTAL_DEFAULTS,
        workingHours: WORKING_HOURS,
      });
      expect(response.statusCode, response.body).toBe(200);
    },
  };
  return harness;
}

/** How many outbox messages of a kind went to an address. */
const countOf = (rows: OutboxRow[], kind: string, to: string) =>
  rows.filter((row) => row.kind === kind && row.to === to).length;

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

/** What must stay the same when a change is refused. */
const snapshotOf = (booking: Record<string, unknown> & { history: unknown[] }) => ({
  startsAt: booking.startsAt,
  endsAt: booking.endsAt,
  status: booking.status,
  version: booking.version,
  rescheduleCount: booking.rescheduleCount,
  updatedAt: booking.updatedAt,
  history: booking.history.length,
});

describeEachDatabase('customer portal API', (kind) => {
  describe('access: booking links, sign-in and origins', () => {
    let h: Harness;
    let first: string; // Alice, Thu 3 Dec 10:00 with Maya
    let second: string; // Alice, Fri 4 Dec 10:00 with Maya
    let bobs: string; // Bob, Thu 3 Dec 10:00 with Tom

    beforeAll(async () => {
      h = await startHarness(kind);
      first = await h.book(ny('2026-12-03', '10:00'));
      second = await h.book(ny('2026-12-04', '10:00'));
      bobs = await h.book(ny('2026-12-03', '10:00'), { customer: 'bob', staff: 'tom' });
    });
    afterAll(() => h.t.close());
    afterEach(() => h.reset());

    it('opens the booking from its emailed link: 303 without the token, a scoped HttpOnly Lax cookie', async () => {
      const link = await h.linkFor(first);
      expect(link).toMatch(
        new RegExp(`^http://rebook\\.test/portal/bookings/${first}\\?token=[A-Za-z0-9_-]{22,}$`),
      );
      const browser = new PortalClient(h.t.app);
      const opened = await browser.open(link);
      expect(opened.statusCode).toBe(303);
      expect(opened.headers.location).toBe(`/portal/bookings/${first}`);
      const cookies = setCookiesOf(opened);
      expect(cookies.map((c) => c.name)).toEqual([`rebook_booking_${first}`]);
      expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookies[0]?.value.length).toBeGreaterThanOrEqual(22);
      expect(cookies[0]?.value).not.toBe(new URL(link).searchParams.get('token'));

      const view = await browser.api('GET', `/bookings/${first}`);
      expect(view.statusCode, view.body).toBe(200);
      expect(view.headers.etag).toBe('"1"');
      const body = view.json();
      expect(body).toMatchObject({
        id: first,
        status: 'confirmed',
        startsAt: ny('2026-12-03', '10:00'),
        endsAt: ny('2026-12-03', '11:00'),
        version: 1,
        timezone: NY,
        service: { id: h.biz.serviceId, name: 'Standard clean', durationMinutes: 60 },
        staff: { name: 'Maya' },
        actions: ALL_ALLOWED,
      });
      expect(body).not.toHaveProperty('customerId');
    });

    it("does not open the customer's other bookings, nor the signed-in pages, with a link cookie", async () => {
      const browser = await h.byLink(first);
      const refusals: LightMyRequestResponse[] = [];
      for (const target of [second, bobs, 'no-such-booking']) {
        const requests = [
          await browser.api('GET', `/bookings/${target}`),
          await browser.api('GET', `/bookings/${target}/slots?from=2026-12-07&to=2026-12-07`),
          await browser.api('POST', `/bookings/${target}/reschedule`, {
            startsAt: ny('2026-12-07', '10:00'),
          }),
          await browser.api('POST', `/bookings/${target}/cancel`, {}),
        ];
        for (const response of requests) expectProblem(response, 401, 'unauthorized');
        refusals.push(...requests);
      }
      // The answer is the same whoever's booking it is, and names nothing.
      const bodies = new Set(refusals.map((r) => r.body));
      expect(bodies.size).toBe(1);
      for (const body of bodies) {
        for (const secret of [second, bobs, 'Alice', 'Bob', 'Maya', 'Tom'])
          expect(body).not.toContain(secret);
      }
      expectProblem(await browser.api('GET', '/me'), 401, 'unauthorized');
      expectProblem(await browser.api('GET', '/bookings'), 401, 'unauthorized');

      // The link session's token does not work under another booking's cookie name, nor as a sign-in.
      const token = browser.jar.get(`rebook_booking_${first}`) as string;
      const forged = new PortalClient(h.t.app, { [`rebook_booking_${second}`]: token });
      expectProblem(await forged.api('GET', `/bookings/${second}`), 401, 'unauthorized');
      const asCustomer = new PortalClient(h.t.app, { rebook_customer: token });
      expectProblem(await asCustomer.api('GET', '/me'), 401, 'unauthorized');
      expectProblem(await asCustomer.api('GET', `/bookings/${second}`), 401, 'unauthorized');

      expect((await h.booking(second)).version).toBe(1);
      expect((await h.booking(bobs)).version).toBe(1);
    });

    it("answers another customer's booking with 404 not_found, never 403, even with If-Match", async () => {
      const alice = await h.signIn();
      const before = snapshotOf(await h.booking(bobs));
      const newTime = { startsAt: ny('2026-12-08', '10:00') };
      const attempts = [
        await alice.api('GET', `/bookings/${bobs}`),
        await alice.api('GET', `/bookings/${bobs}/slots?from=2026-12-07&to=2026-12-08`),
        await alice.api('POST', `/bookings/${bobs}/reschedule`, newTime),
        await alice.api('POST', `/bookings/${bobs}/reschedule`, newTime, { 'if-match': '"7"' }),
        await alice.api('POST', `/bookings/${bobs}/cancel`, {}),
        await alice.api('POST', `/bookings/${bobs}/cancel`, {}, { 'if-match': '"7"' }),
      ];
      const missing = [
        await alice.api('GET', '/bookings/no-such-booking'),
        await alice.api('POST', '/bookings/no-such-booking/reschedule', newTime),
        await alice.api('POST', '/bookings/no-such-booking/cancel', {}),
      ];
      for (const response of [...attempts, ...missing]) expectProblem(response, 404, 'not_found');
      // Bob's booking is indistinguishable from one that does not exist.
      expect(new Set([...attempts, ...missing].map((r) => r.json().detail)).size).toBe(1);
      for (const response of attempts) {
        expect(response.body).not.toContain('Bob');
        expect(response.body).not.toContain('Tom');
      }
      expect(snapshotOf(await h.booking(bobs))).toEqual(before);
    });

    it('redirects a bad, forged, tampered or revoked token to sign-in, with no cookie and no booking details', async () => {
      const token = new URL(await h.linkFor(first)).searchParams.get('token') as string;
      const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      const revokedBooking = await h.book(ny('2026-12-08', '10:00'));
      const revokedLink = await h.linkFor(revokedBooking);
      const owner = new PortalClient(h.t.app);
      expect((await owner.open(revokedLink)).statusCode).toBe(303);
      const cancelled = await owner.api('POST', `/bookings/${revokedBooking}/cancel`, {});
      expect(cancelled.statusCode, cancelled.body).toBe(200);

      const urls = [
        `/portal/bookings/${first}?token=not-a-real-token`,
        `/portal/bookings/${first}?token=${tampered}`,
        `/portal/bookings/${second}?token=${token}`, // a genuine token, for another booking
        `/portal/bookings/no-such-booking?token=${token}`,
        `/portal/bookings/${first}?token=`,
        revokedLink,
      ];
      for (const url of urls) {
        const browser = new PortalClient(h.t.app);
        const response = await browser.open(url);
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location, url).toBe(EXPIRED);
        expect(response.headers['set-cookie'], url).toBeUndefined();
        expect(browser.jar.size).toBe(0);
        for (const secret of [first, second, revokedBooking]) expect(response.body).not.toContain(secret);
      }
    });

    it('opens the link again and again, by GET and HEAD, without ever changing the booking', async () => {
      const link = await h.linkFor(second);
      const before = await h.booking(second);
      const emailsBefore = (await h.outbox(second)).length;
      const tokens = new Set<string>();
      for (const method of ['GET', 'HEAD', 'GET', 'GET', 'HEAD', 'GET'] as const) {
        const browser = new PortalClient(h.t.app);
        const response = await browser.open(link, method);
        expect(response.statusCode, method).toBe(303);
        expect(response.headers.location).toBe(`/portal/bookings/${second}`);
        const cookie = browser.jar.get(`rebook_booking_${second}`);
        expect(cookie, method).toBeDefined();
        tokens.add(cookie as string);
        const view = await browser.api('GET', `/bookings/${second}`);
        expect(view.statusCode).toBe(200);
        expect(view.json().version).toBe(1);
      }
      expect(tokens.size).toBe(6);
      const after = await h.booking(second);
      expect(after).toEqual(before);
      expect(after.version).toBe(1);
      expect((await h.outbox(second)).length).toBe(emailsBefore);
    });

    it('keeps the link working while the appointment runs, and stops it once the appointment has ended', async () => {
      const booking = await h.book(ny('2026-12-09', '10:00'));
      const link = await h.linkFor(booking);
      h.t.clock.set(ny('2026-12-09', '10:30'));
      const during = await new PortalClient(h.t.app).open(link);
      expect(during.statusCode).toBe(303);
      expect(during.headers.location).toBe(`/portal/bookings/${booking}`);
      expect(setCookiesOf(during).map((c) => c.name)).toEqual([`rebook_booking_${booking}`]);

      h.t.clock.set(ny('2026-12-09', '11:01'));
      const browser = new PortalClient(h.t.app);
      const after = await browser.open(link);
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toBe(EXPIRED);
      expect(after.headers['set-cookie']).toBeUndefined();
      expect(browser.jar.size).toBe(0);
    });

    it('refuses a cookie-authenticated change from another origin, or with no Origin, with 403 and changes nothing', async () => {
      const browser = await h.byLink(second);
      const before = snapshotOf(await h.booking(second));
      const aliceBookings = (await h.t.api('GET', `/bookings?customerId=${h.biz.customerId}`)).json().length;
      for (const origin of [EVIL, undefined]) {
        expectProblem(
          await browser.api(
            'POST',
            `/bookings/${second}/reschedule`,
            { startsAt: ny('2026-12-10', '10:00') },
            { origin },
          ),
          403,
          'forbidden',
        );
        expectProblem(
          await browser.api('POST', `/bookings/${second}/cancel`, {}, { origin }),
          403,
          'forbidden',
        );
        expectProblem(
          await browser.api(
            'POST',
            '/bookings',
            { serviceId: h.biz.serviceId, startsAt: ny('2026-12-10', '10:00') },
            { origin },
          ),
          403,
          'forbidden',
        );
      }
      expect(snapshotOf(await h.booking(second))).toEqual(before);
      expect((await h.t.api('GET', `/bookings?customerId=${h.biz.customerId}`)).json().length).toBe(
        aliceBookings,
      );
    });

    it('signs a known customer in by email, answering every address alike, and signs them out', async () => {
      const asked = new PortalClient(h.t.app);
      const from = h.mail.sent.length;
      const known = await asked.api('POST', '/sign-in', { email: 'ALICE@example.com' });
      const unknown = await asked.api('POST', '/sign-in', { email: 'nobody@example.com' });
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(unknown.body).toBe(known.body);
      expect(setCookiesOf(known)).toEqual([]);
      await h.dispatch();
      const sent = h.mail.sent.slice(from);
      expect(sent.map((m) => m.to)).toEqual([ALICE]);
      const link = /http:\/\/rebook\.test\/portal\/sign-in\/verify\?token=[A-Za-z0-9_-]+/.exec(
        sent[0]?.text ?? '',
      )?.[0];
      expect(link).toBeDefined();

      const browser = new PortalClient(h.t.app);
      const verified = await browser.open(link as string);
      expect(verified.statusCode).toBe(303);
      expect(verified.headers.location).toBe('/portal');
      const cookies = setCookiesOf(verified);
      expect(cookies.map((c) => c.name)).toEqual(['rebook_customer']);
      expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

      const me = await browser.api('GET', '/me');
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json()).toMatchObject({ id: h.biz.customerId, name: 'Alice Moreno', email: ALICE });
      const mine = await browser.api('GET', '/bookings');
      expect(mine.statusCode).toBe(200);
      const listed = (mine.json() as Array<{ id: string }>).map((b) => b.id).sort();
      const alices = (await h.t.api('GET', `/bookings?customerId=${h.biz.customerId}`)).json() as Array<{
        id: string;
      }>;
      expect(listed).toEqual(alices.map((b) => b.id).sort());
      expect(listed).toEqual(expect.arrayContaining([first, second]));
      expect(listed).not.toContain(bobs);
      // Signed in, every one of her bookings opens; Bob's still does not.
      expect((await browser.api('GET', `/bookings/${second}`)).statusCode).toBe(200);
      expectProblem(await browser.api('GET', `/bookings/${bobs}`), 404, 'not_found');

      const signedOut = await browser.api('POST', '/sign-out');
      expect(signedOut.statusCode).toBe(204);
      const stale = new PortalClient(h.t.app, { rebook_customer: cookies[0]?.value as string });
      for (const client of [browser, stale]) {
        expectProblem(await client.api('GET', '/me'), 401, 'unauthorized');
        expectProblem(await client.api('GET', '/bookings'), 401, 'unauthorized');
      }
    });

    it('refuses a bad or expired sign-in link without signing anyone in', async () => {
      const bad = new PortalClient(h.t.app);
      const response = await bad.open('/portal/sign-in/verify?token=not-a-real-token');
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(EXPIRED);
      expect(response.headers['set-cookie']).toBeUndefined();

      const asked = new PortalClient(h.t.app);
      expect((await asked.api('POST', '/sign-in', { email: ALICE })).statusCode).toBe(202);
      const from = h.mail.sent.length;
      await h.dispatch();
      const link = /http:\/\/rebook\.test\/portal\/sign-in\/verify\?token=[A-Za-z0-9_-]+/.exec(
        h.mail.sent.slice(from)[0]?.text ?? '',
      )?.[0] as string;
      expect(link).toBeDefined();
      h.t.clock.advance(31 * MINUTE);
      const late = new PortalClient(h.t.app);
      const expired = await late.open(link);
      expect(expired.statusCode).toBe(303);
      expect(expired.headers.location).toBe(EXPIRED);
      expect(late.jar.size).toBe(0);
    });

    it('refuses a sign-out from another origin (a cookie-authenticated POST) and keeps the session', async () => {
      const browser = await h.signIn();
      expectProblem(await browser.api('POST', '/sign-out', undefined, { origin: EVIL }), 403, 'forbidden');
      expect((await browser.api('GET', '/me')).statusCode).toBe(200);
    });
  });

  describe('booking view and slots', () => {
    let h: Harness;
    let alice: PortalClient;

    beforeAll(async () => {
      h = await startHarness(kind);
      alice = await h.signIn();
    });
    afterAll(() => h.t.close());
    afterEach(() => h.reset());

    const actionsOf = async (client: PortalClient, id: string) => {
      const view = await client.api('GET', `/bookings/${id}`);
      expect(view.statusCode, view.body).toBe(200);
      return view.json().actions;
    };

    it('allows everything on an upcoming booking, and shows the policy', async () => {
      const id = await h.book(ny('2026-12-10', '10:00'));
      const view = (await alice.api('GET', `/bookings/${id}`)).json();
      expect(view.actions).toEqual(ALL_ALLOWED);
      expect(view.policy).toEqual({
        minimumNoticeMinutes: 1440,
        maxReschedulesPerBooking: null,
        bookingWindowDays: 90,
        changeBlockedMessage: OWN_WORDS,
        contactPhone: null,
      });
      expect(await actionsOf(await h.byLink(id), id)).toEqual(ALL_ALLOWED);
    });

    it('says reschedule_disabled, in the business own words, when rescheduling is off', async () => {
      const id = await h.book(ny('2026-12-10', '13:00'));
      await h.portal({ allowReschedule: false });
      const actions = await actionsOf(alice, id);
      expect(actions.reschedule).toEqual({
        allowed: false,
        code: 'reschedule_disabled',
        message: expect.stringContaining(OWN_WORDS),
      });
      expect(actions.cancel).toEqual({ allowed: true });
      expect(actions.scheduleNew).toEqual({ allowed: true });
    });

    it('says cancel_disabled when cancelling is off', async () => {
      const id = await h.book(ny('2026-12-11', '10:00'));
      await h.portal({ allowCancel: false });
      const actions = await actionsOf(alice, id);
      expect(actions.cancel).toEqual({
        allowed: false,
        code: 'cancel_disabled',
        message: expect.stringContaining(OWN_WORDS),
      });
      expect(actions.reschedule).toEqual({ allowed: true });
    });

    it('says minimum_notice from exactly the notice time before the start', async () => {
      const id = await h.book(ny('2026-12-02', '10:00'));
      h.t.clock.set(ny('2026-12-01', '10:00')); // exactly 24 hours before
      expect(await actionsOf(alice, id)).toEqual(ALL_ALLOWED);
      h.t.clock.set(ny('2026-12-01', '10:01'));
      const refused = {
        allowed: false,
        code: 'minimum_notice',
        message: expect.stringContaining('Changes can be made up to 24 hours before your appointment.'),
      };
      const actions = await actionsOf(alice, id);
      expect(actions.reschedule).toEqual(refused);
      expect(actions.cancel).toEqual(refused);
      expect(actions.reschedule.message).toContain(OWN_WORDS);
    });

    it('says booking_not_active for a cancelled, a completed and a started booking', async () => {
      const cancelled = await h.book(ny('2026-12-14', '09:00'));
      const completed = await h.book(ny('2026-12-14', '11:00'));
      const started = await h.book(ny('2026-12-14', '13:00'));
      expect((await h.t.api('POST', `/bookings/${cancelled}/cancel`, {})).statusCode).toBe(200);
      expect((await h.t.api('POST', `/bookings/${completed}/complete`, {})).statusCode).toBe(200);
      const notActive = { allowed: false, code: 'booking_not_active', message: expect.any(String) };
      for (const id of [cancelled, completed]) {
        const actions = await actionsOf(alice, id);
        expect(actions.reschedule, id).toEqual(notActive);
        expect(actions.cancel, id).toEqual(notActive);
      }
      expect((await actionsOf(alice, cancelled)).reschedule.message).toContain('cancelled');
      h.t.clock.set(ny('2026-12-14', '13:01'));
      const actions = await actionsOf(alice, started);
      expect(actions.reschedule).toEqual(notActive);
      expect(actions.cancel).toEqual(notActive);
      expect(actions.reschedule.message).toContain('started');
    });

    it('says reschedule_limit_reached after the customer used their reschedules; office moves do not count', async () => {
      await h.portal({ maxReschedulesPerBooking: 1 });
      const id = await h.book(ny('2026-12-15', '10:00'));
      const moved = await h.t.api('POST', `/bookings/${id}/reschedule`, {
        startsAt: ny('2026-12-15', '13:00'),
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await actionsOf(alice, id)).reschedule).toEqual({ allowed: true });
      const byCustomer = await alice.api('POST', `/bookings/${id}/reschedule`, {
        startsAt: ny('2026-12-16', '10:00'),
      });
      expect(byCustomer.statusCode, byCustomer.body).toBe(200);
      const actions = await actionsOf(alice, id);
      expect(actions.reschedule).toEqual({
        allowed: false,
        code: 'reschedule_limit_reached',
        message: expect.stringContaining(OWN_WORDS),
      });
      expect(actions.cancel).toEqual({ allowed: true });
    });

    describe('slots', () => {
      let own: string; // Alice, Mon 4 Jan 2027 10:00 with Maya
      let browser: PortalClient;
      const day = '2027-01-04';
      const slotsOf = (from: string, to: string, client = browser) =>
        client.api('GET', `/bookings/${own}/slots?from=${from}&to=${to}`);

      beforeAll(async () => {
        own = await h.book(ny(day, '10:00'));
        await h.book(ny(day, '13:00'), { customer: 'bob' }); // Maya, 13:00–14:15 with the buffer
        await h.book(ny(day, '12:00'), { staff: 'tom' }); // Tom: not Maya's business
        const cancelled = await h.book(ny(day, '16:00'), { customer: 'bob' });
        expect((await h.t.api('POST', `/bookings/${cancelled}/cancel`, {})).statusCode).toBe(200); // frees 16:00
        const blocked = await h.t.api('POST', '/blocked-events', {
          staffId: h.biz.staffId,
          startsAt: ny(day, '15:00'),
          endsAt: ny(day, '15:30'),
          reason: 'Dentist',
        });
        expect(blocked.statusCode, blocked.body).toBe(201);
        browser = await h.byLink(own);
      });

      it('offers the working hours on the 30-minute grid, minus other bookings with buffers and blocked time, never minus itself', async () => {
        const response = await slotsOf(day, day);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        expect(body.timezone).toBe(NY);
        expect(body.mode).toBe('real_time');
        expect(nyTimesOf(body.slots)).toEqual([
          '09:00',
          '09:30',
          '10:00', // its own time
          '10:30',
          '11:00',
          '11:30',
          '15:30',
          '16:00',
        ]);
        for (const slot of body.slots) {
          expect(slot.startsAt.slice(0, 10)).toBe(day);
          expect(Date.parse(slot.endsAt) - Date.parse(slot.startsAt)).toBe(60 * MINUTE);
          expect(slot.startsAt).toMatch(/Z$/);
        }
        // The same for a signed-in customer.
        expect((await slotsOf(day, day, alice)).json()).toEqual(body);
      });

      it('offers nothing at the weekend, and every grid time on a free day', async () => {
        expect((await slotsOf('2027-01-02', '2027-01-03')).json().slots).toEqual([]);
        const free = (await slotsOf('2027-01-05', '2027-01-05')).json().slots;
        expect(nyTimesOf(free)).toEqual(gridTimes('09:00', '16:00'));
        expect(free[0]).toEqual({ startsAt: ny('2027-01-05', '09:00'), endsAt: ny('2027-01-05', '10:00') });
      });

      it('respects the minimum notice', async () => {
        h.t.clock.set(ny('2026-12-01', '14:00'));
        const response = await slotsOf('2026-12-01', '2026-12-02');
        expect(response.statusCode).toBe(200);
        expect(response.json().slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(
          gridTimes('14:00', '16:00').map((time) => ny('2026-12-02', time)),
        );
      });

      it('respects the booking window', async () => {
        // 90 days from 1 Dec 08:00Z ends on 1 March 2027 08:00Z (03:00 in New York).
        const response = await slotsOf('2027-02-26', '2027-03-02');
        expect(response.statusCode).toBe(200);
        expect(response.json().slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(
          gridTimes('09:00', '16:00').map((time) => ny('2027-02-26', time)),
        );
      });

      it('offers every working-hours time, taken or not, when real-time availability is off', async () => {
        await h.portal({ realTimeAvailability: false });
        const body = (await slotsOf(day, day)).json();
        expect(body.mode).toBe('working_hours');
        expect(nyTimesOf(body.slots)).toEqual(gridTimes('09:00', '16:00'));
      });

      it('answers bad dates and ranges over 62 days with 422 validation_failed naming the field', async () => {
        const cases: Array<[string, string, string]> = [
          ['not-a-date', '2027-01-04', 'from'],
          ['2027-01-04', '2027-01-32', 'to'],
          ['2027-01-04', '2027-01-03', 'to'],
          ['2026-12-01', '2027-02-26', 'to'], // 87 days
          ['2027-01-04', '2027-03-08', 'to'], // 63 days
        ];
        for (const [from, to, field] of cases) {
          const response = await slotsOf(from, to);
          expectProblem(response, 422, 'validation_failed');
          expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
        }
        expectProblem(
          await browser.api('GET', `/bookings/${own}/slots?from=2027-01-04`),
          422,
          'validation_failed',
        );
        expect((await slotsOf('2026-12-01', '2027-01-31')).statusCode).toBe(200);
      });
    });
  });

  describe('reschedule and cancel', () => {
    let h: Harness;
    let alice: PortalClient;
    let bobs: string; // Bob with Maya, Mon 14 Dec 10:00 (busy 10:00–11:15)

    beforeAll(async () => {
      h = await startHarness(kind);
      alice = await h.signIn();
      bobs = await h.book(ny('2026-12-14', '10:00'), { customer: 'bob' });
      await h.book(ny('2026-12-17', '10:00'), { customer: 'bob', staff: 'tom' });
      for (const [staffId, date] of [
        [h.biz.staffId, '2026-12-15'],
        [null, '2026-12-16'],
      ] as const) {
        const blocked = await h.t.api('POST', '/blocked-events', {
          staffId,
          startsAt: ny(date, '10:00'),
          endsAt: ny(date, '11:00'),
          reason: 'Training',
        });
        expect(blocked.statusCode, blocked.body).toBe(201);
      }
    });
    afterAll(() => h.t.close());
    afterEach(() => h.reset());

    const reschedule = (
      client: PortalClient,
      id: string,
      startsAt: string,
      headers: Record<string, string> = {},
      reason?: string,
    ) =>
      client.api(
        'POST',
        `/bookings/${id}/reschedule`,
        reason === undefined ? { startsAt } : { startsAt, reason },
        headers,
      );

    async function expectRefused(
      client: PortalClient,
      id: string,
      startsAt: string,
      status: number,
      code: string,
      field?: string,
    ) {
      const before = snapshotOf(await h.booking(id));
      const response = await reschedule(client, id, startsAt);
      expectProblem(response, status, code);
      if (field) expect(response.json().errors?.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(snapshotOf(await h.booking(id))).toEqual(before);
      return response;
    }

    it('moves the booking by its link: 200, the new time, a customer history entry, emails to customer and office', async () => {
      const id = await h.book(ny('2026-12-08', '10:00'));
      const browser = await h.byLink(id);
      const response = await reschedule(browser, id, ny('2026-12-10', '14:00'), {}, 'Car trouble');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers.etag).toBe('"2"');
      const body = response.json();
      expect(body).toMatchObject({
        id,
        status: 'confirmed',
        startsAt: ny('2026-12-10', '14:00'),
        endsAt: ny('2026-12-10', '15:00'),
        rescheduleCount: 1,
        version: 2,
      });
      expect(body.history.at(-1)).toMatchObject({
        type: 'rescheduled',
        actor: 'customer',
        channel: 'email_link',
        fromStartsAt: ny('2026-12-08', '10:00'),
        toStartsAt: ny('2026-12-10', '14:00'),
        reason: 'Car trouble',
      });
      const admin = await h.booking(id);
      expect(admin).toMatchObject({ startsAt: ny('2026-12-10', '14:00'), version: 2, conflicts: [] });
      expect(admin.history.at(-1)).toMatchObject({
        type: 'rescheduled',
        actor: 'customer',
        channel: 'email_link',
        fromStartsAt: ny('2026-12-08', '10:00'),
        toStartsAt: ny('2026-12-10', '14:00'),
        reason: 'Car trouble',
      });
      const outbox = await h.outbox(id);
      expect(countOf(outbox, 'booking_rescheduled', ALICE)).toBe(1);
      expect(countOf(outbox, 'business_notification', OFFICE)).toBe(1);
      // The customer can see the new time again in the portal.
      expect((await browser.api('GET', `/bookings/${id}`)).json().startsAt).toBe(ny('2026-12-10', '14:00'));
      // The link now lives until the new time ends, past the old one.
      const link = await h.linkFor(id);
      h.t.clock.set(ny('2026-12-08', '11:30'));
      const reopened = await new PortalClient(h.t.app).open(link);
      expect(reopened.headers.location).toBe(`/portal/bookings/${id}`);
    });

    it('records channel portal for a signed-in customer', async () => {
      const id = await h.book(ny('2026-12-09', '10:00'));
      const response = await reschedule(alice, id, ny('2026-12-09', '14:00'), {}, 'Later suits me');
      expect(response.statusCode, response.body).toBe(200);
      expect((await h.booking(id)).history.at(-1)).toMatchObject({
        type: 'rescheduled',
        actor: 'customer',
        channel: 'portal',
        reason: 'Later suits me',
      });
      const outbox = await h.outbox(id);
      expect(countOf(outbox, 'booking_rescheduled', ALICE)).toBe(1);
      expect(countOf(outbox, 'business_notification', OFFICE)).toBe(1);
    });

    it('refuses with 403 reschedule_disabled when the flag went off after the page was loaded', async () => {
      const id = await h.book(ny('2026-12-11', '10:00'));
      const browser = await h.byLink(id);
      expect((await browser.api('GET', `/bookings/${id}`)).json().actions.reschedule).toEqual({
        allowed: true,
      });
      await h.portal({ allowReschedule: false });
      const response = await expectRefused(
        browser,
        id,
        ny('2026-12-11', '14:00'),
        403,
        'reschedule_disabled',
      );
      expect(response.json().detail).toContain(OWN_WORDS);
    });

    it('refuses with 422 booking_not_active a cancelled, a completed and a started booking', async () => {
      const cancelled = await h.book(ny('2026-12-18', '09:00'));
      const completed = await h.book(ny('2026-12-18', '11:00'));
      const started = await h.book(ny('2026-12-18', '13:00'));
      const browsers = {
        cancelled: await h.byLink(cancelled),
        completed: await h.byLink(completed),
        started: await h.byLink(started),
      };
      expect((await h.t.api('POST', `/bookings/${cancelled}/cancel`, {})).statusCode).toBe(200);
      expect((await h.t.api('POST', `/bookings/${completed}/complete`, {})).statusCode).toBe(200);
      const target = ny('2026-12-21', '10:00');
      await expectRefused(browsers.cancelled, cancelled, target, 422, 'booking_not_active');
      await expectRefused(alice, cancelled, target, 422, 'booking_not_active');
      await expectRefused(browsers.completed, completed, target, 422, 'booking_not_active');
      h.t.clock.set(ny('2026-12-18', '13:05'));
      await expectRefused(browsers.started, started, target, 422, 'booking_not_active');
    });

    it('refuses with 422 minimum_notice when the booking is too close, and when the new time is', async () => {
      const soon = await h.book(ny('2026-12-02', '10:00'));
      const browser = await h.byLink(soon);
      h.t.clock.set(ny('2026-12-01', '11:00')); // 23 hours before it
      const response = await expectRefused(browser, soon, ny('2026-12-22', '10:00'), 422, 'minimum_notice');
      expect(response.json().detail).toContain('24 hours');
      h.t.clock.set(NOW);

      const later = await h.book(ny('2026-12-22', '14:00'));
      // Today at 15:00 is only 12 hours away.
      const tooSoon = await expectRefused(
        alice,
        later,
        ny('2026-12-01', '15:00'),
        422,
        'minimum_notice',
        'startsAt',
      );
      expect(tooSoon.json().detail).toContain('24 hours');
      h.t.clock.set(ny('2026-12-01', '09:01')); // 2 Dec 09:00 is now 23 h 59 min away
      await expectRefused(alice, later, ny('2026-12-02', '09:00'), 422, 'minimum_notice', 'startsAt');
    });

    it('refuses with 422 outside_working_hours: evening, weekend, off the grid, past closing, in a lunch break', async () => {
      const id = await h.book(ny('2026-12-23', '10:00'));
      const browser = await h.byLink(id);
      for (const startsAt of [
        ny('2026-12-23', '18:00'), // evening
        ny('2026-12-23', '08:30'), // before opening
        ny('2026-12-26', '10:00'), // Saturday
        ny('2026-12-23', '10:10'), // off the 30-minute grid
        ny('2026-12-23', '16:30'), // would end after 17:00
      ]) {
        await expectRefused(browser, id, startsAt, 422, 'outside_working_hours', 'startsAt');
      }
      const lunch = await h.t.api('PATCH', '/settings', {
        workingHours: {
          wed: [
            { start: '09:00', end: '12:00' },
            { start: '13:00', end: '17:00' },
          ],
        },
      });
      expect(lunch.statusCode, lunch.body).toBe(200);
      await expectRefused(browser, id, ny('2026-12-23', '12:00'), 422, 'outside_working_hours', 'startsAt');
      await expectRefused(browser, id, ny('2026-12-23', '11:30'), 422, 'outside_working_hours', 'startsAt');
      const afterLunch = await reschedule(browser, id, ny('2026-12-23', '13:00'));
      expect(afterLunch.statusCode, afterLunch.body).toBe(200);
    });

    it('refuses with 422 outside_booking_window beyond the 90 days', async () => {
      const id = await h.book(ny('2026-12-28', '10:00'));
      // The window ends on 1 March 2027 at 08:00Z (03:00 in New York).
      await expectRefused(alice, id, ny('2027-03-01', '10:00'), 422, 'outside_booking_window', 'startsAt');
      await expectRefused(alice, id, ny('2027-06-01', '10:00'), 422, 'outside_booking_window', 'startsAt');
      const lastDay = await reschedule(alice, id, ny('2027-02-26', '16:00'));
      expect(lastDay.statusCode, lastDay.body).toBe(200);
    });

    it('refuses with 422 reschedule_limit_reached once the customer used the allowed reschedules', async () => {
      await h.portal({ maxReschedulesPerBooking: 1 });
      const id = await h.book(ny('2026-12-29', '10:00'));
      const byOffice = await h.t.api('POST', `/bookings/${id}/reschedule`, {
        startsAt: ny('2026-12-29', '13:00'),
      });
      expect(byOffice.statusCode, byOffice.body).toBe(200);
      const browser = await h.byLink(id);
      const first = await reschedule(browser, id, ny('2026-12-30', '10:00'));
      expect(first.statusCode, first.body).toBe(200);
      const response = await expectRefused(
        browser,
        id,
        ny('2026-12-30', '13:00'),
        422,
        'reschedule_limit_reached',
      );
      expect(response.json().detail).toContain(OWN_WORDS);
      await expectRefused(alice, id, ny('2026-12-30', '13:00'), 422, 'reschedule_limit_reached');
      expect((await h.booking(id)).startsAt).toBe(ny('2026-12-30', '10:00'));
    });

    it('refuses with 409 slot_unavailable a taken or blocked time, buffers included, but not its own time', async () => {
      const id = await h.book(ny('2026-12-31', '10:00'));
      const browser = await h.byLink(id);
      for (const startsAt of [
        ny('2026-12-14', '10:00'), // Bob's booking
        ny('2026-12-14', '11:00'), // inside the 15-minute buffer after Bob's booking
        ny('2026-12-14', '09:00'), // its own buffer would run into Bob's booking
        ny('2026-12-15', '10:30'), // Maya's blocked time
        ny('2026-12-15', '09:00'), // its buffer would run into the blocked time
        ny('2026-12-16', '10:00'), // time blocked for everyone
      ]) {
        await expectRefused(browser, id, startsAt, 409, 'slot_unavailable', 'startsAt');
      }
      // Overlapping its own current time is fine; so is Tom's booking (not Maya's) and the first time after a buffer.
      for (const [startsAt, version] of [
        [ny('2026-12-31', '10:30'), 2],
        [ny('2026-12-17', '10:00'), 3],
        [ny('2026-12-14', '11:30'), 4],
      ] as const) {
        const moved = await reschedule(browser, id, startsAt);
        expect(moved.statusCode, moved.body).toBe(200);
        expect(moved.json()).toMatchObject({ startsAt, version, staffId: h.biz.staffId });
      }
      expect((await h.booking(bobs)).version).toBe(1);
    });

    it('refuses a stale If-Match with 409 booking_changed, and accepts the current one', async () => {
      const id = await h.book(ny('2027-01-05', '10:00'));
      const browser = await h.byLink(id);
      const page = await browser.api('GET', `/bookings/${id}`);
      expect(page.headers.etag).toBe('"1"');
      const byOffice = await h.t.api('POST', `/bookings/${id}/reschedule`, {
        startsAt: ny('2027-01-05', '13:00'),
      });
      expect(byOffice.statusCode).toBe(200);
      const before = snapshotOf(await h.booking(id));
      const stale = await reschedule(browser, id, ny('2027-01-06', '10:00'), {
        'if-match': page.headers.etag as string,
      });
      expectProblem(stale, 409, 'booking_changed');
      expect(snapshotOf(await h.booking(id))).toEqual(before);
      const current = await reschedule(browser, id, ny('2027-01-06', '10:00'), { 'if-match': '"2"' });
      expect(current.statusCode, current.body).toBe(200);
      expect(current.json()).toMatchObject({ startsAt: ny('2027-01-06', '10:00'), version: 3 });
    });

    it('in working-hours mode moves onto a taken or blocked time, and the office sees the conflict', async () => {
      const taken = await h.book(ny('2027-01-08', '10:00'), { customer: 'bob' });
      const block = await h.t.api('POST', '/blocked-events', {
        staffId: h.biz.staffId,
        startsAt: ny('2027-01-08', '14:00'),
        endsAt: ny('2027-01-08', '15:00'),
        reason: null,
      });
      expect(block.statusCode).toBe(201);
      const first = await h.book(ny('2027-01-07', '10:00'));
      const second = await h.book(ny('2027-01-07', '13:00'));
      await h.portal({ realTimeAvailability: false });
      const browser = await h.byLink(first);
      // Working hours still apply.
      await expectRefused(
        browser,
        first,
        ny('2027-01-08', '18:00'),
        422,
        'outside_working_hours',
        'startsAt',
      );

      const onBooking = await reschedule(browser, first, ny('2027-01-08', '10:00'));
      expect(onBooking.statusCode, onBooking.body).toBe(200);
      expect(onBooking.json().startsAt).toBe(ny('2027-01-08', '10:00'));
      expect((await h.booking(first)).conflicts).toEqual([
        {
          kind: 'booking',
          id: taken,
          startsAt: ny('2027-01-08', '10:00'),
          endsAt: ny('2027-01-08', '11:00'),
        },
      ]);
      expect((await h.booking(taken)).conflicts).toEqual([
        {
          kind: 'booking',
          id: first,
          startsAt: ny('2027-01-08', '10:00'),
          endsAt: ny('2027-01-08', '11:00'),
        },
      ]);

      const onBlock = await reschedule(alice, second, ny('2027-01-08', '14:00'));
      expect(onBlock.statusCode, onBlock.body).toBe(200);
      expect((await h.booking(second)).conflicts).toEqual([
        {
          kind: 'blocked_event',
          id: block.json().id,
          startsAt: ny('2027-01-08', '14:00'),
          endsAt: ny('2027-01-08', '15:00'),
        },
      ]);
    });

    it('answers a retried request with the same Idempotency-Key with the first result, acting once', async () => {
      const id = await h.book(ny('2027-01-11', '10:00'));
      const browser = await h.byLink(id);
      const headers = { 'idempotency-key': 'retry-reschedule-0001' };
      const first = await reschedule(browser, id, ny('2027-01-11', '14:00'), headers, 'Retry test');
      expect(first.statusCode, first.body).toBe(200);
      const again = await reschedule(browser, id, ny('2027-01-11', '14:00'), headers, 'Retry test');
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual(first.json());
      const admin = await h.booking(id);
      expect(admin).toMatchObject({ startsAt: ny('2027-01-11', '14:00'), version: 2, rescheduleCount: 1 });
      expect(admin.history.filter((e) => (e as { type: string }).type === 'rescheduled')).toHaveLength(1);
      const outbox = await h.outbox(id);
      expect(countOf(outbox, 'booking_rescheduled', ALICE)).toBe(1);
      expect(countOf(outbox, 'business_notification', OFFICE)).toBe(1);
    });

    describe('cancel', () => {
      async function expectCancelRefused(
        client: PortalClient,
        id: string,
        status: number,
        code: string,
        headers: Record<string, string> = {},
      ) {
        const before = snapshotOf(await h.booking(id));
        const emails = (await h.outbox(id)).length;
        const response = await client.api('POST', `/bookings/${id}/cancel`, {}, headers);
        expectProblem(response, status, code);
        expect(snapshotOf(await h.booking(id))).toEqual(before);
        expect((await h.outbox(id)).length).toBe(emails);
        return response;
      }

      it('cancels by link: 200 cancelled, a customer history entry, emails to customer and office', async () => {
        const id = await h.book(ny('2027-01-12', '10:00'));
        const browser = await h.byLink(id);
        const response = await browser.api('POST', `/bookings/${id}/cancel`, { reason: 'Moving away' });
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        expect(body).toMatchObject({ id, status: 'cancelled', version: 2 });
        expect(body.history.at(-1)).toMatchObject({
          type: 'cancelled',
          actor: 'customer',
          channel: 'email_link',
          reason: 'Moving away',
        });
        expect(body.actions.reschedule).toMatchObject({ allowed: false, code: 'booking_not_active' });
        expect(body.actions.cancel).toMatchObject({ allowed: false, code: 'booking_not_active' });
        const admin = await h.booking(id);
        expect(admin.status).toBe('cancelled');
        expect(admin.history.at(-1)).toMatchObject({
          type: 'cancelled',
          actor: 'customer',
          channel: 'email_link',
        });
        const outbox = await h.outbox(id);
        expect(countOf(outbox, 'booking_cancelled', ALICE)).toBe(1);
        expect(countOf(outbox, 'business_notification', OFFICE)).toBe(1);

        // Already cancelled: 422 booking_not_active, and nothing more is sent.
        await expectCancelRefused(browser, id, 422, 'booking_not_active');
        await expectCancelRefused(alice, id, 422, 'booking_not_active');
      });

      it('cancels for a signed-in customer (channel portal), with no body at all', async () => {
        const id = await h.book(ny('2027-01-13', '10:00'));
        const response = await alice.api('POST', `/bookings/${id}/cancel`);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json().status).toBe('cancelled');
        expect((await h.booking(id)).history.at(-1)).toMatchObject({
          type: 'cancelled',
          actor: 'customer',
          channel: 'portal',
        });
      });

      it('refuses with 403 cancel_disabled when cancelling is off', async () => {
        const id = await h.book(ny('2027-01-14', '10:00'));
        const browser = await h.byLink(id);
        await h.portal({ allowCancel: false });
        const response = await expectCancelRefused(browser, id, 403, 'cancel_disabled');
        expect(response.json().detail).toContain(OWN_WORDS);
      });

      it('refuses with 422 minimum_notice inside the notice time', async () => {
        const id = await h.book(ny('2026-12-01', '15:00')); // 12 hours away
        const browser = await h.byLink(id);
        const response = await expectCancelRefused(browser, id, 422, 'minimum_notice');
        expect(response.json().detail).toContain('24 hours');
        await expectCancelRefused(alice, id, 422, 'minimum_notice');
      });

      it('refuses a stale If-Match with 409 booking_changed', async () => {
        const id = await h.book(ny('2027-01-15', '10:00'));
        await expectCancelRefused(alice, id, 409, 'booking_changed', { 'if-match': '"5"' });
      });
    });
  });

  describe('schedule an appointment, and validation', () => {
    let h: Harness;
    let alice: PortalClient;
    let own: string; // Alice with Maya, Mon 4 Jan 2027 10:00
    const day = '2027-01-04';

    beforeAll(async () => {
      h = await startHarness(kind);
      const inactive = await h.t.api('POST', '/services', {
        name: 'Deep clean',
        durationMinutes: 120,
        active: false,
      });
      const unstaffed = await h.t.api('POST', '/services', { name: 'Window clean', durationMinutes: 30 });
      expect([inactive.statusCode, unstaffed.statusCode]).toEqual([201, 201]);
      const zoe = await h.t.api('POST', '/staff', { name: 'Zoe', serviceIds: [inactive.json().id] });
      expect(zoe.statusCode).toBe(201);
      own = await h.book(ny(day, '10:00'));
      await h.book(ny(day, '13:00'), { customer: 'bob' });
      await h.book(ny(day, '13:00'), { customer: 'bob', staff: 'tom' });
      alice = await h.signIn();
    });
    afterAll(() => h.t.close());
    afterEach(() => h.reset());

    const aliceBookings = async () =>
      ((await h.t.api('GET', `/bookings?customerId=${h.biz.customerId}`)).json() as unknown[]).length;

    it('lists the active services someone performs, to a signed-in customer or a link holder only', async () => {
      const expected = [{ id: h.biz.serviceId, name: 'Standard clean', durationMinutes: 60 }];
      const signedIn = await alice.api('GET', '/services');
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      expect(signedIn.json()).toEqual(expected);
      expect((await (await h.byLink(own)).api('GET', '/services')).json()).toEqual(expected);
      expectProblem(await new PortalClient(h.t.app).api('GET', '/services'), 401, 'unauthorized');
    });

    it('offers the times at which any staff member is free', async () => {
      const query = `/availability?serviceId=${h.biz.serviceId}&from=${day}&to=${day}`;
      const response = await alice.api('GET', query);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ timezone: NY, mode: 'real_time' });
      // Maya is busy 09:00–11:00 (starts) and both are busy around 13:00; Tom covers the morning.
      expect(nyTimesOf(body.slots)).toEqual(
        gridTimes('09:00', '16:00').filter(
          (time) => !['12:00', '12:30', '13:00', '13:30', '14:00'].includes(time),
        ),
      );
      expect(body.slots[0]).toEqual({ startsAt: ny(day, '09:00'), endsAt: ny(day, '10:00') });
      expect(
        (
          await alice.api('GET', `/availability?serviceId=${h.biz.serviceId}&from=2027-01-09&to=2027-01-10`)
        ).json().slots,
      ).toEqual([]);
      expect(
        (
          await alice.api('GET', `/availability?serviceId=${h.biz.serviceId}&from=2026-12-01&to=2026-12-01`)
        ).json().slots,
      ).toEqual([]);

      await h.portal({ realTimeAvailability: false });
      const hoursOnly = (await alice.api('GET', query)).json();
      expect(hoursOnly.mode).toBe('working_hours');
      expect(nyTimesOf(hoursOnly.slots)).toEqual(gridTimes('09:00', '16:00'));

      expectProblem(await new PortalClient(h.t.app).api('GET', query), 401, 'unauthorized');
      const bad = await alice.api(
        'GET',
        `/availability?serviceId=${h.biz.serviceId}&from=${day}&to=2027-04-30`,
      );
      expectProblem(bad, 422, 'validation_failed');
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    });

    it('books through a link: 201, the free staff member, a customer history entry, emails, a cookie for the new booking', async () => {
      const browser = await h.byLink(own);
      const response = await browser.api('POST', '/bookings', {
        serviceId: h.biz.serviceId,
        startsAt: ny(day, '10:00'),
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({
        status: 'confirmed',
        startsAt: ny(day, '10:00'),
        endsAt: ny(day, '11:00'),
        version: 1,
        staffId: h.biz.otherStaffId,
        staff: { name: 'Tom' },
        service: { id: h.biz.serviceId, name: 'Standard clean', durationMinutes: 60 },
        actions: ALL_ALLOWED,
      });
      expect(body.id).not.toBe(own);
      const cookie = setCookiesOf(response).find((c) => c.name === `rebook_booking_${body.id}`);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect((await browser.api('GET', `/bookings/${body.id}`)).statusCode).toBe(200);

      const admin = await h.booking(body.id);
      expect(admin).toMatchObject({
        customerId: h.biz.customerId,
        staffId: h.biz.otherStaffId,
        status: 'confirmed',
      });
      expect(admin.history).toEqual([
        expect.objectContaining({ type: 'created', actor: 'customer', channel: 'portal' }),
      ]);
      const outbox = await h.outbox(body.id);
      expect(countOf(outbox, 'booking_confirmation', ALICE)).toBe(1);
      expect(countOf(outbox, 'business_notification', OFFICE)).toBe(1);
    });

    it('books for a signed-in customer (channel portal), with notes', async () => {
      const response = await alice.api('POST', '/bookings', {
        serviceId: h.biz.serviceId,
        startsAt: ny('2027-01-05', '10:00'),
        notes: 'Ring the bell twice',
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({ startsAt: ny('2027-01-05', '10:00'), notes: 'Ring the bell twice' });
      const admin = await h.booking(body.id);
      expect(admin.customerId).toBe(h.biz.customerId);
      expect(admin.history).toEqual([
        expect.objectContaining({ type: 'created', actor: 'customer', channel: 'portal' }),
      ]);
      expect(countOf(await h.outbox(body.id), 'booking_confirmation', ALICE)).toBe(1);
    });

    it('refuses a time outside working hours, inside the notice, beyond the window, or when all staff are busy', async () => {
      const before = await aliceBookings();
      const cases: Array<[string, number, string]> = [
        [ny('2027-01-05', '18:00'), 422, 'outside_working_hours'],
        [ny('2027-01-09', '10:00'), 422, 'outside_working_hours'], // Saturday
        [ny('2027-01-05', '10:10'), 422, 'outside_working_hours'], // off the grid
        [ny('2026-12-01', '15:00'), 422, 'minimum_notice'],
        [ny('2027-03-02', '10:00'), 422, 'outside_booking_window'],
        [ny(day, '13:00'), 409, 'slot_unavailable'], // Maya and Tom both busy
        [ny(day, '14:00'), 409, 'slot_unavailable'], // both in their buffers
      ];
      for (const [startsAt, status, code] of cases) {
        const response = await alice.api('POST', '/bookings', { serviceId: h.biz.serviceId, startsAt });
        expectProblem(response, status, code);
        expect(response.json().errors?.map((e: { field: string }) => e.field)).toEqual(['startsAt']);
      }
      expect(await aliceBookings()).toBe(before);
    });

    it('in working-hours mode books a taken time within working hours, and the office sees the conflict', async () => {
      await h.portal({ realTimeAvailability: false });
      const response = await alice.api('POST', '/bookings', {
        serviceId: h.biz.serviceId,
        startsAt: ny(day, '13:30'),
      });
      expect(response.statusCode, response.body).toBe(201);
      const admin = await h.booking(response.json().id);
      expect((admin.conflicts as Array<{ kind: string }>).map((c) => c.kind)).toEqual(['booking']);
      const evening = await alice.api('POST', '/bookings', {
        serviceId: h.biz.serviceId,
        startsAt: ny(day, '17:30'),
      });
      expectProblem(evening, 422, 'outside_working_hours');
    });

    it('names an unknown field or a time without an offset with 422 validation_failed, changing nothing', async () => {
      const browser = await h.byLink(own);
      const before = snapshotOf(await h.booking(own));
      const bookingsBefore = await aliceBookings();
      const unknownField = (response: LightMyRequestResponse, field: string) => {
        expectProblem(response, 422, 'validation_failed');
        expect(response.json().errors).toEqual([{ field, message: 'is not a known field' }]);
      };
      const namesField = (response: LightMyRequestResponse, field: string) => {
        expectProblem(response, 422, 'validation_failed');
        expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
      };
      const later = ny('2027-01-06', '10:00');
      unknownField(
        await browser.api('POST', `/bookings/${own}/reschedule`, { startsAt: later, colour: 'blue' }),
        'colour',
      );
      namesField(
        await browser.api('POST', `/bookings/${own}/reschedule`, { startsAt: '2027-01-06T10:00:00' }),
        'startsAt',
      );
      namesField(
        await browser.api('POST', `/bookings/${own}/reschedule`, { startsAt: 'next tuesday' }),
        'startsAt',
      );
      namesField(await browser.api('POST', `/bookings/${own}/reschedule`, {}), 'startsAt');
      unknownField(await browser.api('POST', `/bookings/${own}/cancel`, { why: 'no' }), 'why');
      unknownField(
        await alice.api('POST', '/bookings', {
          serviceId: h.biz.serviceId,
          startsAt: later,
          staffId: h.biz.staffId,
        }),
        'staffId',
      );
      namesField(
        await alice.api('POST', '/bookings', { serviceId: h.biz.serviceId, startsAt: '2027-01-06T10:00:00' }),
        'startsAt',
      );
      namesField(await new PortalClient(h.t.app).api('POST', '/sign-in', { email: 'not-an-email' }), 'email');
      unknownField(
        await new PortalClient(h.t.app).api('POST', '/sign-in', { email: ALICE, remember: true }),
        'remember',
      );
      expect(snapshotOf(await h.booking(own))).toEqual(before);
      expect(await aliceBookings()).toBe(bookingsBefore);
    });
  });
});
