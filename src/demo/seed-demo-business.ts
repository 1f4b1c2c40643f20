import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { countAdmins } from '../auth/admin-repository.js';
import { createAdmin } from '../auth/admin-sign-in.js';
import type { Booking } from '../bookings/booking.js';
import { mintBookingLink } from '../bookings/booking-link-repository.js';
import { insertBooking, insertHistory } from '../bookings/booking-repository.js';
import { createBlockedEvent } from '../catalog/blocked-events.js';
import { createCustomer } from '../catalog/customers.js';
import { createService, type Service } from '../catalog/services.js';
import { createStaffMember, type StaffMember } from '../catalog/staff.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { valueOrThrow } from '../domain-error.js';
import { availableSlots } from '../scheduling/availability.js';
import { type Interval, occupiedInterval, overlaps } from '../scheduling/interval.js';
import type { WorkingHours } from '../scheduling/working-hours.js';
import { type BusinessSettings, DEFAULT_BUSINESS_SETTINGS } from '../settings/business-settings.js';
import { writeSettings } from '../settings/settings-repository.js';

export const DEMO_ADMIN = { email: 'admin@rebook.local', password: 'rebook-demo' };

const TIME_ZONE = 'America/New_York';
const office = (ranges: Array<[string, string]>) => ranges.map(([start, end]) => ({ start, end }));
const DEMO_SETTINGS: BusinessSettings = {
  ...DEFAULT_BUSINESS_SETTINGS,
  businessName: 'Bright Side Cleaning',
  timezone: TIME_ZONE,
  notificationEmail: 'office@brightside.example',
  workingHours: {
    mon: office([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    tue: office([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    wed: office([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    thu: office([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    fri: office([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    sat: office([['09:00', '13:00']]),
    sun: [],
  },
  customerPortal: {
    ...DEFAULT_BUSINESS_SETTINGS.customerPortal,
    changeBlockedMessage: 'Please call us on (555) 010-4477 and we will sort it out.',
  },
  locale: 'en-US',
  contactPhone: '(555) 010-4477',
};

// Most customers read the business's language; Alice reads Spanish, Chloé French.
const CUSTOMERS = [
  ['Alice Moreno', 'alice@example.com', '+1 555 0101', 'es'],
  ['Ben Okafor', 'ben@example.com', '+1 555 0102', null],
  ['Chloé Dubois', 'chloe@example.com', null, 'fr'],
  ['Dev Patel', 'dev@example.com', '+1 555 0104', null],
  ['Emma Johansson', 'emma@example.com', '+1 555 0105', null],
  ['Farid Haddad', 'farid@example.com', null, null],
  ['Grace Liu', 'grace@example.com', '+1 555 0107', null],
  ['Hugo Silva', 'hugo@example.com', '+1 555 0108', null],
] as const;

/** Deterministic, so every demo looks alike: a small linear congruential generator. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Fills an empty database with a believable small business; does nothing if any service exists. */
export async function seedDemoBusiness(
  db: Kysely<Database>,
  clock: Clock,
  options: { withAdmin: boolean },
): Promise<boolean> {
  const existing = await db.selectFrom('services').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const now = clock.now();
  if (options.withAdmin && (await countAdmins(db)) === 0) {
    await createAdmin(db, clock, DEMO_ADMIN.email, DEMO_ADMIN.password, 'Office Manager');
  }
  await writeSettings(db, DEMO_SETTINGS, now);

  const standard = await createService(db, now, {
    name: 'Standard clean',
    durationMinutes: 90,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 30,
    active: true,
  });
  const deep = await createService(db, now, {
    name: 'Deep clean',
    durationMinutes: 180,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 30,
    active: true,
  });
  const oven = await createService(db, now, {
    name: 'Oven clean',
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    active: true,
  });
  const quote = await createService(db, now, {
    name: 'Home visit quote',
    durationMinutes: 30,
    bufferBeforeMinutes: 15,
    bufferAfterMinutes: 0,
    active: true,
  });

  const tomHours: WorkingHours = {
    mon: [],
    tue: office([['07:00', '14:00']]),
    wed: office([['07:00', '14:00']]),
    thu: office([['07:00', '14:00']]),
    fri: office([['07:00', '14:00']]),
    sat: office([['07:00', '14:00']]),
    sun: [],
  };
  const priyaHours: WorkingHours = {
    mon: office([['10:00', '18:00']]),
    tue: [],
    wed: office([['10:00', '18:00']]),
    thu: office([['12:00', '20:00']]),
    fri: office([['10:00', '18:00']]),
    sat: [],
    sun: [],
  };
  const staff = [
    valueOrThrow(
      await createStaffMember(db, now, {
        name: 'Maya Lopez',
        email: 'maya@brightside.example',
        serviceIds: [standard.id, deep.id, oven.id, quote.id],
        workingHours: null,
      }),
    ),
    valueOrThrow(
      await createStaffMember(db, now, {
        name: 'Tom Becker',
        email: 'tom@brightside.example',
        serviceIds: [standard.id, oven.id],
        workingHours: tomHours,
      }),
    ),
    valueOrThrow(
      await createStaffMember(db, now, {
        name: 'Priya Shah',
        email: 'priya@brightside.example',
        serviceIds: [standard.id, deep.id, quote.id],
        workingHours: priyaHours,
      }),
    ),
  ];
  const customerIds: string[] = [];
  for (const [name, email, phone, language] of CUSTOMERS) {
    customerIds.push(
      valueOrThrow(await createCustomer(db, now, { name, email, phone, timezone: null, language })).id,
    );
  }

  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(TIME_ZONE).toPlainDate();
  const at = (days: number, time: string) =>
    today.add({ days }).toZonedDateTime({ timeZone: TIME_ZONE, plainTime: Temporal.PlainTime.from(time) })
      .epochMilliseconds;
  const tom = staff[1] as StaffMember;
  const blocked = [
    { staffId: tom.id, startsAt: at(10, '00:00'), endsAt: at(13, '00:00'), reason: 'Annual leave' },
    { staffId: null, startsAt: at(5, '09:00'), endsAt: at(5, '11:00'), reason: 'Team training' },
  ];
  for (const event of blocked) valueOrThrow(await createBlockedEvent(db, now, event));

  const services = [standard, deep, oven, quote];
  const random = seededRandom(20261125);
  const customerBusy = new Map<string, Interval[]>();
  for (const member of staff) {
    const busy: Interval[] = blocked
      .filter((b) => b.staffId === null || b.staffId === member.id)
      .map((b) => ({ start: b.startsAt, end: b.endsAt }));
    for (let day = -30; day <= 30; day++) {
      const date = today.add({ days: day }).toString();
      const wanted = Math.floor(random() * 3);
      for (let n = 0; n < wanted; n++) {
        const service = services.filter((s) => member.serviceIds.includes(s.id))[
          Math.floor(random() * member.serviceIds.length)
        ] as Service;
        const slots = availableSlots(
          {
            timeZone: TIME_ZONE,
            workingHours: member.workingHours ?? DEMO_SETTINGS.workingHours,
            durationMinutes: service.durationMinutes,
            bufferBeforeMinutes: service.bufferBeforeMinutes,
            bufferAfterMinutes: service.bufferAfterMinutes,
            slotIntervalMinutes: 30,
            bookingWindowDays: 400,
            minimumNoticeMinutes: 0,
            now: at(-31, '00:00'),
            mode: 'real_time',
            busy,
          },
          date,
          date,
        );
        const slot = slots[Math.floor(random() * slots.length)];
        if (!slot) continue;
        const occupied = occupiedInterval(
          slot.startsAt,
          slot.endsAt,
          service.bufferBeforeMinutes,
          service.bufferAfterMinutes,
        );
        // A customer is at one appointment at a time: the first free one from a random start.
        const first = Math.floor(random() * customerIds.length);
        const customerId = customerIds
          .map((_, i) => customerIds[(first + i) % customerIds.length] as string)
          .find((id) => !(customerBusy.get(id) ?? []).some((b) => overlaps(b, occupied)));
        if (customerId === undefined) continue;
        busy.push(occupied);
        customerBusy.set(customerId, [...(customerBusy.get(customerId) ?? []), occupied]);
        await addDemoBooking(db, {
          customerId,
          serviceId: service.id,
          staffId: member.id,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          occupied,
          now,
          cancelled: random() < 0.1,
        });
      }
    }
  }
  return true;
}

async function addDemoBooking(
  db: Kysely<Database>,
  input: {
    customerId: string;
    serviceId: string;
    staffId: string;
    startsAt: number;
    endsAt: number;
    occupied: Interval;
    now: number;
    cancelled: boolean;
  },
): Promise<void> {
  const inPast = input.endsAt < input.now;
  // Booked a week ahead, or a day ago for what is sooner: every history entry lies in the demo's past
  // (a cancellation an hour after booking included).
  const createdAt = Math.min(input.now - 86_400_000, input.startsAt - 7 * 86_400_000);
  const status = input.cancelled ? 'cancelled' : inPast ? 'completed' : 'confirmed';
  const booking: Booking = {
    id: randomUUID(),
    customerId: input.customerId,
    serviceId: input.serviceId,
    staffId: input.staffId,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    status,
    notes: null,
    rescheduleCount: 0,
    version: status === 'confirmed' ? 1 : 2,
    allowsOverlap: false,
    createdAt,
    updatedAt: createdAt,
  };
  await insertBooking(db, booking, input.occupied);
  const origin = { actor: 'admin', channel: 'admin' } as const;
  await insertHistory(
    db,
    { id: booking.id, version: 1 },
    {
      type: 'created',
      ...origin,
      at: createdAt,
      fromStartsAt: null,
      toStartsAt: booking.startsAt,
      reason: null,
    },
  );
  if (status !== 'confirmed') {
    const at = status === 'cancelled' ? createdAt + 3_600_000 : booking.endsAt;
    await insertHistory(db, booking, {
      type: status,
      ...(status === 'cancelled'
        ? { actor: 'customer', channel: 'portal' }
        : { actor: 'system', channel: 'system' }),
      at,
      fromStartsAt: booking.startsAt,
      toStartsAt: null,
      reason: status === 'cancelled' ? 'Away that week' : null,
    });
  }
}

/** A booking link for the demo's next upcoming booking, so a visitor can try the customer's side at once. */
export async function demoCustomerLink(
  db: Kysely<Database>,
  publicUrl: string,
  now: number,
): Promise<string | undefined> {
  const next = await db
    .selectFrom('bookings')
    .select('id')
    .where('status', '=', 'confirmed')
    .where('starts_at', '>', now + 2 * 86_400_000)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
  return next && (await mintBookingLink(db, publicUrl, next.id, now)).url;
}
