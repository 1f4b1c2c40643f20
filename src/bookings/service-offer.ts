import type { Service } from '../catalog/services.js';
import type { StaffMember } from '../catalog/staff.js';
import { fail, ok, type Result } from '../domain-error.js';
import { isServiceOffered, performs } from '../scheduling/booking-rules.js';
import { serviceUnavailableMessage } from './refusal-messages.js';

/**
 * The answers to "can this service be booked?", with one code each: an unknown id is a bad field
 * (`validation_failed`), a known service nobody can book now is `service_unavailable`.
 */
export function offeredService(
  service: Service | undefined,
  performers: readonly StaffMember[],
): Result<{ service: Service; staff: StaffMember[] }> {
  if (!service) return fail('validation_failed', 'no service has this id', 'serviceId');
  const staff = performers.filter((member) => performs(member, service.id));
  if (!isServiceOffered(service, staff)) {
    return fail('service_unavailable', serviceUnavailableMessage(service), 'serviceId');
  }
  return ok({ service, staff });
}

/** A service that is offered, and a staff member who performs it. */
export function bookableWith(
  service: Service | undefined,
  staff: StaffMember | undefined,
): Result<{ service: Service; staff: StaffMember }> {
  if (!service) return fail('validation_failed', 'no service has this id', 'serviceId');
  if (!staff) return fail('validation_failed', 'no staff member has this id', 'staffId');
  if (!performs(staff, service.id)) {
    return fail('validation_failed', `${staff.name} does not perform ${service.name}`, 'staffId');
  }
  const offered = offeredService(service, [staff]);
  return offered.ok ? ok({ service, staff }) : offered;
}
