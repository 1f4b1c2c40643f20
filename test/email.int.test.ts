import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingOpenedByLink } from '../src/bookings/booking-link-repository.js';
import { rescheduleBooking } from '../src/bookings/reschedule-booking.js';
import { SEND_LEASE_MS } from '../src/email/delivery-policy.js';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { type MailTransport, smtpTransport } from '../src/email/mail-transport.js';
import { queueDueReminders } from '../src/jobs/queue-due-reminders.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { calendarPartOf, SmtpSink } from './support/smtp-sink.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

const ALICE = 'alice@example.com';
const OFFICE = 'office@test-cleaning.example';
const BUTTON = 'Reschedule or change booking details';
const HOUR = 3_600_000;

function invite(mail: ParsedMail) {
  const ics = calendarPartOf(mail);
  expect(ics, 'the email carries an invite').toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(ics as string));
  const event = calendar.getFirstSubcomponent('vevent');
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event?.getFirstPropertyValue('uid'),
    sequence: Number(event?.getFirstPropertyValue('sequence')),
    start: (event?.getFirstPropertyValue('dtstart') as ICAL.Time | null)?.toJSDate().toISOString(),
  };
}

function bookingLinkIn(mail: ParsedMail): { url: string; token: string } {
  const match = /href="(http:\/\/rebook\.test\/portal\/bookings\/[^"?]+\?token=([A-Za-z0-9_-]+))"/.exec(
    String(mail.html),
  );
  expect(match, 'the email links to the booking').not.toBeNull();
  return { url: (match as RegExpExecArray)[1] as string, token: (match as RegExpExecArray)[2] as string };
}

describeEachDatabase('email', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  let sink: SmtpSink;
  let smtp: MailTransport;

  const dispatch = (transport: MailTransport = smtp) =>
    dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: { name: 'Test Cleaning', address: 'bookings@rebook.test' },
    });
  const outboxOf = async (bookingId: string) => (await t.api('GET', `/outbox?bookingId=${bookingId}`)).json();

  beforeAll(async () => {
    t = await startTestApp(kind);
    business = await setUpBusiness(t);
    await t.api('PATCH', '/settings', { notificationEmail: OFFICE, locale: 'en-GB' });
    sink = await SmtpSink.start();
    smtp = smtpTransport(sink.url);
  });
  afterAll(async () => {
    smtp.close();
    await sink.stop();
    await t.close();
  });

  describe('booking emails through a real SMTP server', () => {
    let bookingId: string;
    let firstLink: { url: string; token: string };

    it('sends the confirmation with the reschedule button, the time in the business zone and an invite', async () => {
      const booking = await book(t, business, '2026-12-03T15:00:00Z');
      bookingId = booking.id;
      expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const [mail] = sink.to(ALICE);
      if (!mail) throw new Error('no confirmation arrived');
      expect(mail.subject).toContain('confirmed');
      expect(mail.html).toContain('Thursday 3 December 2026, 10:00 EST');
      expect(mail.html).toContain(BUTTON);
      expect(mail.text).toContain(`${BUTTON}: http://rebook.test/portal/bookings/${bookingId}?token=`);
      firstLink = bookingLinkIn(mail);
      expect(firstLink.url).toContain(`/portal/bookings/${bookingId}?token=`);
      expect(invite(mail)).toEqual({
        method: 'REQUEST',
        uid: `booking-${bookingId}@rebook.test`,
        sequence: 0,
        start: '2026-12-03T15:00:00.000Z',
      });
      const [row] = await outboxOf(bookingId);
      expect(row).toMatchObject({ kind: 'booking_confirmation', to: ALICE, status: 'sent', attempts: 1 });
      const stored = await t.store.db
        .selectFrom('outbox_messages')
        .select('message_id')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      expect(mail.messageId).toBe(stored.message_id);
    });

    it('stores the booking link only as a hash, and keeps no working link in the stored copy', async () => {
      const links = await t.store.db
        .selectFrom('booking_links')
        .select('token_hash')
        .where('booking_id', '=', bookingId)
        .execute();
      expect(links.map((l) => l.token_hash)).toEqual([
        createHash('sha256').update(firstLink.token).digest('hex'),
      ]);
      const [row] = await outboxOf(bookingId);
      const stored = (await t.api('GET', `/outbox/${row.id}`)).json();
      expect(stored.html).not.toContain(firstLink.token);
      expect(
        (await bookingOpenedByLink(t.store.db, bookingId, firstLink.token, t.clock.now()))?.bookingId,
      ).toBe(bookingId);
      expect(
        await bookingOpenedByLink(t.store.db, bookingId, `${firstLink.token}x`, t.clock.now()),
      ).toBeUndefined();
    });

    it('sends the rescheduled confirmation with the new and old time and the same invite, one sequence higher', async () => {
      const moved = await t.api('POST', `/bookings/${bookingId}/reschedule`, {
        startsAt: '2026-12-04T19:00:00Z',
      });
      expect(moved.statusCode).toBe(200);
      expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const mail = sink.to(ALICE).at(-1) as ParsedMail;
      expect(mail.html).toContain('Friday 4 December 2026, 14:00 EST');
      expect(mail.html).toContain('Thursday 3 December 2026, 10:00 EST');
      expect(invite(mail)).toEqual({
        method: 'REQUEST',
        uid: `booking-${bookingId}@rebook.test`,
        sequence: 1,
        start: '2026-12-04T19:00:00.000Z',
      });
    });

    it('sends the cancellation with METHOD:CANCEL and revokes the booking links', async () => {
      await t.api('POST', `/bookings/${bookingId}/cancel`, { reason: 'Moving house' });
      expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const mail = sink.to(ALICE).at(-1) as ParsedMail;
      expect(mail.text).toContain('Moving house');
      expect(mail.html).not.toContain(BUTTON);
      // A way back: book again online; no Call us button while the business has no phone.
      expect(mail.html).toMatch(/<a href="http:\/\/rebook\.test\/portal\/book"[^>]*>Book again<\/a>/);
      expect(mail.text).toContain('Book again: http://rebook.test/portal/book');
      expect(mail.html).not.toContain('tel:');
      expect(mail.html).not.toContain('Call us');
      expect(invite(mail)).toMatchObject({
        method: 'CANCEL',
        uid: `booking-${bookingId}@rebook.test`,
        sequence: 2,
      });
      expect(
        await bookingOpenedByLink(t.store.db, bookingId, firstLink.token, t.clock.now()),
      ).toBeUndefined();
    });

    it("gives a cancelled customer the business's phone as a tel: link beside Book again", async () => {
      await t.api('PATCH', '/settings', { contactPhone: '+1 (212) 555-0100' });
      const booking = await book(t, business, '2026-12-08T15:00:00Z');
      await t.api('POST', `/bookings/${booking.id}/cancel`);
      await dispatch();
      const mail = sink.to(ALICE).at(-1) as ParsedMail;
      expect(mail.subject).toContain('cancelled');
      expect(mail.html).toMatch(/<a href="tel:\+12125550100"[^>]*>Call us<\/a>/);
      expect(mail.html).toMatch(/<a href="http:\/\/rebook\.test\/portal\/book"[^>]*>Book again<\/a>/);
      expect(mail.text).toContain('Call us: tel:+12125550100');
      expect(mail.text).toContain('+1 (212) 555-0100');
      await t.api('PATCH', '/settings', { contactPhone: null });
    });

    it('leaves the button out when rescheduling is turned off', async () => {
      await t.api('PATCH', '/settings', { customerPortal: { allowReschedule: false } });
      const booking = await book(t, business, '2026-12-07T15:00:00Z');
      await dispatch();
      const mail = sink.to(ALICE).at(-1) as ParsedMail;
      expect(mail.html).toContain('Monday 7 December 2026, 10:00 EST');
      expect(mail.html).not.toContain(BUTTON);
      expect(mail.text).not.toContain(BUTTON);
      await t.api('PATCH', '/settings', { customerPortal: { allowReschedule: true } });
      await t.api('POST', `/bookings/${booking.id}/cancel`);
      await dispatch();
    });

    it('leaves the button out when the booking is inside the minimum notice time', async () => {
      // Default minimum notice is 24 hours; this one starts in 10.
      const booking = await book(t, business, new Date(t.clock.now() + 10 * HOUR).toISOString());
      await dispatch();
      const mail = sink.to(ALICE).at(-1) as ParsedMail;
      expect(mail.subject).toContain('confirmed');
      expect(mail.html).not.toContain(BUTTON);
      await t.api('POST', `/bookings/${booking.id}/cancel`);
      await dispatch();
    });

    it('sends nothing for a change that was refused', async () => {
      const before = await t.store.db.selectFrom('outbox_messages').select('id').execute();
      await book(t, business, '2026-12-08T15:00:00Z');
      const clash = await t.api('POST', '/bookings', {
        customerId: business.customerId,
        serviceId: business.serviceId,
        staffId: business.staffId,
        startsAt: '2026-12-08T15:30:00Z',
      });
      expect(clash.statusCode).toBe(409);
      const after = await t.store.db.selectFrom('outbox_messages').select('id').execute();
      expect(after.length - before.length).toBe(1);
      await dispatch();
    });

    it('tells the business when the customer made the change', async () => {
      const booking = await book(t, business, '2026-12-09T15:00:00Z');
      const moved = await rescheduleBooking(
        { store: t.store, clock: t.clock },
        {
          bookingId: booking.id,
          startsAt: Date.parse('2026-12-10T15:00:00Z'),
          reason: 'Dentist',
          allowConflict: false,
          expectedVersion: undefined,
        },
        { actor: 'customer', channel: 'email_link' },
      );
      expect(moved.ok).toBe(true);
      await dispatch();
      const [notice] = sink.to(OFFICE);
      if (!notice) throw new Error('the business was not told');
      expect(notice.text).toContain('Alice Moreno');
      expect(notice.text).toContain('Thursday 10 December 2026, 10:00 EST');
      expect(notice.text).toContain('Dentist');
      expect(calendarPartOf(notice)).toBeUndefined();
      // An office change does not notify the office.
      await t.api('POST', `/bookings/${booking.id}/reschedule`, { startsAt: '2026-12-11T15:00:00Z' });
      await dispatch();
      expect(sink.to(OFFICE)).toHaveLength(1);
    });
  });

  describe('emails that describe their own change', () => {
    it('sends two quick reschedules A → B → C as "A to B" then "B to C", each invite one SEQUENCE higher', async () => {
      const A = { iso: '2026-12-14T15:00:00Z', words: 'Monday 14 December 2026, 10:00 EST' };
      const B = { iso: '2026-12-15T15:00:00Z', words: 'Tuesday 15 December 2026, 10:00 EST' };
      const C = { iso: '2026-12-16T15:00:00Z', words: 'Wednesday 16 December 2026, 10:00 EST' };
      const booking = await book(t, business, A.iso);
      await dispatch();
      const seenByAlice = sink.to(ALICE).length;
      const seenByOffice = sink.to(OFFICE).length;
      // Both moves are made in the same millisecond, before the sender runs: each email must still say what
      // its own move did, and they must arrive in the order of the moves.
      for (const to of [B, C]) {
        const moved = await rescheduleBooking(
          { store: t.store, clock: t.clock },
          {
            bookingId: booking.id,
            startsAt: Date.parse(to.iso),
            reason: null,
            allowConflict: false,
            expectedVersion: undefined,
          },
          { actor: 'customer', channel: 'email_link' },
        );
        expect(moved.ok).toBe(true);
      }
      expect(await dispatch()).toEqual({ sent: 4, retrying: 0, failed: 0 });

      const [first, second, ...more] = sink.to(ALICE).slice(seenByAlice);
      if (!first || !second) throw new Error('two rescheduled emails were expected');
      expect(more).toEqual([]);
      const uid = `booking-${booking.id}@rebook.test`;
      expect(invite(first)).toEqual({
        method: 'REQUEST',
        uid,
        sequence: 1,
        start: '2026-12-15T15:00:00.000Z',
      });
      expect(invite(second)).toEqual({
        method: 'REQUEST',
        uid,
        sequence: 2,
        start: '2026-12-16T15:00:00.000Z',
      });
      expect(first.text).toContain(`Previously: ${A.words}`);
      expect(first.text).toContain(B.words);
      expect(first.text).not.toContain(C.words);
      expect(second.text).toContain(`Previously: ${B.words}`);
      expect(second.text).toContain(C.words);
      expect(second.text).not.toContain(A.words);

      const notices = sink.to(OFFICE).slice(seenByOffice);
      expect(notices.map((notice) => notice.subject)).toHaveLength(2);
      expect(notices[0]?.text).toContain(`from ${A.words} to ${B.words}`);
      expect(notices[1]?.text).toContain(`from ${B.words} to ${C.words}`);
    });
  });

  describe('delivery that survives failures', () => {
    it('delivers all 50 confirmations made while the SMTP server was down, each once', async () => {
      await sink.stop();
      const base = Date.parse('2027-01-04T14:00:00Z');
      const ids = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const staffId = i % 2 === 0 ? business.staffId : business.otherStaffId;
        ids.add(
          (await book(t, business, new Date(base + Math.floor(i / 2) * 2 * HOUR).toISOString(), { staffId }))
            .id,
        );
      }
      const delivered = sink.messages.length;
      const firstTry = await dispatch();
      expect(firstTry).toEqual({ sent: 0, retrying: 50, failed: 0 });
      await sink.listen();
      t.clock.advance(31_000);
      let sent = 0;
      for (let round = 0; round < 5; round++) sent += (await dispatch()).sent;
      expect(sent).toBe(50);
      const arrived = sink.messages.slice(delivered);
      expect(arrived).toHaveLength(50);
      expect(new Set(arrived.map((m) => m.messageId)).size).toBe(50);
      const bookingsMailed = new Set(
        arrived.map((m) => /\/portal\/bookings\/([^?]+)\?/.exec(String(m.text))?.[1]),
      );
      expect(bookingsMailed).toEqual(ids);
    });

    it('sends again with the same Message-ID when a worker died between sending and marking sent', async () => {
      const booking = await book(t, business, '2027-02-01T15:00:00Z');
      const delivered = sink.messages.length;
      // Delivers, then never returns: as if the process died right after the SMTP server took the message.
      const dying: MailTransport = {
        ...smtp,
        send: async (mail) => {
          await smtp.send(mail);
          await new Promise(() => undefined);
        },
      };
      void dispatch(dying);
      await waitFor(() => sink.messages.length > delivered);
      expect((await outboxOf(booking.id))[0]).toMatchObject({ status: 'sending', attempts: 1 });
      // Before the lease lapses, nobody else takes it.
      expect(await dispatch()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      t.clock.advance(SEND_LEASE_MS + 1);
      expect(await dispatch()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const copies = sink.messages.slice(delivered);
      expect(copies).toHaveLength(2);
      expect(copies[1]?.messageId).toBe(copies[0]?.messageId);
      expect((await outboxOf(booking.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    });
  });

  describe("dates as the business's locale writes them", () => {
    // Each case books its own customer, so that only its own email reaches that address.
    const confirmationIn = async (locale: string, address: string, startsAt: string) => {
      expect((await t.api('PATCH', '/settings', { locale })).statusCode).toBe(200);
      const customer = await t.api('POST', '/customers', { name: 'Dana Ruiz', email: address });
      expect(customer.statusCode).toBe(201);
      await book(t, business, startsAt, { customerId: customer.json().id });
      await dispatch();
      const [mail] = sink.to(address);
      if (!mail) throw new Error(`no confirmation reached ${address}`);
      return mail;
    };
    afterAll(async () => {
      await t.api('PATCH', '/settings', { locale: 'en-GB' });
    });

    it("writes an en-US business's dates month first and its times on the 12-hour clock", async () => {
      const mail = await confirmationIn('en-US', 'dana.us@example.com', '2026-12-04T22:30:00Z');
      expect(mail.html).toContain('Friday, December 4, 2026, 5:30 PM EST');
      expect(mail.text).toContain('Friday, December 4, 2026, 5:30 PM EST');
      expect(mail.html).not.toContain('17:30');
    });

    it("writes a de-DE business's email in German, dates and words alike", async () => {
      const mail = await confirmationIn('de-DE', 'dana.de@example.com', '2026-12-11T22:30:00Z');
      expect(mail.html).toContain('<html lang="de"');
      expect(mail.headers.get('content-language')).toBe('de');
      expect(mail.html).toContain('Freitag, 11. Dezember 2026, 17:30 EST');
      expect(mail.html).toContain('Termin verschieben oder Buchungsdetails ändern');
    });
  });
});

describeEachDatabase('reminders', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  const sent: string[] = [];
  const memory: MailTransport = {
    kind: 'memory',
    describe: () => 'memory',
    send: async (mail) => {
      sent.push(mail.subject);
    },
    close: () => undefined,
  };
  const work = async (store = t.store) => {
    await queueDueReminders({ store, clock: t.clock });
    await dispatchDueEmails({
      store,
      clock: t.clock,
      transport: memory,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: undefined,
    });
  };
  const remindersFor = async (bookingId: string) =>
    (await t.api('GET', `/outbox?bookingId=${bookingId}`))
      .json()
      .filter((m: { kind: string }) => m.kind === 'booking_reminder');

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-12-01T08:00:00Z');
    business = await setUpBusiness(t);
  });
  afterAll(() => t.close());

  it('sends one reminder a lead time before the appointment, and only once', async () => {
    const booking = await book(t, business, '2026-12-05T15:00:00Z');
    await work();
    expect(await remindersFor(booking.id)).toHaveLength(0);
    t.clock.set('2026-12-04T14:59:59Z');
    await work();
    expect(await remindersFor(booking.id)).toHaveLength(0);
    t.clock.set('2026-12-04T15:00:00Z');
    await work();
    await work();
    const reminders = await remindersFor(booking.id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ status: 'sent', to: ALICE });
    expect(reminders[0].subject).not.toBeNull();
  });

  it('follows a reschedule to the new time, and is dropped on cancel', async () => {
    t.clock.set('2026-12-05T08:00:00Z');
    const moved = await book(t, business, '2026-12-08T15:00:00Z');
    const cancelled = await book(t, business, '2026-12-08T17:00:00Z');
    await t.api('POST', `/bookings/${moved.id}/reschedule`, { startsAt: '2026-12-09T15:00:00Z' });
    await t.api('POST', `/bookings/${cancelled.id}/cancel`);
    t.clock.set('2026-12-07T17:00:00Z');
    await work();
    expect(await remindersFor(moved.id)).toHaveLength(0);
    expect(await remindersFor(cancelled.id)).toHaveLength(0);
    t.clock.set('2026-12-08T15:00:00Z');
    await work();
    expect(await remindersFor(moved.id)).toHaveLength(1);
    expect(await remindersFor(cancelled.id)).toHaveLength(0);
  });

  it('catches up after a restart: a missed reminder goes out if the appointment has not started', async () => {
    t.clock.set('2026-12-09T08:00:00Z');
    const upcoming = await book(t, business, '2026-12-12T15:00:00Z');
    const missed = await book(t, business, '2026-12-11T15:00:00Z');
    // Down from before either reminder was due until after `missed` began; a new process on the same database.
    t.clock.set('2026-12-11T16:00:00Z');
    const restarted = await t.database.openAnother();
    await work(restarted);
    expect(await remindersFor(upcoming.id)).toHaveLength(1);
    expect(await remindersFor(missed.id)).toHaveLength(0);
  });

  it('keeps the reminder when a booking moves away and back again', async () => {
    t.clock.set('2026-12-15T08:00:00Z');
    const booking = await book(t, business, '2026-12-18T15:00:00Z');
    await t.api('POST', `/bookings/${booking.id}/reschedule`, { startsAt: '2026-12-18T17:00:00Z' });
    await t.api('POST', `/bookings/${booking.id}/reschedule`, { startsAt: '2026-12-18T15:00:00Z' });
    t.clock.set('2026-12-17T15:00:00Z');
    await work();
    expect(await remindersFor(booking.id)).toHaveLength(1);
  });

  it('schedules no reminder for a booking made inside the lead time', async () => {
    t.clock.set('2026-12-14T08:00:00Z');
    const soon = await book(t, business, '2026-12-14T19:00:00Z');
    t.clock.set('2026-12-14T18:00:00Z');
    await work();
    expect(await remindersFor(soon.id)).toHaveLength(0);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDatabase('email templates', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  const delivered: Array<{ subject: string; html: string; text: string }> = [];
  const memory: MailTransport = {
    kind: 'memory',
    describe: () => 'memory',
    send: async (mail) => {
      delivered.push(mail);
    },
    close: () => undefined,
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    business = await setUpBusiness(t);
  });
  afterAll(() => t.close());

  it('lists every template with its title', async () => {
    const templates = (await t.api('GET', '/email-templates')).json();
    expect(templates.map((x: { kind: string; title: string }) => [x.kind, x.title])).toEqual([
      ['booking_confirmation', 'Booking Confirmation'],
      ['booking_reminder', 'Booking Reminder'],
      ['booking_rescheduled', 'Booking Rescheduled'],
      ['booking_cancelled', 'Booking Cancelled'],
      ['customer_sign_in', 'Customer Sign-in'],
      ['business_notification', 'Business Notification'],
      ['email_undeliverable', 'Undeliverable Email'],
      ['reschedule_request', 'Reschedule Request'],
      ['reschedule_request_accepted', 'Reschedule Request Accepted'],
      ['reschedule_request_declined', 'Reschedule Request Declined'],
      ['reschedule_request_expired', 'Reschedule Request Expired'],
    ]);
    const confirmation = templates[0];
    expect(confirmation.customized).toBe(false);
    expect(confirmation.html).toContain('{% reschedule_button %}');
  });

  it('refuses a template that does not parse, naming the part and line, and saves nothing', async () => {
    const before = (await t.api('GET', '/email-templates/booking_confirmation')).json();
    const broken = await t.api('PUT', '/email-templates/booking_confirmation', {
      subject: 'Booked',
      html: '<p>Hello</p>\n<p>{{ customer.name }}</p>\n{% if booking.notes %}<p>Notes</p>\n',
      text: 'Hello',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'template_invalid', errors: [{ field: 'html', line: 3 }] });
    expect((await t.api('GET', '/email-templates/booking_confirmation')).json()).toEqual(before);
  });

  it('uses a saved template, escapes what customers typed, and restores the default on DELETE', async () => {
    const saved = await t.api('PUT', '/email-templates/booking_confirmation', {
      subject: 'Booked, {{ customer.name }}',
      html: '<p>Hello {{ customer.name }}</p>\n{% reschedule_button %}',
      text: 'Hello {{ customer.name }}',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().customized).toBe(true);
    const customer = await t.api('POST', '/customers', {
      name: '<script>alert(1)</script> {{7*7}}',
      email: 'mallory@example.com',
    });
    await book(t, business, '2026-12-03T15:00:00Z', { customerId: customer.json().id });
    await dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport: memory,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: undefined,
    });
    const [mail] = delivered;
    expect(mail?.html).toContain('<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; {{7*7}}</p>');
    expect(mail?.html).not.toContain('<script>');
    expect(mail?.text).toBe('Hello <script>alert(1)</script> {{7*7}}\n');
    expect(mail?.subject).toBe('Booked, <script>alert(1)</script> {{7*7}}');
    const reset = await t.api('DELETE', '/email-templates/booking_confirmation');
    expect(reset.json()).toMatchObject({ customized: false });
    expect(reset.json().html).toContain('{% reschedule_button %}');
  });

  it('previews a draft for a sample booking without saving it', async () => {
    const preview = await t.api('POST', '/email-templates/booking_reminder/preview', {
      subject: 'See you soon, {{ customer.name }}',
      html: '<p>{{ service.name }}</p>{% reschedule_button %}',
      text: '{{ service.name }}',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().html).toContain(BUTTON);
    expect((await t.api('GET', '/email-templates/booking_reminder')).json().customized).toBe(false);
    const saved = await t.api('POST', '/email-templates/booking_reminder/preview');
    expect(saved.statusCode).toBe(200);
    expect(saved.json().html).toContain(BUTTON);
  });
});
