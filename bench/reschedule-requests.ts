import { performance } from 'node:perf_hooks';
import { Temporal } from 'temporal-polyfill';
import { buildApp } from '../src/app.js';
import { createAdmin } from '../src/auth/admin-sign-in.js';
import type { Clock } from '../src/clock.js';
import type { App } from '../src/http/app-context.js';
import { createAppMetrics } from '../src/observability/app-metrics.js';
import { createBenchDatabase, type DatabaseKind, destroyAllDatabases } from './databases.js';
import { log } from './support.js';

/**
 * `npm run bench:requests`: the office's bulk "Ask customers to reschedule" for a staff member with 200
 * confirmed bookings in the range: the time from the office's request to the last of the 200 emails queued
 * (they are queued in the request's own transaction, so that is the time to the answer). On SQLite, and on
 * PostgreSQL with BENCH_POSTGRES_URL or a postgres DATABASE_URL. Three staff members (three runs) per
 * database and setting; with allowStaffChange each request also weighs four other staff members.
 */
const BOOKINGS = 200;
const RUNS = 3;
const NOW = Date.parse('2027-01-04T06:00:00Z'); // a Monday, 01:00 in New York
const ZONE = 'America/New_York';
const ADMIN = { email: 'bench@bench.example', password: 'bench password, long enough' };
const clock: Clock = { now: () => NOW };
const nineToFive = [{ start: '09:00', end: '17:00' }];

const postgresUrl =
  process.env.BENCH_POSTGRES_URL ??
  (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined);

interface Figures {
  database: DatabaseKind;
  staffChange: boolean;
  runsMs: number[];
  emailsQueued: number;
}

async function call(app: App, token: string, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  const response = await app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Eight a day from 09:00 on working days from 2027-01-11: 200 take 25 working days (five weeks). */
function bookingTimes(): string[] {
  const times: string[] = [];
  let day = Temporal.PlainDate.from('2027-01-11');
  while (times.length < BOOKINGS) {
    if (day.dayOfWeek <= 5) {
      for (let hour = 9; hour < 17 && times.length < BOOKINGS; hour++) {
        times.push(
          day
            .toZonedDateTime({ timeZone: ZONE, plainTime: Temporal.PlainTime.from({ hour }) })
            .toInstant()
            .toString(),
        );
      }
    }
    day = day.add({ days: 1 });
  }
  return times;
}

async function measure(kind: DatabaseKind, staffChange: boolean): Promise<Figures> {
  const db = await createBenchDatabase(kind, 'requests', postgresUrl);
  try {
    const app = await buildApp({
      store: db.store,
      clock,
      publicUrl: 'http://127.0.0.1',
      metrics: createAppMetrics(db.store, clock),
    });
    await createAdmin(db.store.db, clock, ADMIN.email, ADMIN.password);
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: ADMIN });
    const token = (signIn.json() as { token: string }).token;
    await call(app, token, 'PATCH', '/settings', {
      businessName: 'Bench Cleaning',
      timezone: ZONE,
      notificationEmail: 'office@bench.example',
      slotIntervalMinutes: 30,
      bookingWindowDays: 120,
      workingHours: {
        mon: nineToFive,
        tue: nineToFive,
        wed: nineToFive,
        thu: nineToFive,
        fri: nineToFive,
        sat: [],
        sun: [],
      },
      customerPortal: { minimumNoticeMinutes: 24 * 60, allowStaffChange: staffChange },
    });
    const service = await call(app, token, 'POST', '/services', { name: 'Clean', durationMinutes: 60 });
    const staff: string[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      staff.push(
        (await call(app, token, 'POST', '/staff', { name: `Staff ${i}`, serviceIds: [service.id] })).id,
      );
    }
    const times = bookingTimes();
    // Every staff member fully booked on the same grid: the suggestions must look beyond the range's edges.
    for (const [index, staffId] of staff.entries()) {
      for (const [slot, startsAt] of times.entries()) {
        const customer = await call(app, token, 'POST', '/customers', {
          name: `Customer ${index}-${slot}`,
          email: `c${index}-${slot}@bench.example`,
        });
        await call(app, token, 'POST', '/bookings', {
          customerId: customer.id,
          serviceId: service.id,
          staffId,
          startsAt,
        });
      }
    }
    const from = times[0] as string;
    const to = new Date(Date.parse(times.at(-1) as string) + 3_600_000).toISOString();
    const runsMs: number[] = [];
    let emailsQueued = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const answer = await call(app, token, 'POST', '/reschedule-requests', {
        staffId: staff[run],
        from,
        to,
        message: 'Our van broke down: please pick another time.',
      });
      runsMs.push(performance.now() - started);
      if (answer.requests.length !== BOOKINGS)
        throw new Error(`expected ${BOOKINGS} requests, got ${answer.requests.length}`);
      for (const request of answer.requests as Array<{ suggestedTimes: unknown[] }>) {
        if (request.suggestedTimes.length !== 3) throw new Error('a request without three suggestions');
      }
    }
    const queued = await db.store.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('kind', '=', 'reschedule_request')
      .executeTakeFirstOrThrow();
    emailsQueued = Number(queued.count);
    await app.close();
    return { database: kind, staffChange, runsMs, emailsQueued };
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const kinds: DatabaseKind[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  const results: Figures[] = [];
  for (const kind of kinds) {
    for (const staffChange of [false, true]) {
      log(`measuring ${kind}, allowStaffChange ${staffChange}`);
      results.push(await measure(kind, staffChange));
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  console.log(`\nBulk reschedule request, ${BOOKINGS} bookings: office's request → last email queued`);
  console.log(
    'database  | staff weighed    | runs (ms)              | median (ms) | per booking (ms) | emails queued',
  );
  for (const r of results) {
    console.log(
      [
        r.database.padEnd(9),
        (r.staffChange ? '5 (staff change)' : '1 (own)').padEnd(16),
        r.runsMs
          .map((ms) => ms.toFixed(0))
          .join(', ')
          .padEnd(22),
        median(r.runsMs).toFixed(0).padStart(11),
        (median(r.runsMs) / BOOKINGS).toFixed(2).padStart(16),
        String(r.emailsQueued).padStart(13),
      ].join(' | '),
    );
  }
}

main()
  .catch(async (error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => destroyAllDatabases());
