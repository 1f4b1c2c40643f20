import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../src/http/app-context.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

const HOUR = 3_600_000;
const ROUNDS = 50;
const CONTENDERS = 20;

describeEachDatabase('no double booking under concurrent writes', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  let secondProcess: App;

  beforeAll(async () => {
    t = await startTestApp(kind);
    business = await setUpBusiness(t);
    // A second app with its own connection pool, as a second process would be.
    secondProcess = await t.startAnother();
  });
  afterAll(() => t.close());

  const appFor = (i: number) => (i % 2 === 0 ? t.app : secondProcess);

  it(`lets exactly one of ${CONTENDERS} concurrent reschedules into one slot win, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const base = Date.parse('2027-01-04T00:00:00Z') + round * 3 * 24 * HOUR;
      const bookings = await Promise.all(
        Array.from({ length: CONTENDERS }, (_, i) =>
          book(t, business, new Date(base + i * 2 * HOUR).toISOString()),
        ),
      );
      const target = new Date(base + 45 * HOUR).toISOString();
      const responses = await Promise.all(
        bookings.map((booking, i) =>
          appFor(i).inject({
            method: 'POST',
            url: `/api/v1/bookings/${booking.id}/reschedule`,
            headers: { authorization: `Bearer ${t.token}` },
            payload: { startsAt: target },
          }),
        ),
      );
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses, `round ${round}`).toEqual([200, ...Array<number>(CONTENDERS - 1).fill(409)]);
      for (const loser of responses.filter((r) => r.statusCode === 409)) {
        expect(loser.json().code).toBe('slot_unavailable');
      }
    }
    await expectNoOverlaps();
    // 2,000 requests: a correctness test, not a timed one; on a loaded 2-core machine PostgreSQL takes ~30 s.
  }, 120_000);

  it(`lets exactly one of ${CONTENDERS} concurrent new bookings of one slot win`, async () => {
    const target = '2027-08-02T15:00:00.000Z';
    const responses = await Promise.all(
      Array.from({ length: CONTENDERS }, (_, i) =>
        appFor(i).inject({
          method: 'POST',
          url: '/api/v1/bookings',
          headers: { authorization: `Bearer ${t.token}` },
          payload: {
            customerId: business.customerId,
            serviceId: business.serviceId,
            staffId: business.staffId,
            startsAt: target,
          },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([
      201,
      ...Array<number>(CONTENDERS - 1).fill(409),
    ]);
    await expectNoOverlaps();
  });

  it('applies concurrent reschedules of one booking one after another, each with its history entry', async () => {
    const booking = await book(t, business, '2027-09-06T15:00:00Z');
    const targets = Array.from({ length: 10 }, (_, i) =>
      new Date(Date.parse('2027-09-07T13:00:00Z') + i * 2 * HOUR).toISOString(),
    );
    const responses = await Promise.all(
      targets.map((startsAt, i) =>
        appFor(i).inject({
          method: 'POST',
          url: `/api/v1/bookings/${booking.id}/reschedule`,
          headers: { authorization: `Bearer ${t.token}` },
          payload: { startsAt },
        }),
      ),
    );
    const succeeded = responses.filter((r) => r.statusCode === 200);
    expect(succeeded).toHaveLength(10);
    const final = (await t.api('GET', `/bookings/${booking.id}`)).json();
    const moves = final.history.filter((h: { type: string }) => h.type === 'rescheduled');
    expect(moves).toHaveLength(10);
    expect(final.version).toBe(11);
    expect(final.rescheduleCount).toBe(10);
    // Each move starts where the one before it ended, and the booking is where the last move put it.
    for (let i = 1; i < moves.length; i++) expect(moves[i].fromStartsAt).toBe(moves[i - 1].toStartsAt);
    expect(final.startsAt).toBe(moves.at(-1).toStartsAt);
  });

  if (kind === 'postgres') {
    it('has the database itself refuse an overlapping confirmed booking (exclusion constraint)', async () => {
      const existing = await book(t, business, '2027-10-04T15:00:00Z');
      const row = await t.store.db
        .selectFrom('bookings')
        .selectAll()
        .where('id', '=', existing.id)
        .executeTakeFirstOrThrow();
      const overlapping = {
        ...row,
        id: 'direct-insert',
        starts_at: row.starts_at + 30 * 60_000,
        ends_at: row.ends_at + 30 * 60_000,
        occupied_from: row.occupied_from + 30 * 60_000,
        occupied_until: row.occupied_until + 30 * 60_000,
      };
      await expect(t.store.db.insertInto('bookings').values(overlapping).execute()).rejects.toMatchObject({
        code: '23P01',
      });
      // Back to back is fine, and so is an overlap placed on purpose (allows_overlap).
      const backToBack = {
        ...row,
        id: 'back-to-back',
        starts_at: row.occupied_until,
        ends_at: row.occupied_until + 60 * 60_000,
        occupied_from: row.occupied_until,
        occupied_until: row.occupied_until + 75 * 60_000,
      };
      await t.store.db.insertInto('bookings').values(backToBack).execute();
      await t.store.db
        .insertInto('bookings')
        .values({ ...overlapping, id: 'on-purpose', allows_overlap: 1 })
        .execute();
      const ids = await t.store.db
        .selectFrom('bookings')
        .select('id')
        .where('id', 'in', ['direct-insert', 'back-to-back', 'on-purpose'])
        .orderBy('id')
        .execute();
      expect(ids.map((r) => r.id)).toEqual(['back-to-back', 'on-purpose']);
    });
  }

  async function expectNoOverlaps(): Promise<void> {
    const rows = await t.store.db
      .selectFrom('bookings')
      .select(['id', 'staff_id', 'occupied_from', 'occupied_until'])
      .where('status', '=', 'confirmed')
      .orderBy('staff_id')
      .orderBy('occupied_from')
      .execute();
    for (let i = 1; i < rows.length; i++) {
      const previous = rows[i - 1];
      const current = rows[i];
      if (previous && current && previous.staff_id === current.staff_id) {
        expect(current.occupied_from, `${previous.id} overlaps ${current.id}`).toBeGreaterThanOrEqual(
          previous.occupied_until,
        );
      }
    }
  }
});
