import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { writeTransaction } from '../src/db/dialect.js';
import { createAppMetrics } from '../src/observability/app-metrics.js';
import { needsReminder } from '../src/scheduling/reminder-time.js';
import { countingStore } from './databases.js';
import { type BookingData, bookingRow, type Dataset, LocalClock, SERVICE } from './dataset.js';
import { type Fixture, PUBLIC_URL } from './fixture.js';
import { runLoad, statusSummary } from './http.js';
import type { LoadResult } from './load-worker.js';
import type { Report } from './report.js';
import {
  type OwnedBooking,
  type Planned,
  type RescheduleSetup,
  RescheduleWorkload,
  type WorkloadSummary,
} from './reschedule-workload.js';
import { chunks, DAY, formatRate, formatRatio, HOUR, log, MINUTE, now, Random } from './support.js';

const CLIENTS = 50;
const OWNED_PER_CLIENT = 4;
const CONTESTED_SHARE = 0.2;
const CONTENDERS_PER_SLOT = 25;
const CONTESTED_STAFF = 0;
/** Far beyond the generated calendar (which ends 90 days out). */
const FAR_REGION_START = Date.parse('2027-02-01T00:00:00Z');
const CELL = 90 * MINUTE;
const LIMIT = 0.5;

/**
 * Free times to move bookings to, inside the busy calendar (so the conflict checks search the same indexes as
 * any real move does): per staff member, the night-time starts below (local) of days 2 to 88
 * ahead that no confirmed booking or blocked event touches. Admin moves need no working hours. When those run
 * out, and for the contenders' parking places, 90-minute cells far beyond the generated calendar.
 */
/** 03:30, 04:45, 06:00, 19:30, 21:00, 22:30, 23:45: outside every shift, and their occupied times are disjoint. */
const NIGHT_STARTS = [210, 285, 360, 1170, 1260, 1350, 1425];

class Cells {
  private readonly dense = new Map<number, number[]>();
  private readonly far = new Map<number, number>();
  private readonly busy = new Map<number | null, Array<{ start: number; end: number }>>();
  private readonly clock = new LocalClock();

  constructor(private readonly data: Dataset) {
    const add = (staff: number | null, start: number, end: number) => {
      const list = this.busy.get(staff) ?? [];
      list.push({ start, end });
      this.busy.set(staff, list);
    };
    for (const b of data.bookings) {
      if (b.status !== 'confirmed') continue;
      add(
        b.staffIndex,
        b.startsAt - SERVICE.bufferBeforeMinutes * MINUTE,
        b.endsAt + SERVICE.bufferAfterMinutes * MINUTE,
      );
    }
    for (const event of data.blocked) add(event.staffIndex, event.startsAt, event.endsAt);
  }

  take(staffIndex: number): number {
    let cells = this.dense.get(staffIndex);
    if (!cells) {
      cells = this.freeCells(staffIndex);
      this.dense.set(staffIndex, cells);
    }
    return cells.shift() ?? this.takeFar(staffIndex);
  }

  takeFar(staffIndex: number): number {
    const index = this.far.get(staffIndex) ?? 0;
    this.far.set(staffIndex, index + 1);
    return FAR_REGION_START + index * CELL + 15 * MINUTE;
  }

  private freeCells(staffIndex: number): number[] {
    const busy = [...(this.busy.get(staffIndex) ?? []), ...(this.busy.get(null) ?? [])];
    const today = Math.floor((this.data.now + 2 * HOUR) / DAY);
    const cells: number[] = [];
    for (let day = today + 2; day <= today + 88; day++) {
      for (const minutes of NIGHT_STARTS) {
        const start = this.clock.instant(day, minutes);
        const from = start - SERVICE.bufferBeforeMinutes * MINUTE;
        const until = start + (SERVICE.durationMinutes + SERVICE.bufferAfterMinutes) * MINUTE;
        if (!busy.some((b) => b.start < until && b.end > from)) cells.push(start);
      }
    }
    return cells;
  }
}

/** Bookings for one R1 run (HTTP or raw loop), inserted directly; returns the workload's setup. */
async function prepare(
  f: Fixture,
  cells: Cells,
  seed: number,
  expectedRequests: number,
): Promise<RescheduleSetup> {
  const data = f.data;
  const random = new Random(seed);
  const rows: BookingData[] = [];
  const newBooking = (staffIndex: number, startsAt: number): string => {
    const id = randomUUID();
    rows.push({
      id,
      staffIndex,
      customerIndex: random.int(data.customers.length),
      startsAt,
      endsAt: startsAt + SERVICE.durationMinutes * MINUTE,
      status: 'confirmed',
    });
    return id;
  };
  const others = data.staff.map((_, i) => i).filter((i) => i !== CONTESTED_STAFF);
  const owned: OwnedBooking[][] = [];
  for (let client = 0; client < CLIENTS; client++) {
    const mine: OwnedBooking[] = [];
    for (let k = 0; k < OWNED_PER_CLIENT; k++) {
      const staffIndex = others[(client * OWNED_PER_CLIENT + k) % others.length] ?? 1;
      const a = cells.take(staffIndex);
      const b = cells.take(staffIndex);
      mine.push({ id: newBooking(staffIndex, a), positions: [a, b], at: 0 });
    }
    owned.push(mine);
  }
  const slotCount = Math.ceil((expectedRequests * CONTESTED_SHARE) / CONTENDERS_PER_SLOT) + 20;
  const contenders: string[] = [];
  for (let i = 0; i < slotCount + CLIENTS * 2; i++) {
    contenders.push(newBooking(CONTESTED_STAFF, cells.takeFar(CONTESTED_STAFF)));
  }
  const contestedSlots = Array.from({ length: slotCount }, () => cells.take(CONTESTED_STAFF));
  const bookingRows = rows.map((b) => bookingRow(data, b, data.now));
  await writeTransaction(f.db.store, async (tx) => {
    for (const batch of chunks(bookingRows, 1000)) await tx.insertInto('bookings').values(batch).execute();
  });
  return {
    contestedStaffId: data.staff[CONTESTED_STAFF]?.id ?? '',
    contestedSlots,
    contenders,
    owned,
    contendersPerSlot: CONTENDERS_PER_SLOT,
    contestedShare: CONTESTED_SHARE,
    seed,
  };
}

export interface RescheduleOutcome {
  http: LoadResult;
  raw: RawLoopResult;
}

/**
 * R1: 50 clients moving bookings through POST /api/v1/bookings/:id/reschedule for `seconds`, 20% of them
 * fighting over one staff member's slots; then a hand-written driver loop doing the same transaction with the
 * same mix; then SQL checks over everything both wrote.
 */
export async function measureReschedule(
  f: Fixture,
  report: Report,
  options: { seconds: number; rawSeconds: number },
): Promise<void> {
  const cells = new Cells(f.data);
  // Sized for twice the rates seen on the development machine; beyond that, contested slots come from far cells.
  const httpSetup = await prepare(f, cells, 1, options.seconds * 600);
  const rawSetup = await prepare(f, cells, 2, options.rawSeconds * 1500);
  const queries = await countRescheduleQueries(f, rawSetup);
  log(
    `R1 ${f.db.kind}: ${queries.count} statements per reschedule request: ${queries.statements.join(', ')}`,
  );
  const historyBefore = await countRescheduled(f);
  const rescheduleRequests = f.server.counters;
  rescheduleRequests.reset();

  log(`R1 ${f.db.kind}: HTTP, ${CLIENTS} clients, ${options.seconds} s`);
  const http = await runLoad({
    baseUrl: f.server.baseUrl,
    connections: CLIENTS,
    seconds: options.seconds,
    scenario: { kind: 'reschedule', token: f.token, setup: httpSetup },
  });
  await rescheduleRequests.idle();
  const serverSide = Object.fromEntries(rescheduleRequests.forPath(/\/reschedule$/));

  log(`R1 ${f.db.kind}: raw driver loop, ${options.rawSeconds} s`);
  const raw = await rawLoop(f, rawSetup, options.rawSeconds);

  const ratio = http.perSecond / raw.perSecond;
  const workload = http.workload as WorkloadSummary;
  report.add({
    scenario: 'R1',
    database: f.db.kind,
    tier: f.data.tier.name,
    case: `reschedule, ${CLIENTS} clients, ${options.seconds} s, 20% contested`,
    figure: `${formatRate(http.perSecond)} (${formatRate(workload.successes / http.seconds)} moved) p50 ${http.latency.p50} ms p99 ${http.latency.p99} ms`,
    baseline: `raw ${f.db.kind === 'sqlite' ? 'better-sqlite3' : `pg ×${raw.loops}`} loop ${formatRate(raw.perSecond)} (${formatRate(raw.successes / raw.seconds)} moved)`,
    ratio: `${formatRatio(ratio)} of raw`,
    target: `≥ ${LIMIT}×`,
    verdict: ratio >= LIMIT ? 'met' : 'MISSED',
    detail: { http, raw, serverSide, queriesPerRequest: queries },
  });
  report.note(
    `R1 ${f.db.kind}: HTTP statuses ${statusSummary(http.statusCounts)}; contested ${statusSummary(workload.contested)}, own ${statusSummary(workload.own)}, abandoned ${workload.abandoned}, fell back ${workload.fellBack}; raw loop ${statusSummary(raw.statusCounts)}`,
  );

  await checkOutcome(f, report, {
    historyBefore,
    expectedMoves: { answered: workload.successes + raw.successes, unanswered: workload.abandoned },
    contested: [
      { name: 'HTTP', setup: httpSetup, summary: workload },
      { name: 'raw loop', setup: rawSetup, summary: raw.workload },
    ],
  });
}

async function countRescheduled(f: Fixture): Promise<{ history: number; outbox: number }> {
  const db = f.db.store.db;
  const history = await db
    .selectFrom('booking_history')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', 'rescheduled')
    .executeTakeFirstOrThrow();
  const outbox = await db
    .selectFrom('outbox_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'booking_rescheduled')
    .executeTakeFirstOrThrow();
  return { history: Number(history.n), outbox: Number(outbox.n) };
}

/** Statements of one reschedule request (admin API), on an app whose store counts them; moves there and back. */
async function countRescheduleQueries(
  f: Fixture,
  setup: RescheduleSetup,
): Promise<{ count: number; statements: string[] }> {
  const { store, counter } = countingStore(f.db.store);
  const app = await buildApp({
    store,
    clock: f.clock,
    publicUrl: PUBLIC_URL,
    metrics: createAppMetrics(store, f.clock),
  });
  // The last client's bookings are spare: the raw loop's workload moves them, so move one there and back.
  const spare = setup.owned[setup.owned.length - 1]?.[0];
  if (!spare) throw new Error('no booking to count a reschedule with');
  const move = (startsAt: number) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${spare.id}/reschedule`,
      headers: { authorization: `Bearer ${f.token}` },
      payload: { startsAt: new Date(startsAt).toISOString() },
    });
  counter.count = 0;
  counter.recording = [];
  const there = await move(spare.positions[1]);
  const count = counter.count;
  const statements = counter.recording;
  counter.recording = undefined;
  const back = await move(spare.positions[0]);
  await app.close();
  if (there.statusCode !== 200 || back.statusCode !== 200) {
    throw new Error(`counting reschedule answered ${there.statusCode}/${back.statusCode}: ${there.body}`);
  }
  return { count, statements };
}

interface RawLoopResult {
  loops: number;
  seconds: number;
  transactions: number;
  perSecond: number;
  successes: number;
  statusCounts: Record<string, number>;
  workload: WorkloadSummary;
}

interface BookingRowLite {
  id: string;
  customer_id: string;
  service_id: string;
  staff_id: string;
  starts_at: number;
  ends_at: number;
  status: string;
  reschedule_count: number;
  version: number;
}

/**
 * The same transaction the app runs for an admin reschedule, hand-written on the driver: read and lock the
 * booking, read the service, lock the staff calendar (PostgreSQL), check conflicts (the app's busy-times query),
 * update with the version check, insert the history entry, read the customer and settings, insert the outbox
 * row, drop the pending reminder and schedule the new one. No HTTP, no Kysely, no validation, no re-read after.
 */
export interface RawConnection {
  query(text: string, values: unknown[]): Promise<Record<string, unknown>[]>;
  run(text: string, values: unknown[]): Promise<number>;
}

export async function rescheduleTransaction(
  c: RawConnection,
  dialect: 'sqlite' | 'postgres',
  planned: Planned,
  at: number,
): Promise<number> {
  const p = dialect === 'postgres' ? (i: number) => `$${i}` : () => '?';
  await c.run(dialect === 'postgres' ? 'BEGIN' : 'BEGIN IMMEDIATE', []);
  try {
    const [booking] = (await c.query(
      `select * from bookings where id = ${p(1)}${dialect === 'postgres' ? ' for update' : ''}`,
      [planned.bookingId],
    )) as unknown as BookingRowLite[];
    if (!booking) return await rollback(c, 404);
    if (booking.status !== 'confirmed') return await rollback(c, 422);
    if (booking.starts_at === planned.startsAt) return await rollback(c, 422);
    const [service] = await c.query(`select * from services where id = ${p(1)}`, [booking.service_id]);
    const before = Number(service?.buffer_before_minutes ?? 0) * MINUTE;
    const after = Number(service?.buffer_after_minutes ?? 0) * MINUTE;
    const endsAt = planned.startsAt + (booking.ends_at - booking.starts_at);
    const from = planned.startsAt - before;
    const until = endsAt + after;
    if (dialect === 'postgres') {
      await c.query('select pg_advisory_xact_lock(hashtext($1))', [`staff-calendar:${booking.staff_id}`]);
    }
    // The app's conflict query (findBusyTimes, as loadChangeContext asks it): the staff member's busy times
    // from a day before to two days after the new start, the booking itself left out, decided in JS.
    const busy = (await c.query(
      `select 'booking' as "kind", "id", staff_id as "staff_id", "starts_at", "ends_at", "occupied_from" as "start",
       "occupied_until" as "end" from "bookings" where "staff_id" in (${p(1)}) and "status" = ${p(2)}
       and "occupied_from" < ${p(3)} and "occupied_until" > ${p(4)} and "id" != ${p(5)}
       union all select 'blocked_event' as "kind", "id", "staff_id", "starts_at", "ends_at", "starts_at" as "start",
       "ends_at" as "end" from "blocked_events" where ("staff_id" in (${p(6)}) or "staff_id" is null)
       and "starts_at" < ${p(7)} and "ends_at" > ${p(8)} order by "start"`,
      [
        booking.staff_id,
        'confirmed',
        planned.startsAt + 2 * DAY,
        planned.startsAt - DAY,
        booking.id,
        booking.staff_id,
        planned.startsAt + 2 * DAY,
        planned.startsAt - DAY,
      ],
    )) as Array<{ start: number; end: number }>;
    if (busy.some((time) => Number(time.start) < until && Number(time.end) > from))
      return await rollback(c, 409);
    const updated = await c.run(
      `update bookings set starts_at = ${p(1)}, ends_at = ${p(2)}, occupied_from = ${p(3)}, occupied_until = ${p(4)},
       status = ${p(5)}, allows_overlap = ${p(6)}, reschedule_count = ${p(7)}, version = ${p(8)}, updated_at = ${p(9)}
       where id = ${p(10)} and version = ${p(11)}`,
      [
        planned.startsAt,
        endsAt,
        from,
        until,
        'confirmed',
        0,
        booking.reschedule_count + 1,
        booking.version + 1,
        at,
        booking.id,
        booking.version,
      ],
    );
    if (updated === 0) return await rollback(c, 409);
    await c.run(
      `insert into booking_history (id, booking_id, booking_version, type, actor, channel, at, from_starts_at,
       to_starts_at, reason) values (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)})`,
      [
        randomUUID(),
        booking.id,
        booking.version + 1,
        'rescheduled',
        'admin',
        'api',
        at,
        booking.starts_at,
        planned.startsAt,
        null,
      ],
    );
    const [customer] = await c.query(`select email from customers where id = ${p(1)}`, [booking.customer_id]);
    const [settingsRow] = await c.query(`select document from business_settings where id = ${p(1)}`, [1]);
    const settings = JSON.parse(String(settingsRow?.document ?? '{}')) as { reminderLeadMinutes?: number };
    const outboxId = randomUUID();
    await c.run(
      `insert into outbox_messages (id, kind, booking_id, recipient, payload, status, attempts, next_attempt_at,
       lease_until, last_error, message_id, subject, html, text, created_at, sent_at)
       values (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)}, ${p(13)}, ${p(14)}, ${p(15)}, ${p(16)})`,
      [
        outboxId,
        'booking_rescheduled',
        booking.id,
        String(customer?.email ?? ''),
        JSON.stringify({
          change: {
            type: 'rescheduled',
            previousStartsAt: booking.starts_at,
            actor: 'admin',
            channel: 'api',
            reason: null,
          },
        }),
        'pending',
        0,
        at,
        null,
        null,
        `<${outboxId}@rebook>`,
        null,
        null,
        null,
        at,
        null,
      ],
    );
    await c.run(
      `update booking_reminders set status = 'dropped', handled_at = ${p(1)} where booking_id = ${p(2)} and status = 'pending'`,
      [at, booking.id],
    );
    if (needsReminder(planned.startsAt, settings.reminderLeadMinutes ?? 1440, at)) {
      await c.run(
        `insert into booking_reminders (booking_id, starts_at, status, created_at, handled_at)
         values (${p(1)}, ${p(2)}, 'pending', ${p(3)}, null) on conflict (booking_id, starts_at) do nothing`,
        [booking.id, planned.startsAt, at],
      );
    }
    await c.run('COMMIT', []);
    return 200;
  } catch (error) {
    await c.run('ROLLBACK', []).catch(() => undefined);
    throw error;
  }
}

async function rollback(c: RawConnection, status: number): Promise<number> {
  await c.run('ROLLBACK', []);
  return status;
}

/** better-sqlite3 statements, prepared once (as one naturally writes a loop on this driver). */
export function sqliteConnection(path: string): { connection: RawConnection; close(): void } {
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 10000');
  database.pragma('foreign_keys = ON');
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const statement = (text: string) => {
    let s = prepared.get(text);
    if (!s) {
      s = database.prepare(text);
      prepared.set(text, s);
    }
    return s;
  };
  return {
    connection: {
      query: async (text, values) => statement(text).all(...values) as Record<string, unknown>[],
      run: async (text, values) => statement(text).run(...values).changes,
    },
    close: () => database.close(),
  };
}

export async function postgresConnection(
  url: string,
): Promise<{ connection: RawConnection; close(): Promise<void> }> {
  const client = new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  return {
    connection: {
      query: async (text, values) => (await client.query(text, values)).rows as Record<string, unknown>[],
      run: async (text, values) => (await client.query(text, values)).rowCount ?? 0,
    },
    close: () => client.end(),
  };
}

async function rawLoop(f: Fixture, setup: RescheduleSetup, seconds: number): Promise<RawLoopResult> {
  const workload = new RescheduleWorkload(setup);
  const statusCounts: Record<string, number> = {};
  let transactions = 0;
  let client = 0;
  const location = f.db.location;
  // As many concurrent loops as the app has connections: one for SQLite, the pool's ten for PostgreSQL.
  const loops = location.kind === 'sqlite' ? 1 : 10;
  const deadline = now() + seconds * 1000;
  const started = now();
  const loop = async (connection: RawConnection) => {
    while (now() < deadline) {
      const planned = workload.next(client++ % CLIENTS);
      let status: number;
      for (let attempt = 1; ; attempt++) {
        try {
          status = await rescheduleTransaction(connection, location.kind, planned, f.data.now);
          break;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (attempt < 3 && (code === '40P01' || code === '40001')) continue;
          if (code === '23P01') {
            status = 409;
            break;
          }
          throw error;
        }
      }
      transactions++;
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      workload.settle(planned, status);
    }
  };
  if (location.kind === 'sqlite') {
    const { connection, close } = sqliteConnection(location.path);
    try {
      await loop(connection);
    } finally {
      close();
    }
  } else {
    const connections = await Promise.all(
      Array.from({ length: loops }, () => postgresConnection(location.url)),
    );
    try {
      await Promise.all(connections.map((c) => loop(c.connection)));
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  }
  const elapsedSeconds = (now() - started) / 1000;
  const summary = workload.summary();
  return {
    loops,
    seconds: elapsedSeconds,
    transactions,
    perSecond: transactions / elapsedSeconds,
    successes: summary.successes,
    statusCounts,
    workload: summary,
  };
}

/** What must hold after R1, whatever the timings: checked in SQL on the database itself. */
async function checkOutcome(
  f: Fixture,
  report: Report,
  facts: {
    historyBefore: { history: number; outbox: number };
    expectedMoves: { answered: number; unanswered: number };
    contested: Array<{ name: string; setup: RescheduleSetup; summary: WorkloadSummary }>;
  },
): Promise<void> {
  const db = f.db.store.db;
  const label = `R1 ${f.db.kind}`;
  const overlaps = await sql<{ n: number }>`
    select count(*) as n from (
      select occupied_from, max(occupied_until) over (
        partition by staff_id order by occupied_from, id rows between unbounded preceding and 1 preceding
      ) as previous_until
      from bookings where status = 'confirmed' and allows_overlap = 0
    ) ordered where previous_until > occupied_from`.execute(db);
  const overlapCount = Number(overlaps.rows[0]?.n ?? -1);
  report.check(
    `${label}: no overlapping confirmed bookings per staff`,
    overlapCount === 0,
    `${overlapCount} overlaps`,
  );

  for (const { name, setup, summary } of facts.contested) {
    const slots = summary.targetedSlots.map((i) => setup.contestedSlots[i] ?? -1);
    const bookingsAt = new Map<number, number>();
    const historyTo = new Map<number, number>();
    for (const batch of chunks(slots, 500)) {
      const booked = await db
        .selectFrom('bookings')
        .select(['starts_at', (eb) => eb.fn.countAll<number>().as('n')])
        .where('staff_id', '=', setup.contestedStaffId)
        .where('status', '=', 'confirmed')
        .where('starts_at', 'in', batch)
        .groupBy('starts_at')
        .execute();
      for (const row of booked) bookingsAt.set(Number(row.starts_at), Number(row.n));
      const moved = await db
        .selectFrom('booking_history')
        .innerJoin('bookings', 'bookings.id', 'booking_history.booking_id')
        .select(['booking_history.to_starts_at', (eb) => eb.fn.countAll<number>().as('n')])
        .where('bookings.staff_id', '=', setup.contestedStaffId)
        .where('booking_history.type', '=', 'rescheduled')
        .where('booking_history.to_starts_at', 'in', batch)
        .groupBy('booking_history.to_starts_at')
        .execute();
      for (const row of moved) historyTo.set(Number(row.to_starts_at), Number(row.n));
    }
    // Safety: never two winners. Liveness: a slot whose attempts got answers has its one winner (a slot whose
    // every attempt was cut off by the end of the run may have none).
    let twoWinners = 0;
    let noWinner = 0;
    summary.targetedSlots.forEach((index, i) => {
      const start = slots[i] ?? -1;
      const booked = bookingsAt.get(start) ?? 0;
      const moves = historyTo.get(start) ?? 0;
      if (booked > 1 || moves > 1 || booked !== moves) twoWinners++;
      else if ((summary.answered[index] ?? 0) > 0 && booked !== 1) noWinner++;
    });
    const clientSeenTwice = Object.values(summary.winners).filter((w) => w.length > 1).length;
    report.check(
      `${label} ${name}: exactly one winner per contested slot`,
      twoWinners === 0 && noWinner === 0 && clientSeenTwice === 0,
      `${slots.length} slots contested (${CONTENDERS_PER_SLOT} attempts each, ${Object.values(summary.contested).reduce((a, b) => a + b, 0)} answered), ${twoWinners} with more than one winner, ${noWinner} answered but without a winner, ${clientSeenTwice} with two 200s`,
    );
  }

  const after = await countRescheduled(f);
  const history = after.history - facts.historyBefore.history;
  const outbox = after.outbox - facts.historyBefore.outbox;
  const perBooking = await sql<{ n: number }>`
    select count(*) as n from (
      select booking_id, count(*) as moves from booking_history where type = 'rescheduled' group by booking_id
    ) h left join (
      select booking_id, count(*) as emails from outbox_messages where kind = 'booking_rescheduled' group by booking_id
    ) o on o.booking_id = h.booking_id
    where o.emails is null or o.emails != h.moves`.execute(db);
  const mismatched = Number(perBooking.rows[0]?.n ?? -1);
  const { answered, unanswered } = facts.expectedMoves;
  report.check(
    `${label}: one outbox row per successful reschedule`,
    history >= answered && history <= answered + unanswered && outbox === history && mismatched === 0,
    `${answered} moves answered 200 (+${unanswered} requests cut off unanswered), ${history} history rows, ${outbox} booking_rescheduled outbox rows, ${mismatched} bookings whose history and outbox counts differ`,
  );
}
