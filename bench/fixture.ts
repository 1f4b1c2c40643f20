import { buildApp } from '../src/app.js';
import { createAdmin } from '../src/auth/admin-sign-in.js';
import { mintBookingLink } from '../src/bookings/booking-link-repository.js';
import { endOfLocalDay, startOfLocalDay } from '../src/business-calendar.js';
import type { Clock } from '../src/clock.js';
import type { Store } from '../src/db/dialect.js';
import type { App } from '../src/http/app-context.js';
import { createAppMetrics } from '../src/observability/app-metrics.js';
import { bareApp } from './bare-app.js';
import type { BenchDatabase } from './databases.js';
import type { BookingData, Dataset } from './dataset.js';
import { type Listening, listen, send } from './http.js';
import { DAY } from './support.js';

export const PUBLIC_URL = 'http://127.0.0.1';
export const ADMIN = { email: 'bench@bench.example', password: 'bench password, long enough' };
/** What the portal's slot picker asks for: a calendar month (this one contains the DST change). */
export const SLOT_MONTH = { from: '2026-10-01', to: '2026-10-31' };

export interface PortalBooking {
  booking: BookingData;
  staffId: string;
  /** "name=value" of the booking-link cookie. */
  cookie: string;
}

/** The app under test, listening, with an admin token and a customer who came in through a booking link. */
export interface Fixture {
  db: BenchDatabase;
  data: Dataset;
  clock: Clock;
  app: App;
  server: Listening;
  /** A bare Fastify instance in the same process: the baselines' routes. */
  bare: Listening;
  token: string;
  portal: PortalBooking;
  /** The bare route's query for the same busy times the slots request needs. */
  barePath: string;
  slotsPath: string;
  close(): Promise<void>;
}

export function fixedClock(data: Dataset): Clock {
  return { now: () => data.now };
}

export async function createFixture(db: BenchDatabase, data: Dataset): Promise<Fixture> {
  const clock = fixedClock(data);
  const app = await buildApp({
    store: db.store,
    clock,
    publicUrl: PUBLIC_URL,
    metrics: createAppMetrics(db.store, clock),
  });
  const server = await listen(app, [/\/reschedule$/]);
  const bare = await listen(bareApp(db.store));
  await createAdmin(db.store.db, clock, ADMIN.email, ADMIN.password);
  const signIn = await send(`${server.baseUrl}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (signIn.status !== 201) throw new Error(`sign-in failed: ${signIn.status} ${signIn.body}`);
  const token = (JSON.parse(signIn.body) as { token: string }).token;
  const portal = await openBookingLink(db.store, server, data);
  const zone = data.settings.timezone;
  const start = startOfLocalDay(SLOT_MONTH.from, zone) - DAY;
  const end = endOfLocalDay(SLOT_MONTH.to, zone) + DAY;
  return {
    db,
    data,
    clock,
    app,
    server,
    bare,
    token,
    portal,
    slotsPath: `/api/v1/portal/bookings/${portal.booking.id}/slots?from=${SLOT_MONTH.from}&to=${SLOT_MONTH.to}`,
    barePath: `/busy?staffId=${portal.staffId}&start=${start}&end=${end}&except=${portal.booking.id}`,
    async close() {
      await server.close();
      await bare.close();
    },
  };
}

/** A customer's confirmed booking a few days ahead; open its emailed link and keep the cookie it sets. */
async function openBookingLink(store: Store, server: Listening, data: Dataset): Promise<PortalBooking> {
  const booking = data.bookings.find(
    (b) =>
      b.staffIndex === 1 % data.staff.length && b.status === 'confirmed' && b.startsAt > data.now + 5 * DAY,
  );
  if (!booking) throw new Error('no confirmed future booking to open');
  const link = await mintBookingLink(store.db, PUBLIC_URL, booking.id, data.now);
  const opened = await send(`${server.baseUrl}${new URL(link.url).pathname}${new URL(link.url).search}`);
  const setCookie = opened.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .find((c) => c.startsWith('rebook_booking_'))
    ?.split(';')[0];
  if (opened.status !== 303 || !cookie) throw new Error(`opening the booking link gave ${opened.status}`);
  return { booking, staffId: data.staff[booking.staffIndex]?.id ?? '', cookie };
}
