import type { Kysely } from 'kysely';
import type { Service } from '../catalog/services.js';
import { findService, listServices } from '../catalog/services.js';
import { listStaff } from '../catalog/staff.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { fail, ok, type Result } from '../domain-error.js';
import { availableSlots, type Slot } from '../scheduling/availability.js';
import { isServiceOffered } from '../scheduling/booking-rules.js';
import { modeFor, slotRulesFor } from '../scheduling/slot-rules.js';
import { readSettings } from '../settings/settings-repository.js';
import { findBusyIntervalsByStaff } from './booking-repository.js';
import { type SlotAnswer, slotRange } from './find-available-slots.js';
import { offeredService } from './service-offer.js';

export interface StaffSlot extends Slot {
  staffId: string;
}

/** What a customer can book online: active services that somebody performs. */
export async function listOfferedServices(
  db: Kysely<Database>,
): Promise<Array<Pick<Service, 'id' | 'name' | 'durationMinutes'>>> {
  const [services, staff] = await Promise.all([listServices(db), listStaff(db)]);
  return services
    .filter((service) => isServiceOffered(service, staff))
    .map((service) => ({ id: service.id, name: service.name, durationMinutes: service.durationMinutes }));
}

/**
 * Free times for a service with whoever performs it ("Schedule an appointment"): each start once, with the
 * first staff member free then. Busy times for all of them come from one pair of queries.
 */
export async function findServiceAvailability(
  env: { db: Kysely<Database>; clock: Clock },
  query: { serviceId: string; fromDate: string; toDate: string },
): Promise<Result<SlotAnswer & { slots: StaffSlot[] }>> {
  const { db, clock } = env;
  if (query.toDate < query.fromDate) return fail('validation_failed', 'must not be before from', 'to');
  const [settings, service, everyone] = await Promise.all([
    readSettings(db),
    findService(db, query.serviceId),
    listStaff(db),
  ]);
  const offered = offeredService(service, everyone);
  if (!offered.ok) return offered;
  const range = slotRange(settings, query.fromDate, query.toDate);
  if (!range.ok) return range;
  const mode = modeFor(settings, 'customer');
  const staff = offered.value.staff;
  const busy =
    mode === 'real_time'
      ? await findBusyIntervalsByStaff(
          db,
          staff.map((member) => member.id),
          range.value,
        )
      : new Map();
  const now = clock.now();
  const firstFree = new Map<number, StaffSlot>();
  for (const member of staff) {
    const rules = slotRulesFor(
      settings,
      { service: offered.value.service, staff: member },
      'customer',
      now,
      busy.get(member.id) ?? [],
    );
    for (const slot of availableSlots(rules, query.fromDate, query.toDate)) {
      if (!firstFree.has(slot.startsAt)) firstFree.set(slot.startsAt, { ...slot, staffId: member.id });
    }
  }
  const slots = [...firstFree.values()].sort((a, b) => a.startsAt - b.startsAt);
  return ok({ timeZone: settings.timezone, mode, slots });
}
