import { afterEach, expect, it } from 'vitest';
import { seedDemoBusiness } from '../src/demo/seed-demo-business.js';
import { TestClock } from './support/test-clock.js';
import { createTestStore, describeEachDatabase, type TestStore } from './support/test-databases.js';

/** The demo business is believable against its own clock: nothing has happened later than now. */
describeEachDatabase('demo data', (kind) => {
  let database: TestStore | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  // Early morning, mid-day and late evening in New York: the bookings near "now" differ each time.
  for (const now of ['2026-12-01T11:00:00Z', '2026-12-01T18:45:00Z', '2026-12-02T03:30:00Z']) {
    it(`at ${now}: no history entry in the future, no customer at two appointments at once`, async () => {
      database = await createTestStore(kind);
      const clock = TestClock.at(now);
      const db = database.store.db;
      expect(await seedDemoBusiness(db, clock, { withAdmin: false })).toBe(true);

      const history = await db.selectFrom('booking_history').select(['at', 'type']).execute();
      expect(history.length).toBeGreaterThan(100);
      const future = history.filter((entry) => Number(entry.at) > clock.now());
      expect(future).toEqual([]);

      const bookings = await db
        .selectFrom('bookings')
        .select(['id', 'customer_id', 'starts_at', 'ends_at', 'status', 'created_at'])
        .orderBy('starts_at')
        .execute();
      expect(bookings.filter((b) => Number(b.created_at) > clock.now())).toEqual([]);
      const clashes: string[] = [];
      for (const [i, a] of bookings.entries()) {
        for (const b of bookings.slice(i + 1)) {
          if (a.customer_id !== b.customer_id || a.status === 'cancelled' || b.status === 'cancelled')
            continue;
          if (Number(a.starts_at) < Number(b.ends_at) && Number(b.starts_at) < Number(a.ends_at)) {
            clashes.push(`${a.id} and ${b.id}`);
          }
        }
      }
      expect(clashes).toEqual([]);
      // What has ended is completed or cancelled; nothing upcoming is completed.
      const wrong = bookings.filter(
        (b) =>
          (Number(b.ends_at) < clock.now() && b.status === 'confirmed') ||
          (Number(b.ends_at) >= clock.now() && b.status === 'completed'),
      );
      expect(wrong).toEqual([]);
    });
  }
});
