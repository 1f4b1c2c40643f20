import type { Kysely } from 'kysely';
import { endOfLocalDay, startOfLocalDay } from '../business-calendar.js';
import type { Service } from '../catalog/services.js';
import { findService, listServices } from '../catalog/services.js';
import type { StaffMember } from '../catalog/staff.js';
import { listStaff } from '../catalog/staff.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { fail, ok, type Result } from '../domain-error.js';
import { availableSlots, type Slot } from '../scheduling/availability.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';
import { findBusyIntervalsByStaff } from './booking-repository.js';
import { MAX_SLOT_RANGE_DAYS, modeFor, type SlotAnswer, slotRulesFor } from './find-available-slots.js';

const DAY = 86_400_000;

export interface StaffSlot extends Slot {
  staffId: string;
}

/** What a customer can book online: active services that somebody performs. */
export async function listOfferedServices(
  db: Kysely<Database>,
): Promise<Array<Pick<Service, 'id' | 'name' | 'durationMinutes'>>> {
  const [services, staff] = await Promise.all([listServices(db), listStaff(db)]);
  const performed = new Set(staff.flatMap((member) => member.serviceIds));
  return services
    .filter((service) => service.active && performed.has(service.id))
    .map((service) => ({ id: service.id, name: service.name, durationMinutes: service.durationMinutes }));
}

/** An active service and the staff who perform it. */
export async function loadOfferedService(
  db: Kysely<Database>,
  serviceId: string,
): Promise<Result<{ service: Service; staff: StaffMember[] }>> {
  const service = await findService(db, serviceId);
  if (!service?.active) return fail('validation_failed', 'we do not offer this service online', 'serviceId');
  const staff = (await listStaff(db)).filter((member) => member.serviceIds.includes(service.id));
  if (staff.length === 0)
    return fail('service_unavailable', `${service.name} cannot be booked at the moment`, 'serviceId');
  return ok({ service, staff });
}

/**
 * Free times for a service with whoever performs it ("Schedule an appointment"): each start once, with the
 * first staff member free then. Busy times for all of them come from one pair of queries.
 */
export async function findServiceAvailability(
  context: { db: Kysely<Database>; clock: Clock },
  query: { serviceId: string; fromDate: string; toDate: string },
): Promise<Result<SlotAnswer & { slots: StaffSlot[] }>> {
  const { db, clock } = context;
  if (query.toDate < query.fromDate) return fail('validation_failed', 'must not be before from', 'to');
  const [settings, offered] = await Promise.all([readSettings(db), loadOfferedService(db, query.serviceId)]);
  if (!offered.ok) return offered;
  const range = rangeOf(settings, query.fromDate, query.toDate);
  if (!range.ok) return range;
  const mode = modeFor(settings, 'customer');
  const busy =
    mode === 'real_time'
      ? await findBusyIntervalsByStaff(
          db,
          offered.value.staff.map((member) => member.id),
          { start: range.value.start - DAY, end: range.value.end + DAY },
        )
      : new Map();
  const now = clock.now();
  const firstFree = new Map<number, StaffSlot>();
  for (const staff of offered.value.staff) {
    const rules = slotRulesFor(
      settings,
      { service: offered.value.service, staff },
      'customer',
      now,
      mode,
      busy.get(staff.id) ?? [],
    );
    for (const slot of availableSlots(rules, query.fromDate, query.toDate)) {
      if (!firstFree.has(slot.startsAt)) firstFree.set(slot.startsAt, { ...slot, staffId: staff.id });
    }
  }
  const slots = [...firstFree.values()].sort((a, b) => a.startsAt - b.startsAt);
  return ok({ timeZone: settings.timezone, mode, slots });
}

function rangeOf(
  settings: BusinessSettings,
  fromDate: string,
  toDate: string,
): Result<{ start: number; end: number }> {
  const start = startOfLocalDay(fromDate, settings.timezone);
  const end = endOfLocalDay(toDate, settings.timezone);
  if (end - start > (MAX_SLOT_RANGE_DAYS + 1) * DAY) {
    return fail('validation_failed', `a range can span at most ${MAX_SLOT_RANGE_DAYS} days`, 'to');
  }
  return ok({ start, end });
}
