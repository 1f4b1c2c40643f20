import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import { type Insertable, Kysely, SqliteDialect, sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { mintBookingLink } from '../src/bookings/booking-link-repository.js';
import { findBusyIntervals, findConflicts } from '../src/bookings/booking-repository.js';
import { findAvailableSlots } from '../src/bookings/find-available-slots.js';
import { rescheduleBooking } from '../src/bookings/reschedule-booking.js';
import type { Store } from '../src/db/dialect.js';
import type { Database, OutboxMessageTable } from '../src/db/schema.js';
import { composeEmail } from '../src/email/compose-email.js';
import { claimDueMessages, markSent } from '../src/email/outbox-repository.js';
import { renderEmail, sampleFacts } from '../src/email/render-email.js';
import { findTemplate } from '../src/email/stored-templates.js';
import { createAppMetrics } from '../src/observability/app-metrics.js';
import { findPortalSession } from '../src/portal/portal-session-repository.js';
import { readSettings } from '../src/settings/settings-repository.js';
import { type BenchDatabase, createBenchDatabase, destroyAllDatabases } from './databases.js';
import { type Dataset, generateDataset, insertDataset } from './dataset.js';
import { createFixture, PUBLIC_URL, SLOT_MONTH } from './fixture.js';
import { postgresConnection, rescheduleTransaction, sqliteConnection } from './reschedule.js';
import { chunks, formatMs, log, MINUTE, now, readOptions, TIERS, type Tier } from './support.js';

/**
 * Not part of `npm run bench`: the measurements behind the fix proposals in docs/benchmarks.md, each comparing
 * the code as it is with the proposed change, prototyped here without touching src/.
 *   node dist/bench/bench/experiments.js   (BENCH_POSTGRES_URL for PostgreSQL too)
 */
async function mean(runs: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, runs); i++) await work();
  const started = now();
  for (let i = 0; i < runs; i++) await work();
  return (now() - started) / runs;
}

function line(text: string): void {
  console.log(text);
}

async function fresh(kind: 'sqlite' | 'postgres', tier: Tier): Promise<{ db: BenchDatabase; data: Dataset }> {
  const data = generateDataset(tier);
  const db = await createBenchDatabase(kind, `exp_${tier.name}`, readOptions().postgresUrl);
  await insertDataset(db.store, data);
  return { db, data };
}

/** E1: busy times and conflict checks scan every blocked event of the business; an index by staff fixes it. */
async function blockedEventsIndex(kind: 'sqlite' | 'postgres'): Promise<void> {
  for (const tier of [TIERS.base, TIERS.x5]) {
    const { db, data } = await fresh(kind, tier);
    const staffId = data.staff[1]?.id ?? '';
    const range = { start: Date.parse('2026-09-29T22:00:00Z'), end: Date.parse('2026-11-02T23:00:00Z') };
    const occupied = { start: Date.parse('2026-10-20T08:50:00Z'), end: Date.parse('2026-10-20T09:55:00Z') };
    const measure = async () => ({
      busy: await mean(300, () => findBusyIntervals(db.store.db, staffId, range, null)),
      conflicts: await mean(300, () => findConflicts(db.store.db, staffId, occupied, null, 1)),
    });
    const before = await measure();
    await sql`create index blocked_events_staff_time on blocked_events (staff_id, starts_at, ends_at)`.execute(
      db.store.db,
    );
    if (kind === 'postgres') await sql`analyze blocked_events`.execute(db.store.db);
    const after = await measure();
    line(
      `E1 ${kind}/${tier.name} (${tier.blockedEvents} blocked events): findBusyIntervals ${formatMs(before.busy)} → ${formatMs(after.busy)}; findConflicts ${formatMs(before.conflicts)} → ${formatMs(after.conflicts)} with index (staff_id, starts_at, ends_at)`,
    );
    await db.destroy();
  }
}

async function enqueue(db: BenchDatabase, data: Dataset, count: number): Promise<void> {
  const upcoming = data.bookings.filter((b) => b.status === 'confirmed' && b.startsAt > data.now);
  const rows: Insertable<OutboxMessageTable>[] = Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    return {
      id,
      kind: 'booking_reminder',
      booking_id: upcoming[i % upcoming.length]?.id ?? null,
      recipient: 'someone@bench.example',
      payload: '{}',
      status: 'pending',
      attempts: 0,
      next_attempt_at: data.now,
      lease_until: null,
      last_error: null,
      message_id: `<${id}@rebook>`,
      subject: null,
      html: null,
      text: null,
      created_at: data.now,
      sent_at: null,
    };
  });
  await db.store.db.transaction().execute(async (tx) => {
    for (const batch of chunks(rows, 1000)) await tx.insertInto('outbox_messages').values(batch).execute();
  });
  if (db.kind === 'postgres') await sql`analyze outbox_messages`.execute(db.store.db);
}

/** E2: claiming 50 of 100,000 due messages: the OR of two conditions makes both databases sort every due row. */
async function claimQuery(kind: 'sqlite' | 'postgres'): Promise<void> {
  const { db, data } = await fresh(kind, TIERS.base);
  const t = data.now;
  for (const pending of [10_000, 100_000]) {
    await db.store.db.deleteFrom('outbox_messages').execute();
    await enqueue(db, data, pending);
    const current = db.store.db
      .selectFrom('outbox_messages')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', t)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', t)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(50);
    const due = db.store.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', t)
      .orderBy('next_attempt_at')
      .limit(50);
    const lapsed = db.store.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('status', '=', 'sending')
      .where('lease_until', '<', t)
      .limit(50);
    const before = await mean(30, () => current.execute());
    const after = await mean(30, async () => {
      await due.execute();
      await lapsed.execute();
    });
    const claim = await mean(10, async () => {
      const claimed = await claimDueMessages(db.store.db, db.store.dialect, t, t + 120_000, 50);
      await db.store.db
        .updateTable('outbox_messages')
        .set({ status: 'pending', lease_until: null })
        .where(
          'id',
          'in',
          claimed.map((m) => m.id),
        )
        .execute();
    });
    line(
      `E2 ${kind}: ${pending} due: claim query ${formatMs(before)} → ${formatMs(after)} as two plain queries (due by next_attempt_at; lapsed leases); whole claimDueMessages + put back ${formatMs(claim)}`,
    );
  }
  await db.destroy();
}

/** E4/E5: where a dispatched email's time goes, and what batching the writes of a claimed batch would save. */
async function outboxWrites(kind: 'sqlite' | 'postgres'): Promise<void> {
  const { db, data } = await fresh(kind, TIERS.base);
  await enqueue(db, data, 200);
  const t = data.now;
  const claimed = await claimDueMessages(db.store.db, db.store.dialect, t, t + 120_000, 50);
  const context = { db: db.store.db, publicUrl: PUBLIC_URL, mailFrom: undefined, now: t };
  const first = claimed[0];
  if (!first) throw new Error('nothing claimed');
  const composed = await composeEmail(context, first);
  const content = { subject: composed.mail.subject, html: composed.mail.html, text: composed.mail.text };
  let i = 0;
  const compose = await mean(100, () => composeEmail(context, claimed[i++ % claimed.length] ?? first));
  const template = await findTemplate(db.store.db, 'booking_reminder', 'en');
  const facts = sampleFacts(t, 'booking_reminder');
  const render = await mean(200, () => renderEmail(template, facts));
  const mint = await mean(100, () => mintBookingLink(db.store.db, PUBLIC_URL, first.bookingId ?? '', t));
  const mintBatch =
    (await mean(5, () =>
      db.store.db.transaction().execute(async (tx) => {
        for (let k = 0; k < 50; k++) await mintBookingLink(tx, PUBLIC_URL, first.bookingId ?? '', t);
      }),
    )) / 50;
  const mark = await mean(100, () =>
    markSent(db.store.db, claimed[i++ % claimed.length]?.id ?? '', content, t),
  );
  const markBatch =
    (await mean(5, () =>
      db.store.db.transaction().execute(async (tx) => {
        for (const message of claimed) await markSent(tx, message.id, content, t);
      }),
    )) / claimed.length;
  line(
    `E4 ${kind}: per email: composeEmail ${formatMs(compose)} (of which renderEmail ${formatMs(render)}, minting the link ${formatMs(mint)}); markSent ${formatMs(mark)}. In one transaction per batch of 50: mint ${formatMs(mintBatch)}, markSent ${formatMs(markBatch)} per email`,
  );
  await db.destroy();
}

/**
 * E6: findConflicts' bookings query orders by starts_at with a LIMIT; for a free time inside the calendar
 * PostgreSQL then walks the bookings_starts_at index through the whole table. Ordering by occupied_from (the
 * bookings_staff_time index's order) or not ordering at all keeps it on the staff member's rows.
 */
async function conflictOrder(kind: 'sqlite' | 'postgres'): Promise<void> {
  for (const tier of [TIERS.base, TIERS.x5]) {
    const { db, data } = await fresh(kind, tier);
    const staffId = data.staff[1]?.id ?? '';
    const free = { start: Date.parse('2026-10-20T19:20:00Z'), end: Date.parse('2026-10-20T20:25:00Z') };
    const query = (order: 'starts_at' | 'occupied_from' | null) => {
      let q = db.store.db
        .selectFrom('bookings')
        .select(['id', 'starts_at', 'ends_at'])
        .where('staff_id', '=', staffId)
        .where('status', '=', 'confirmed')
        .where('occupied_from', '<', free.end)
        .where('occupied_until', '>', free.start)
        .where('id', '!=', 'none')
        .limit(1);
      if (order) q = q.orderBy(order);
      return q;
    };
    const asIs = await mean(100, () => query('starts_at').execute());
    const byOccupied = await mean(100, () => query('occupied_from').execute());
    const unordered = await mean(100, () => query(null).execute());
    line(
      `E6 ${kind}/${tier.name}: conflict check for a free time: order by starts_at ${formatMs(asIs)}; by occupied_from ${formatMs(byOccupied)}; unordered ${formatMs(unordered)}`,
    );
    await db.destroy();
  }
}

/**
 * E8: one admin reschedule, sequentially, three ways: the whole HTTP route (inject: auth, validation, the use
 * case, the re-read of the details, serialization), the use case alone (rescheduleBooking: the Kysely
 * transaction), and the hand-written driver transaction of R1's baseline.
 */
async function rescheduleLayers(kind: 'sqlite' | 'postgres'): Promise<void> {
  const { db, data } = await fresh(kind, TIERS.base);
  const fixture = await createFixture(db, data);
  const positions = (i: number): [number, number] => {
    const base = Date.parse('2027-03-01T00:15:00Z') + i * 2 * 90 * MINUTE;
    return [base, base + 90 * MINUTE];
  };
  const bookings = data.bookings.filter((b) => b.staffIndex === 2 && b.status === 'confirmed').slice(0, 30);
  const at = new Map<string, number>(bookings.map((b) => [b.id, b.startsAt]));
  const next = (i: number) => {
    const booking = bookings[i % bookings.length];
    if (!booking) throw new Error('no booking');
    const [a, b] = positions(i % bookings.length);
    const to = at.get(booking.id) === a ? b : a;
    at.set(booking.id, to);
    return { id: booking.id, to };
  };
  let i = 0;
  const route = await mean(300, async () => {
    const move = next(i++);
    const response = await fixture.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${move.id}/reschedule`,
      headers: { authorization: `Bearer ${fixture.token}` },
      payload: { startsAt: new Date(move.to).toISOString() },
    });
    if (response.statusCode !== 200) throw new Error(response.body);
  });
  const useCase = await mean(300, async () => {
    const move = next(i++);
    const result = await rescheduleBooking(
      { store: db.store, clock: fixture.clock },
      {
        bookingId: move.id,
        startsAt: move.to,
        reason: null,
        allowConflict: false,
        expectedVersion: undefined,
      },
      { actor: 'admin', channel: 'api' },
    );
    if (!result.ok) throw new Error(result.error.message);
  });
  const connection =
    db.location.kind === 'sqlite'
      ? sqliteConnection(db.location.path)
      : await postgresConnection(db.location.url);
  const raw = await mean(300, async () => {
    const move = next(i++);
    const status = await rescheduleTransaction(
      connection.connection,
      db.location.kind,
      { kind: 'own', client: 0, bookingId: move.id, startsAt: move.to },
      data.now,
    );
    if (status !== 200) throw new Error(`raw move answered ${status}`);
  });
  await connection.close();
  line(
    `E8 ${kind}: one reschedule, sequential: HTTP route (inject) ${formatMs(route)}; rescheduleBooking use case ${formatMs(useCase)}; raw driver transaction ${formatMs(raw)}`,
  );
  await fixture.close();
  await db.destroy();
}

/**
 * E9: the slots route without the booking view. Today it builds the whole portal booking view (9 statements:
 * history, reschedule count, settings, staff, customer…) only to learn the booking's service and staff and that
 * it is the customer's. A prototype route on a plain Fastify instance: the same session check, one query for the
 * booking, then findAvailableSlots and the same slot view; against the real route, both through inject.
 */
async function leanSlotsRoute(): Promise<void> {
  const { db, data } = await fresh('sqlite', TIERS.base);
  const fixture = await createFixture(db, data);
  const lean = Fastify({ logger: false });
  lean.get('/slots/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { from, to } = request.query as { from: string; to: string };
    const token = /rebook_booking_[^=]+=([^;]+)/.exec(request.headers.cookie ?? '')?.[1] ?? '';
    const session = await findPortalSession(db.store.db, token, fixture.clock.now());
    if (!session || session.bookingId !== id) return reply.code(401).send();
    const booking = await db.store.db
      .selectFrom('bookings')
      .select(['service_id', 'staff_id'])
      .where('id', '=', id)
      .where('customer_id', '=', session.customerId)
      .executeTakeFirst();
    if (!booking) return reply.code(404).send();
    const answer = await findAvailableSlots(
      { store: db.store, clock: fixture.clock },
      {
        serviceId: booking.service_id,
        staffId: booking.staff_id,
        fromDate: from,
        toDate: to,
        exceptBookingId: id,
        audience: 'customer',
      },
    );
    if (!answer.ok) return reply.code(422).send(answer.error);
    return {
      timezone: answer.value.timeZone,
      mode: answer.value.mode,
      slots: answer.value.slots.map((slot) => ({
        startsAt: new Date(slot.startsAt).toISOString(),
        endsAt: new Date(slot.endsAt).toISOString(),
      })),
    };
  });
  await lean.ready();
  const headers = { cookie: fixture.portal.cookie };
  const leanUrl = `/slots/${fixture.portal.booking.id}?from=${SLOT_MONTH.from}&to=${SLOT_MONTH.to}`;
  const check = await lean.inject({ method: 'GET', url: leanUrl, headers });
  const real = await fixture.app.inject({ method: 'GET', url: fixture.slotsPath, headers });
  if (check.body !== real.body) throw new Error('the prototype answers differently');
  let bestReal = Number.POSITIVE_INFINITY;
  let bestLean = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 4; round++) {
    bestReal = Math.min(
      bestReal,
      await mean(300, () => fixture.app.inject({ method: 'GET', url: fixture.slotsPath, headers })),
    );
    bestLean = Math.min(
      bestLean,
      await mean(300, () => lean.inject({ method: 'GET', url: leanUrl, headers })),
    );
  }
  line(
    `E9 sqlite: slots request ${formatMs(bestReal)} as is; ${formatMs(bestLean)} with one booking query instead of the booking view (same answer byte for byte; inject, best of 4 alternating rounds)`,
  );
  await lean.close();
  await fixture.close();
  await db.destroy();
}

/** E7: readSettings validates the stored document with zod on every call; twice per slots request. */
async function settingsParse(): Promise<void> {
  const { db } = await fresh('sqlite', TIERS.small);
  const parsed = await mean(2000, () => readSettings(db.store.db));
  const raw = await mean(2000, async () => {
    const row = await db.store.db
      .selectFrom('business_settings')
      .select('document')
      .where('id', '=', 1)
      .executeTakeFirst();
    return row && JSON.parse(row.document);
  });
  line(`E7 sqlite: readSettings ${formatMs(parsed)} vs the same read with JSON.parse only ${formatMs(raw)}`);
  await db.destroy();
}

/** E3: Kysely's SQLite driver prepares every statement anew; better-sqlite3 statements can be kept and reused. */
async function statementCache(): Promise<void> {
  const { db, data } = await fresh('sqlite', TIERS.base);
  const fixture = await createFixture(db, data);
  const path = db.location.kind === 'sqlite' ? db.location.path : '';
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 10000');
  database.pragma('foreign_keys = ON');
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const prepare = database.prepare.bind(database);
  const caching = new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') {
        return (text: string) => {
          let statement = prepared.get(text);
          if (!statement) {
            statement = prepare(text);
            prepared.set(text, statement);
          }
          return statement;
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const cachedStore: Store = {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: caching }) }),
    dialect: 'sqlite',
    close: async () => undefined,
  };
  const headers = { cookie: fixture.portal.cookie };
  const apps = {
    'as is': await buildApp({
      store: db.store,
      clock: fixture.clock,
      publicUrl: PUBLIC_URL,
      metrics: createAppMetrics(db.store, fixture.clock),
    }),
    'statement cache': await buildApp({
      store: cachedStore,
      clock: fixture.clock,
      publicUrl: PUBLIC_URL,
      metrics: createAppMetrics(cachedStore, fixture.clock),
    }),
  };
  // Alternating rounds, best of four: the two variants see the same machine noise and the same JIT state.
  const best: Record<string, { slots: number; view: number }> = {};
  for (let round = 0; round < 4; round++) {
    for (const [name, app] of Object.entries(apps)) {
      const slots = await mean(300, () => app.inject({ method: 'GET', url: fixture.slotsPath, headers }));
      const view = await mean(300, () =>
        app.inject({ method: 'GET', url: `/api/v1/portal/bookings/${fixture.portal.booking.id}`, headers }),
      );
      const previous = best[name];
      best[name] = {
        slots: Math.min(previous?.slots ?? Number.POSITIVE_INFINITY, slots),
        view: Math.min(previous?.view ?? Number.POSITIVE_INFINITY, view),
      };
    }
  }
  for (const [name, figures] of Object.entries(best)) {
    line(
      `E3 sqlite ${name}: slots request ${formatMs(figures.slots)}, booking view ${formatMs(figures.view)} (inject, sequential, best of 4 alternating rounds)`,
    );
  }
  for (const app of Object.values(apps)) await app.close();
  await cachedStore.db.destroy();
  await fixture.close();
  await db.destroy();
}

const options = readOptions();
const kinds: Array<'sqlite' | 'postgres'> = options.postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
try {
  const only = process.env.BENCH_EXPERIMENT;
  for (const kind of kinds) {
    log(`experiments on ${kind}`);
    if (only === 'E6') {
      await conflictOrder(kind);
      continue;
    }
    if (only === 'E3' || only === 'E9') break;
    if (only === 'E8') {
      await rescheduleLayers(kind);
      continue;
    }
    await blockedEventsIndex(kind);
    await claimQuery(kind);
    await outboxWrites(kind);
    await conflictOrder(kind);
    await rescheduleLayers(kind);
  }
  if (only === undefined || only === 'E3') await statementCache();
  if (only === undefined || only === 'E9') await leanSlotsRoute();
  if (only === undefined) await settingsParse();
} finally {
  await destroyAllDatabases();
}
