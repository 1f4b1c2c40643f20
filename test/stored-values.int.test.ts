import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { memoryTransport } from '../src/email/mail-transport.js';
import { CUSTOMER_COOKIE, openPortalSession } from '../src/portal/portal-session-repository.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

// Nothing a write accepts may make a later read fail: write the most extreme values every request schema
// accepts, then read every list and view back.

const NOW = '2026-12-01T08:00:00Z';
const NOW_MS = Date.parse(NOW);
const MINUTE = 60_000;
const DAY = 86_400_000;
/** The bounds of a bookable instant at NOW: one year back, five ahead. */
const EARLIEST = Date.parse('2025-12-01T08:00:00Z');
const LATEST = Date.parse('2031-12-01T08:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** Text at its longest, with what tends to break things: quotes, markup, emoji, right-to-left, tabs, newlines. */
const oddLine = (length: number) => `"O'Brien" <b>&amp; 😀 مرحبا Ω\t`.repeat(length).slice(0, length);
const oddText = (length: number) => `Line "one" <i>&\n😀 שלום\r\n`.repeat(length).slice(0, length);
const allDay = [{ start: '00:00', end: '24:00' }];
const twelveRanges = Array.from({ length: 12 }, (_, i) => ({
  start: `${String(i * 2).padStart(2, '0')}:00`,
  end: `${String(i * 2 + 1).padStart(2, '0')}:59`,
}));

describeEachDatabase('stored values read back', (kind) => {
  let t: TestApp;
  let serviceId: string;
  let staffId: string;
  let otherStaffId: string;
  let customerId: string;
  const bookingIds: string[] = [];
  const blockedIds: string[] = [];
  const mail = memoryTransport();

  const ok = (response: LightMyRequestResponse, status = 200) => {
    expect(response.statusCode, response.body.slice(0, 500)).toBe(status);
    return response.json();
  };
  const count = async (table: 'bookings' | 'outbox_messages' | 'blocked_events') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(kind, NOW);
    ok(
      await t.api('PATCH', '/settings', {
        businessName: oddLine(120),
        timezone: 'Pacific/Kiritimati',
        notificationEmail: `${'o'.repeat(60)}@${'x'.repeat(60)}.example`,
        slotIntervalMinutes: 5,
        bookingWindowDays: 730,
        reminderLeadMinutes: 60 * 24 * 14,
        workingHours: {
          mon: allDay,
          tue: twelveRanges,
          wed: allDay,
          thu: allDay,
          fri: allDay,
          sat: allDay,
          sun: allDay,
        },
        customerPortal: {
          minimumNoticeMinutes: 0,
          maxReschedulesPerBooking: 100,
          changeBlockedMessage: oddText(500),
        },
      }),
    );
    const service = ok(
      await t.api('POST', '/services', {
        name: oddLine(120),
        durationMinutes: 24 * 60,
        bufferBeforeMinutes: 240,
        bufferAfterMinutes: 240,
      }),
      201,
    );
    serviceId = service.id;
    const staff = ok(
      await t.api('POST', '/staff', {
        name: oddLine(120),
        email: 'staff+tag@sub.example.com',
        serviceIds: [serviceId],
        workingHours: {
          mon: twelveRanges,
          tue: allDay,
          wed: allDay,
          thu: allDay,
          fri: allDay,
          sat: [],
          sun: [],
        },
      }),
      201,
    );
    staffId = staff.id;
    otherStaffId = ok(await t.api('POST', '/staff', { name: 'Tom', serviceIds: [serviceId] }), 201).id;
    const customer = ok(
      await t.api('POST', '/customers', {
        name: oddLine(120),
        email: 'Odd.Customer+x@Example.com',
        phone: '+1 (555) 010-0000'.padEnd(40, ' 0'),
        timezone: 'America/Argentina/ComodRivadavia',
      }),
      201,
    );
    customerId = customer.id;

    for (const kindOfTemplate of ['booking_confirmation', 'booking_rescheduled']) {
      ok(
        await t.api('PUT', `/email-templates/${kindOfTemplate}`, {
          subject: `{{ business.name }} ${oddLine(900)}`,
          // As large as a template may be: 100 KB in all.
          html: `<p>{{ booking.starts_at }}</p>${'<b>Tom &amp; Jerry</b> '.repeat(5000)}`.slice(0, 50_000),
          text: `{{ booking.starts_at }} ${'Tom & Jerry; '.repeat(4000)}`.slice(0, 48_000),
        }),
      );
    }

    const create = (startsAt: number) =>
      t.api('POST', '/bookings', {
        customerId,
        serviceId,
        staffId,
        startsAt: iso(startsAt),
        notes: oddText(2000),
        allowConflict: true,
      });
    for (const startsAt of [EARLIEST + MINUTE, LATEST - MINUTE, NOW_MS + 30 * DAY]) {
      bookingIds.push(ok(await create(startsAt), 201).id);
    }
    // The reschedule path to both extremes too.
    const moving = ok(await create(NOW_MS + 60 * DAY), 201).id;
    ok(
      await t.api('POST', `/bookings/${moving}/reschedule`, {
        startsAt: iso(LATEST - 2 * MINUTE),
        reason: oddText(500),
        allowConflict: true,
      }),
    );
    const movingBack = ok(await create(NOW_MS + 90 * DAY), 201).id;
    ok(
      await t.api('POST', `/bookings/${movingBack}/reschedule`, {
        startsAt: iso(EARLIEST + 2 * MINUTE),
        allowConflict: true,
      }),
    );
    bookingIds.push(moving, movingBack);

    for (const [startsAt, endsAt, who] of [
      [EARLIEST + MINUTE, EARLIEST + MINUTE + 366 * DAY, null],
      [LATEST - MINUTE - 366 * DAY, LATEST - MINUTE, otherStaffId],
    ] as const) {
      blockedIds.push(
        ok(
          await t.api('POST', '/blocked-events', {
            staffId: who,
            startsAt: iso(startsAt),
            endsAt: iso(endsAt),
            reason: oddText(500),
          }),
          201,
        ).id,
      );
    }
  });
  afterAll(() => t.close());

  it('reads every admin list and view back', async () => {
    const listed = ok(await t.api('GET', '/bookings'));
    expect(listed.map((b: { id: string }) => b.id).sort()).toEqual([...bookingIds].sort());
    const latest = listed.find((b: { startsAt: string }) => b.startsAt === iso(LATEST - MINUTE));
    // A 24-hour service starting just inside the bound ends beyond it, and still reads.
    expect(latest.endsAt).toBe(iso(LATEST - MINUTE + DAY));
    ok(await t.api('GET', `/bookings?from=${iso(EARLIEST)}&to=${iso(LATEST + 2 * DAY)}&staffId=${staffId}`));
    ok(await t.api('GET', '/bookings?from=0001-01-01&to=9999-12-31'));
    let conflicts = 0;
    for (const id of bookingIds) conflicts += ok(await t.api('GET', `/bookings/${id}`)).conflicts.length;
    expect(conflicts).toBeGreaterThan(0);
    const blocked = ok(await t.api('GET', '/blocked-events'));
    expect(blocked.map((b: { id: string }) => b.id).sort()).toEqual([...blockedIds].sort());
    ok(await t.api('GET', `/blocked-events?from=${iso(EARLIEST)}&to=${iso(LATEST)}&staffId=${staffId}`));
    for (const path of ['/services', `/services/${serviceId}`, '/staff', `/staff/${staffId}`, '/customers']) {
      ok(await t.api('GET', path));
    }
    ok(await t.api('GET', `/customers/${customerId}`));
    ok(await t.api('GET', '/settings'));
    ok(await t.api('GET', '/email-templates'));
    const { subject, html, text } = ok(await t.api('GET', '/email-templates/booking_rescheduled'));
    ok(await t.api('POST', '/email-templates/booking_rescheduled/preview', { subject, html, text }));
  });

  it('offers and reads the calendar up to the bound, and answers far-off ranges without failing', async () => {
    const slotsOf = async (from: string, to: string) =>
      ok(await t.api('GET', `/availability?serviceId=${serviceId}&staffId=${staffId}&from=${from}&to=${to}`))
        .slots as Array<{ startsAt: string; endsAt: string }>;
    const nearBound = await slotsOf('2031-10-01', '2031-12-01');
    expect(nearBound.length).toBeGreaterThan(0);
    expect(Date.parse(nearBound.at(-1)?.startsAt ?? '')).toBeLessThanOrEqual(LATEST);
    expect(await slotsOf('9999-11-01', '9999-12-31')).toEqual([]);
    expect(await slotsOf('0001-01-01', '0001-02-01')).toEqual([]);
  });

  it('delivers every queued email', async () => {
    await dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport: mail,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: undefined,
    });
    const outbox = ok(await t.api('GET', '/outbox')) as Array<{ id: string; status: string }>;
    expect(outbox.length).toBeGreaterThanOrEqual(bookingIds.length + 2);
    expect(outbox.filter((message) => message.status !== 'sent')).toEqual([]);
    for (const message of outbox) ok(await t.api('GET', `/outbox/${message.id}`));
  });

  it("reads the customer's portal back: list, views, slots, services, availability", async () => {
    const token = await openPortalSession(
      t.store.db,
      { customerId, bookingId: null, expiresAt: NOW_MS + DAY },
      NOW_MS,
    );
    const headers = { cookie: `${CUSTOMER_COOKIE}=${token}` };
    const portal = async (path: string) =>
      ok(await t.app.inject({ method: 'GET', url: `/api/v1/portal${path}`, headers }));
    ok(await t.app.inject({ method: 'GET', url: '/api/v1/portal/me', headers }));
    const list = await portal('/bookings');
    expect(list.map((b: { id: string }) => b.id).sort()).toEqual([...bookingIds].sort());
    for (const id of bookingIds) {
      await portal(`/bookings/${id}`);
      const page = await t.app.inject({ method: 'GET', url: `/portal/bookings/${id}`, headers });
      expect(page.statusCode).toBe(200);
    }
    const future = bookingIds[2] as string;
    expect(
      (await portal(`/bookings/${future}/slots?from=2028-11-01&to=2028-11-30`)).slots.length,
    ).toBeGreaterThan(0);
    expect((await portal(`/bookings/${future}/slots?from=9999-11-01&to=9999-12-31`)).slots).toEqual([]);
    await portal('/services');
    await portal(`/availability?serviceId=${serviceId}&from=2028-11-01&to=2028-11-30`);
  });

  it('refuses year 9999, and a moment outside either bound, naming the field, storing and sending nothing', async () => {
    const before = await Promise.all([count('bookings'), count('outbox_messages'), count('blocked_events')]);
    const refusedField = (response: LightMyRequestResponse) => {
      expect(response.statusCode, response.body).toBe(422);
      const problem = response.json();
      expect(problem.code).toBe('validation_failed');
      return problem.errors.map((error: { field: string }) => error.field);
    };
    for (const startsAt of ['9999-12-31T23:59:59Z', iso(LATEST + 1), iso(EARLIEST - 1)]) {
      const created = await t.api('POST', '/bookings', { customerId, serviceId, staffId, startsAt });
      expect(refusedField(created)).toEqual(['startsAt']);
      const moved = await t.api('POST', `/bookings/${bookingIds[2]}/reschedule`, {
        startsAt,
        allowConflict: true,
      });
      expect(refusedField(moved)).toEqual(['startsAt']);
    }
    const blockedLate = await t.api('POST', '/blocked-events', {
      staffId: null,
      startsAt: iso(LATEST - DAY),
      endsAt: iso(LATEST + 1),
    });
    expect(refusedField(blockedLate)).toEqual(['endsAt']);
    const blockedEarly = await t.api('POST', '/blocked-events', {
      staffId: null,
      startsAt: iso(EARLIEST - 1),
      endsAt: iso(EARLIEST + DAY),
    });
    expect(refusedField(blockedEarly)).toEqual(['startsAt']);
    expect(await Promise.all([count('bookings'), count('outbox_messages'), count('blocked_events')])).toEqual(
      before,
    );
    ok(await t.api('GET', '/bookings'));
    const moved = ok(await t.api('GET', `/bookings/${bookingIds[2]}`));
    expect(moved.startsAt).toBe(iso(NOW_MS + 30 * DAY));
  });

  it('has the database itself refuse rows no read could serve', async () => {
    const row = await t.store.db
      .selectFrom('bookings')
      .selectAll()
      .where('id', '=', bookingIds[2] as string)
      .executeTakeFirstOrThrow();
    const year2300 = Date.UTC(2300, 0, 1);
    const broken = [
      { ...row, id: 'far-future', ends_at: year2300, occupied_until: year2300 },
      { ...row, id: 'ends-first', ends_at: row.starts_at - 1 },
      { ...row, id: 'uncovered', occupied_from: row.starts_at + 1 },
      { ...row, id: 'negative', reschedule_count: -1 },
    ];
    for (const values of broken) {
      await expect(
        t.store.db.insertInto('bookings').values(values).execute(),
        values.id,
      ).rejects.toMatchObject({
        code: kind === 'postgres' ? '23514' : 'SQLITE_CONSTRAINT_TRIGGER',
      });
    }
    await expect(
      t.store.db.updateTable('bookings').set({ starts_at: 0 }).where('id', '=', row.id).execute(),
    ).rejects.toMatchObject({ code: kind === 'postgres' ? '23514' : 'SQLITE_CONSTRAINT_TRIGGER' });
    await expect(
      t.store.db.updateTable('services').set({ duration_minutes: 0 }).where('id', '=', serviceId).execute(),
    ).rejects.toMatchObject({ code: kind === 'postgres' ? '23514' : 'SQLITE_CONSTRAINT_TRIGGER' });
    await expect(
      t.store.db
        .updateTable('blocked_events')
        .set((eb) => ({ ends_at: eb.ref('starts_at') }))
        .where('id', '=', blockedIds[0] as string)
        .execute(),
    ).rejects.toMatchObject({ code: kind === 'postgres' ? '23514' : 'SQLITE_CONSTRAINT_TRIGGER' });
    ok(await t.api('GET', '/bookings'));
  });
});
