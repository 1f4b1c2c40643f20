import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { customerRescheduleBooking } from '../src/bookings/customer-reschedule-booking.js';
import { migrationsFor } from '../src/db/migrations.js';
import type { Database } from '../src/db/schema.js';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { type MailTransport, smtpTransport } from '../src/email/mail-transport.js';
import { findTemplate } from '../src/email/stored-templates.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { SmtpSink } from './support/smtp-sink.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { createTestStore, describeEachDatabase } from './support/test-databases.js';

const ALICE = 'alice@example.com';
const OFFICE = 'office@test-cleaning.example';
const BUTTON = 'Reschedule or change booking details';

describeEachDatabase('email templates as blocks, per language', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  let sink: SmtpSink;
  let smtp: MailTransport;
  const dispatch = () =>
    dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport: smtp,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: { name: 'Test Cleaning', address: 'bookings@rebook.test' },
    });

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

  it('serves every default as blocks, compiled to HTML and text that both hold the Reschedule element', async () => {
    const template = (await t.api('GET', '/email-templates/booking_confirmation')).json();
    expect(template).toMatchObject({ mode: 'blocks', language: 'en', customized: false });
    expect(template.blocks.map((b: { type: string }) => b.type)).toEqual([
      'heading',
      'paragraph',
      'booking_details',
      'reschedule_button',
      'note',
      'calendar_buttons',
      'paragraph',
      'footer',
    ]);
    expect(template.html).toContain('{% reschedule_button %}');
    expect(template.text).toContain('{% reschedule_button %}');
  });

  it('removing the Reschedule block takes it out of both versions and out of the next email; adding it brings it back', async () => {
    const template = (await t.api('GET', '/email-templates/booking_confirmation')).json();
    const without = template.blocks.filter((b: { type: string }) => b.type !== 'reschedule_button');
    const saved = await t.api('PUT', '/email-templates/booking_confirmation', {
      mode: 'blocks',
      subject: template.subject,
      blocks: without,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ mode: 'blocks', customized: true });
    expect(saved.json().html).not.toContain('reschedule_button');
    expect(saved.json().text).not.toContain('reschedule_button');

    await book(t, business, '2026-12-07T15:00:00Z');
    await dispatch();
    const first = sink.to(ALICE).at(-1);
    expect(first?.subject).toMatch(/^Your booking is confirmed/);
    expect(`${first?.html}${first?.text}`).not.toContain(BUTTON);

    const back = await t.api('PUT', '/email-templates/booking_confirmation', {
      mode: 'blocks',
      subject: template.subject,
      blocks: [...without.slice(0, 3), { type: 'reschedule_button' }, ...without.slice(3)],
    });
    expect(back.statusCode).toBe(200);
    await book(t, business, '2026-12-08T15:00:00Z');
    await dispatch();
    const second = sink.to(ALICE).at(-1);
    expect(second?.html).toContain(`>${BUTTON}</a>`);
    expect(second?.text).toMatch(new RegExp(`${BUTTON}: http://rebook\\.test/portal/bookings/`));
    expect((await t.api('DELETE', '/email-templates/booking_confirmation')).json().customized).toBe(false);
  });

  it('refuses blocks with unknown merge fields, each named with its block, and saves nothing', async () => {
    const refused = await t.api('PUT', '/email-templates/booking_reminder', {
      mode: 'blocks',
      subject: 'Reminder for {{ custmer.name }}',
      blocks: [
        { type: 'heading', text: 'Hello' },
        { type: 'paragraph', text: 'See you at {{ booking.start }}.' },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'template_invalid',
      errors: [
        { field: 'subject', line: 1, column: 14, message: expect.stringContaining('`{{ custmer.name }}`') },
        {
          field: 'blocks.1.text',
          line: 1,
          column: 12,
          message: expect.stringContaining('`{{ booking.start }}`'),
        },
      ],
    });
    expect((await t.api('GET', '/email-templates/booking_reminder')).json().customized).toBe(false);
    // A block of an unknown type, or a mode without its parts, is a validation error naming the field.
    const wrong = await t.api('PUT', '/email-templates/booking_reminder', {
      mode: 'blocks',
      subject: 'Hi',
      blocks: [{ type: 'video', text: 'x' }],
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('blocks.0.type');
    const noHtml = await t.api('PUT', '/email-templates/booking_reminder', { subject: 'Hi', text: 'x' });
    expect(noHtml.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'html' }] });
  });

  it('keeps a saved Liquid template in HTML mode', async () => {
    const saved = await t.api('PUT', '/email-templates/booking_cancelled', {
      subject: 'Cancelled',
      html: '<p>{% if change.reason %}{{ change.reason }}{% endif %}</p>',
      text: 'Cancelled',
    });
    expect(saved.json()).toMatchObject({
      mode: 'html',
      blocks: null,
      html: '<p>{% if change.reason %}{{ change.reason }}{% endif %}</p>',
    });
    await t.api('DELETE', '/email-templates/booking_cancelled');
  });

  it('keeps one template per language: a language without its own uses its own default', async () => {
    const spanish = (await t.api('GET', '/email-templates/booking_confirmation?language=es')).json();
    expect(spanish).toMatchObject({ language: 'es', customized: false, mode: 'blocks' });
    expect(spanish.html).toContain('<html lang="es"');
    const saved = await t.api('PUT', '/email-templates/booking_confirmation?language=fr', {
      mode: 'blocks',
      subject: 'Votre réservation',
      blocks: [{ type: 'paragraph', text: 'Bonjour {{ customer.name }}' }],
    });
    expect(saved.json()).toMatchObject({ language: 'fr', customized: true });
    expect((await t.api('GET', '/email-templates/booking_confirmation?language=fr')).json().subject).toBe(
      'Votre réservation',
    );
    // Without `language`: the business's (English), untouched by the French one.
    expect((await t.api('GET', '/email-templates/booking_confirmation')).json()).toMatchObject({
      language: 'en',
      customized: false,
    });
    expect((await t.api('GET', '/email-templates?language=fr')).json()[0]).toMatchObject({
      language: 'fr',
      customized: true,
    });
    expect((await t.api('DELETE', '/email-templates/booking_confirmation?language=fr')).json()).toMatchObject(
      {
        language: 'fr',
        customized: false,
      },
    );
    expect((await t.api('GET', '/email-templates/booking_confirmation?language=pt')).statusCode).toBe(422);
  });

  it("writes to a customer in their own language: lang on the HTML root, Content-Language, the element's words", async () => {
    const carmen = await t.api('POST', '/customers', {
      name: 'Carmen Ruiz',
      email: 'carmen@example.com',
      language: 'es',
    });
    expect(carmen.statusCode, carmen.body).toBe(201);
    await book(t, business, '2026-12-09T15:00:00Z', { customerId: carmen.json().id });
    await dispatch();
    const mail = sink.to('carmen@example.com').at(-1);
    expect(mail?.subject).toMatch(/^Su reserva está confirmada: Standard clean el /);
    expect(mail?.headers.get('content-language')).toBe('es');
    expect(mail?.html).toContain('<html lang="es"');
    expect(mail?.html).toContain('>Reprogramar o cambiar los detalles de la reserva</a>');
    expect(mail?.text).toContain('Hola, Carmen Ruiz: gracias por su reserva.');
    // The office's notice stays in the business's language; English customers still read English.
    expect(sink.to(ALICE).at(-1)?.headers.get('content-language')).toBe('en');

    // The sign-in email too.
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/sign-in',
      payload: { email: 'carmen@example.com' },
    });
    expect(asked.statusCode).toBe(202);
    await dispatch();
    const signIn = sink.to('carmen@example.com').at(-1);
    expect(signIn?.subject).toBe('Su enlace de acceso a Test Cleaning');
    expect(signIn?.headers.get('content-language')).toBe('es');
  });

  it("previews with the business's own name and its next real booking", async () => {
    const booking = await book(t, business, '2026-12-02T15:00:00Z');
    const preview = await t.api('POST', '/email-templates/booking_confirmation/preview');
    expect(preview.statusCode).toBe(200);
    const { subject, html, text } = preview.json();
    expect(subject).toBe('Your booking is confirmed: Standard clean on Wed 2 Dec, 10:00 EST');
    expect(html).toContain('Test Cleaning');
    expect(text).toContain('Hello Alice Moreno');
    expect(text).toContain('With: Maya');
    expect(`${html}${text}`).not.toMatch(/Bright Clean Co|Jordan Lee|token=/);
    await t.api('POST', `/bookings/${booking.id}/cancel`, {});
    await dispatch();
  });

  it("tells the office when a customer's new time overlaps other work, and links to the booking", async () => {
    await t.api('PATCH', '/settings', { customerPortal: { realTimeAvailability: false } });
    // Maya has blocked 10:00–12:00 on the 15th; Alice moves her own booking into it (working-hours mode takes it).
    const blocked = await t.api('POST', '/blocked-events', {
      staffId: business.staffId,
      startsAt: '2026-12-15T15:00:00Z',
      endsAt: '2026-12-15T17:00:00Z',
      reason: 'Van at the garage',
    });
    expect(blocked.statusCode).toBe(201);
    const mine = await book(t, business, '2026-12-14T15:00:00Z');
    const moved = await customerRescheduleBooking(
      { store: t.store, clock: t.clock },
      { customerId: business.customerId, channel: 'portal' },
      {
        bookingId: mine.id,
        startsAt: Date.parse('2026-12-15T15:30:00Z'),
        reason: null,
        expectedVersion: undefined,
      },
    );
    expect(moved, JSON.stringify(moved)).toMatchObject({ ok: true });
    const before = sink.to(OFFICE).length;
    await dispatch();
    const notice = sink.to(OFFICE).slice(before).at(-1);
    expect(notice?.subject).toBe(
      `Alice Moreno rescheduled Standard clean to Tue 15 Dec, 10:30 EST (${mine.id.slice(0, 8).toUpperCase()})`,
    );
    expect(notice?.text).toContain(
      'The new time overlaps other work: blocked time, Tue 15 Dec, 10:00 – 12:00 EST. Open the booking to sort it out with the staff member.',
    );
    expect(notice?.text).toContain('Overlaps: blocked time, Tue 15 Dec, 10:00 – 12:00 EST\n');
    expect(notice?.text).toContain(`Open the booking: ${TEST_PUBLIC_URL}/admin/bookings/${mine.id}\n`);
    expect(notice?.html).toContain(`href="${TEST_PUBLIC_URL}/admin/bookings/${mine.id}"`);
    // A move onto a free time says nothing of overlaps.
    await customerRescheduleBooking(
      { store: t.store, clock: t.clock },
      { customerId: business.customerId, channel: 'portal' },
      {
        bookingId: mine.id,
        startsAt: Date.parse('2026-12-16T15:00:00Z'),
        reason: null,
        expectedVersion: undefined,
      },
    );
    await dispatch();
    expect(sink.to(OFFICE).at(-1)?.text).not.toMatch(/overlaps/i);
    await t.api('PATCH', '/settings', { customerPortal: { realTimeAvailability: true } });
  });
});

describeEachDatabase('templates saved before blocks and languages', (kind) => {
  it('move over as English HTML-mode templates, word for word', async () => {
    const database = await createTestStore(kind, { migrate: false });
    const db = database.store.db as unknown as Kysely<
      Database & {
        email_templates: { kind: string; subject: string; html: string; text: string; updated_at: number };
      }
    >;
    const all = migrationsFor(database.store.dialect);
    const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0010'));
    const upTo = new Migrator({ db, provider: { getMigrations: async () => before } });
    expect((await upTo.migrateToLatest()).error).toBeUndefined();
    await db
      .insertInto('email_templates')
      .values({
        kind: 'booking_reminder',
        subject: 'Old {{ service.name }}',
        html: '<p>{% reschedule_button %}</p>',
        text: 'Old',
        updated_at: 1_700_000_000_000,
      })
      .execute();
    const latest = new Migrator({ db, provider: { getMigrations: async () => all } });
    expect((await latest.migrateToLatest()).error).toBeUndefined();
    expect(await findTemplate(db as unknown as Kysely<Database>, 'booking_reminder', 'en')).toMatchObject({
      mode: 'html',
      subject: 'Old {{ service.name }}',
      html: '<p>{% reschedule_button %}</p>',
      text: 'Old',
      customized: true,
      updatedAt: 1_700_000_000_000,
    });
    expect((await findTemplate(db as unknown as Kysely<Database>, 'booking_reminder', 'es')).customized).toBe(
      false,
    );
    await database.destroy();
  });
});
