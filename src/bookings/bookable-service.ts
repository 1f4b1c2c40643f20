import type { Kysely } from 'kysely';
import { findService, type Service } from '../catalog/services.js';
import { findStaffMember, type StaffMember } from '../catalog/staff.js';
import type { Database } from '../db/schema.js';
import { fail, ok, type Result } from '../domain-error.js';

/** A service that is offered, and a staff member who performs it. */
export async function loadBookableService(
  db: Kysely<Database>,
  serviceId: string,
  staffId: string,
): Promise<Result<{ service: Service; staff: StaffMember }>> {
  const [service, staff] = await Promise.all([findService(db, serviceId), findStaffMember(db, staffId)]);
  if (!service) return fail('validation_failed', 'no service has this id', 'serviceId');
  if (!service.active)
    return fail('service_unavailable', `${service.name} is not offered at the moment`, 'serviceId');
  if (!staff) return fail('validation_failed', 'no staff member has this id', 'staffId');
  if (!staff.serviceIds.includes(service.id)) {
    return fail('validation_failed', `${staff.name} does not perform ${service.name}`, 'staffId');
  }
  return ok({ service, staff });
}
