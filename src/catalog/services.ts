import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { hasBookings } from '../bookings/booking-repository.js';
import type { Database } from '../db/schema.js';
import { fail, notFound, ok, type Result } from '../domain-error.js';
import { givenFields } from '../patch-fields.js';
import {
  deleteServiceRow,
  findService,
  insertService,
  type Service,
  updateServiceRow,
} from './service-repository.js';
import type { newServiceSchema, servicePatchSchema } from './service-schemas.js';

export { existingServiceIds, findService, listServices, type Service } from './service-repository.js';
export { newServiceSchema, servicePatchSchema, serviceSchema } from './service-schemas.js';

export async function getService(db: Kysely<Database>, id: string): Promise<Result<Service>> {
  const service = await findService(db, id);
  return service ? ok(service) : notFound('service');
}

export async function createService(
  db: Kysely<Database>,
  now: number,
  input: z.output<typeof newServiceSchema>,
): Promise<Service> {
  const service = { id: randomUUID(), ...input };
  await insertService(db, service, now);
  return service;
}

export async function updateService(
  db: Kysely<Database>,
  now: number,
  id: string,
  patch: z.output<typeof servicePatchSchema>,
): Promise<Result<Service>> {
  if (!(await updateServiceRow(db, id, givenFields(patch), now))) return notFound('service');
  return getService(db, id);
}

/** A service with bookings stays for their history: deactivate it instead. */
export async function deleteService(db: Kysely<Database>, id: string): Promise<Result<null>> {
  if (await hasBookings(db, { serviceId: id })) {
    return fail('in_use', 'this service has bookings; set active to false to stop offering it instead');
  }
  return (await deleteServiceRow(db, id)) ? ok(null) : notFound('service');
}
