import { type Insertable, sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { type Store, writeTransaction } from '../src/db/dialect.js';
import type { BlockedEventTable, BookingTable, CustomerTable } from '../src/db/schema.js';
import { calendarDateOf, epochDayOf, weekdayOfEpochDay } from '../src/scheduling/calendar-date.js';
import { minutesSinceMidnight, type TimeRange, type WorkingHours } from '../src/scheduling/working-hours.js';
import {
  type BusinessSettings,
  DEFAULT_BUSINESS_SETTINGS,
  mergeSettings,
} from '../src/settings/business-settings.js';
import { writeSettings } from '../src/settings/settings-repository.js';
import { chunks, DAY, MINUTE, Random, type Tier } from './support.js';

/**
 * The business every scenario runs against. "Now" is fixed so that the 90-day booking window crosses the end of
 * summer time in Europe/Berlin (Sunday 25 October 2026, 03:00 CEST → 02:00 CET).
 */
export const BENCH_NOW = Date.parse('2026-10-10T08:00:00Z');
export const TIME_ZONE = 'Europe/Berlin';
export const SERVICE = { durationMinutes: 45, bufferBeforeMinutes: 10, bufferAfterMinutes: 10 };
/** Local dates the whole business is closed (business-wide blocked events, staff_id null). */
const CLOSED_DATES = ['2026-10-03', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'];

const range = (start: string, end: string): TimeRange => ({ start, end });
const LUNCH_BREAK = [range('08:00', '12:00'), range('13:00', '17:00')];

export const BUSINESS_HOURS: WorkingHours = {
  mon: LUNCH_BREAK,
  tue: LUNCH_BREAK,
  wed: LUNCH_BREAK,
  thu: LUNCH_BREAK,
  fri: LUNCH_BREAK,
  sat: [],
  sun: [],
};

/** Five shift patterns, staff member i gets pattern i % 5; pattern 0 uses the business's hours (null). */
const STAFF_HOURS: Array<WorkingHours | null> = [
  null,
  { ...BUSINESS_HOURS, sat: [range('09:00', '13:00')] },
  {
    mon: [range('09:00', '13:00'), range('14:00', '18:00')],
    tue: [range('09:00', '13:00'), range('14:00', '18:00')],
    wed: [range('09:00', '13:00'), range('14:00', '18:00')],
    thu: [range('09:00', '13:00'), range('14:00', '18:00')],
    fri: [range('08:00', '12:00')],
    sat: [],
    sun: [],
  },
  {
    mon: [],
    tue: [range('10:00', '14:00'), range('15:00', '19:00')],
    wed: [range('10:00', '14:00'), range('15:00', '19:00')],
    thu: [range('10:00', '14:00'), range('15:00', '19:00')],
    fri: [range('10:00', '14:00'), range('15:00', '19:00')],
    sat: [range('09:00', '13:00')],
    sun: [],
  },
  {
    mon: [range('07:30', '11:30'), range('12:15', '16:15')],
    tue: [range('07:30', '11:30'), range('12:15', '16:15')],
    wed: [range('07:30', '11:30'), range('12:15', '16:15')],
    thu: [range('07:30', '11:30'), range('12:15', '16:15')],
    fri: [range('07:30', '11:30'), range('12:15', '16:15')],
    sat: [],
    sun: [],
  },
];

export interface StaffMemberData {
  id: string;
  name: string;
  /** As stored: null means the business's hours. */
  workingHours: WorkingHours | null;
}

export interface BookingData {
  id: string;
  staffIndex: number;
  customerIndex: number;
  startsAt: number;
  endsAt: number;
  status: 'confirmed' | 'cancelled' | 'completed';
}

export interface BlockedData {
  id: string;
  staffIndex: number | null;
  startsAt: number;
  endsAt: number;
  reason: string;
}

export interface Dataset {
  tier: Tier;
  now: number;
  settings: BusinessSettings;
  serviceId: string;
  staff: StaffMemberData[];
  customers: Array<{ id: string; email: string }>;
  bookings: BookingData[];
  /** Blocked events; staffIndex null: the whole business is closed. */
  blocked: BlockedData[];
  /** Local dates covered by generated data: today - 60 .. today + 90. */
  firstDate: string;
  lastDate: string;
}

export const BENCH_SETTINGS: BusinessSettings = mergeSettings(DEFAULT_BUSINESS_SETTINGS, {
  businessName: 'Bench Physio Berlin',
  timezone: TIME_ZONE,
  notificationEmail: 'office@bench.example',
  slotIntervalMinutes: 15,
  bookingWindowDays: 90,
  reminderLeadMinutes: 24 * 60,
  workingHours: BUSINESS_HOURS,
  customerPortal: { minimumNoticeMinutes: 120, realTimeAvailability: true },
});

/** Local wall minutes of a date → instant; working hours never touch the 02:00–03:00 DST hour. */
export class LocalClock {
  private readonly offsets = new Map<number, number>();
  instant(epochDay: number, minutes: number): number {
    let offset = this.offsets.get(epochDay);
    if (offset === undefined) {
      offset =
        Temporal.PlainDate.from(calendarDateOf(epochDay)).toZonedDateTime({
          timeZone: TIME_ZONE,
          plainTime: '12:00',
        }).offsetNanoseconds / 1e6;
      this.offsets.set(epochDay, offset);
    }
    return epochDay * DAY + minutes * MINUTE - offset;
  }
  midnight(epochDay: number): number {
    return Temporal.PlainDate.from(calendarDateOf(epochDay)).toZonedDateTime({ timeZone: TIME_ZONE })
      .epochMilliseconds;
  }
}

export function generateDataset(tier: Tier): Dataset {
  const random = new Random(20261010 + tier.staff);
  const today = epochDayOf(
    Temporal.Instant.fromEpochMilliseconds(BENCH_NOW).toZonedDateTimeISO(TIME_ZONE).toPlainDate().toString(),
  );
  const firstDay = today - 60;
  const lastDay = today + 90;
  const closed = new Set(CLOSED_DATES.map(epochDayOf));
  const clock = new LocalClock();

  const staff: StaffMemberData[] = [];
  for (let i = 0; i < tier.staff; i++) {
    staff.push({
      id: random.uuid(),
      name: `Staff ${String(i).padStart(3, '0')}`,
      workingHours: STAFF_HOURS[i % STAFF_HOURS.length] ?? null,
    });
  }
  const customers = Array.from({ length: tier.customers }, (_, i) => ({
    id: random.uuid(),
    email: `customer${i}@bench.example`,
  }));

  const bookings: BookingData[] = [];
  const perStaff = Math.floor(tier.bookings / tier.staff);
  for (let s = 0; s < staff.length; s++) {
    const hours = staff[s]?.workingHours ?? BUSINESS_HOURS;
    const wanted = perStaff + (s < tier.bookings - perStaff * tier.staff ? 1 : 0);
    let starts: number[] = [];
    for (let density = 0.5; starts.length < wanted; density += 0.15) {
      if (density > 1.5) throw new Error(`staff ${s} cannot hold ${wanted} bookings in 150 days`);
      starts = candidateStarts(hours, firstDay, lastDay, closed, clock, random, Math.min(1, density));
    }
    // Drop random ones until exactly `wanted` remain: removing bookings never creates an overlap.
    while (starts.length > wanted) starts.splice(random.int(starts.length), 1);
    for (const startsAt of starts) {
      const r = random.next();
      const status =
        startsAt < BENCH_NOW
          ? r < 0.85
            ? 'completed'
            : r < 0.95
              ? 'cancelled'
              : 'confirmed'
          : r < 0.92
            ? 'confirmed'
            : 'cancelled';
      bookings.push({
        id: random.uuid(),
        staffIndex: s,
        customerIndex: random.int(customers.length),
        startsAt,
        endsAt: startsAt + SERVICE.durationMinutes * MINUTE,
        status,
      });
    }
  }
  const blocked: BlockedData[] = [];
  for (const date of CLOSED_DATES) {
    const day = epochDayOf(date);
    blocked.push({
      id: random.uuid(),
      staffIndex: null,
      startsAt: clock.midnight(day),
      endsAt: clock.midnight(day + 1),
      reason: 'Closed',
    });
  }
  const span = lastDay - firstDay;
  for (let i = blocked.length; i < tier.blockedEvents; i++) {
    const staffIndex = i % staff.length;
    const day = firstDay + random.int(span);
    const kind = random.next();
    let startsAt: number;
    let endsAt: number;
    if (kind < 0.8) {
      // A meeting or an errand: 30 minutes to 3 hours between 07:00 and 18:00.
      const startMinute = 7 * 60 + 15 * random.int(44);
      startsAt = clock.instant(day, startMinute);
      endsAt = startsAt + (30 + 15 * random.int(11)) * MINUTE;
    } else if (kind < 0.92) {
      startsAt = clock.midnight(day);
      endsAt = clock.midnight(day + 1);
    } else {
      // Holidays: 2 to 9 days, some of them across the change of offset.
      startsAt = clock.midnight(day);
      endsAt = clock.midnight(day + 2 + random.int(8));
    }
    blocked.push({
      id: random.uuid(),
      staffIndex,
      startsAt,
      endsAt,
      reason: kind < 0.8 ? 'Meeting' : 'Away',
    });
  }
  return {
    tier,
    now: BENCH_NOW,
    settings: BENCH_SETTINGS,
    serviceId: random.uuid(),
    staff,
    customers,
    bookings,
    blocked,
    firstDate: calendarDateOf(firstDay),
    lastDate: calendarDateOf(lastDay),
  };
}

/**
 * One staff member's booking starts: walking each working range on the 15-minute grid, a booking is placed with
 * probability `density`, and the next one starts at least 75 minutes later (45 minutes plus both 10-minute
 * buffers, plus a gap), so no two bookings' occupied times overlap.
 */
function candidateStarts(
  hours: WorkingHours,
  firstDay: number,
  lastDay: number,
  closed: Set<number>,
  clock: LocalClock,
  random: Random,
  density: number,
): number[] {
  const starts: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (closed.has(day)) continue;
    for (const { start, end } of hours[weekdayOfEpochDay(day)]) {
      const endMinute = minutesSinceMidnight(end);
      let cursor = minutesSinceMidnight(start) + 15 * random.int(2);
      while (cursor + SERVICE.durationMinutes <= endMinute) {
        if (random.next() < density) {
          starts.push(clock.instant(day, cursor));
          cursor += 75 + 15 * random.int(3);
        } else {
          cursor += 15;
        }
      }
    }
  }
  return starts;
}

/** Writes the dataset with multi-row inserts inside one write transaction per table. */
export async function insertDataset(store: Store, data: Dataset): Promise<void> {
  const now = data.now;
  await writeSettings(store.db, data.settings, now);
  await writeTransaction(store, async (tx) => {
    await tx
      .insertInto('services')
      .values({
        id: data.serviceId,
        name: 'Physiotherapy session',
        duration_minutes: SERVICE.durationMinutes,
        buffer_before_minutes: SERVICE.bufferBeforeMinutes,
        buffer_after_minutes: SERVICE.bufferAfterMinutes,
        active: 1,
        created_at: now - 200 * DAY,
        updated_at: now - 200 * DAY,
      })
      .execute();
    for (const batch of chunks(data.staff, 500)) {
      await tx
        .insertInto('staff')
        .values(
          batch.map((member) => ({
            id: member.id,
            name: member.name,
            email: null,
            working_hours: member.workingHours === null ? null : JSON.stringify(member.workingHours),
            created_at: now - 200 * DAY,
            updated_at: now - 200 * DAY,
          })),
        )
        .execute();
      await tx
        .insertInto('staff_services')
        .values(batch.map((member) => ({ staff_id: member.id, service_id: data.serviceId })))
        .execute();
    }
    const customerRows: Insertable<CustomerTable>[] = data.customers.map((customer, i) => ({
      id: customer.id,
      name: `Customer ${i}`,
      email: customer.email,
      phone: null,
      timezone: i % 10 === 0 ? 'Europe/London' : null,
      created_at: now - 300 * DAY,
      updated_at: now - 300 * DAY,
    }));
    for (const batch of chunks(customerRows, 1000)) await tx.insertInto('customers').values(batch).execute();
  });

  const bookingRows: Insertable<BookingTable>[] = data.bookings.map((b) => bookingRow(data, b, now));
  await writeTransaction(store, async (tx) => {
    for (const batch of chunks(bookingRows, 1000)) await tx.insertInto('bookings').values(batch).execute();
  });

  const blocked: Insertable<BlockedEventTable>[] = data.blocked.map((event) => ({
    id: event.id,
    staff_id: event.staffIndex === null ? null : (data.staff[event.staffIndex]?.id ?? null),
    starts_at: event.startsAt,
    ends_at: event.endsAt,
    reason: event.reason,
    created_at: now - 100 * DAY,
  }));
  await writeTransaction(store, async (tx) => {
    for (const batch of chunks(blocked, 1000)) await tx.insertInto('blocked_events').values(batch).execute();
  });
  // PostgreSQL's autovacuum would analyze freshly loaded tables within a minute; do it now so plans are the
  // settled ones. The app never runs ANALYZE on SQLite, so neither does the benchmark.
  if (store.dialect === 'postgres') await sql`ANALYZE`.execute(store.db);
}

export function bookingRow(
  data: Pick<Dataset, 'serviceId' | 'staff' | 'customers'>,
  booking: BookingData,
  now: number,
): Insertable<BookingTable> {
  const staffId = data.staff[booking.staffIndex]?.id;
  const customerId = data.customers[booking.customerIndex]?.id;
  if (!staffId || !customerId) throw new Error('booking without staff or customer');
  return {
    id: booking.id,
    customer_id: customerId,
    service_id: data.serviceId,
    staff_id: staffId,
    starts_at: booking.startsAt,
    ends_at: booking.endsAt,
    occupied_from: booking.startsAt - SERVICE.bufferBeforeMinutes * MINUTE,
    occupied_until: booking.endsAt + SERVICE.bufferAfterMinutes * MINUTE,
    status: booking.status,
    allows_overlap: 0,
    notes: null,
    reschedule_count: 0,
    version: 1,
    created_at: now - 90 * DAY,
    updated_at: now - 90 * DAY,
  };
}
