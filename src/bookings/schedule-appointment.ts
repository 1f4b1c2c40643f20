import type { Result } from '../domain-error.js';
import { type ChangeOutcome, type CustomerIdentity, customerRequester } from './booking-change.js';
import type { ChangeEnv, IdempotentRequest } from './booking-write.js';
import { runBookingChange } from './change-pipeline.js';

/**
 * A customer books a new appointment ("Schedule an appointment"): the first staff member who performs the
 * service and is free at that time gets it, under the same rules as a reschedule.
 */
export function scheduleAppointment(
  env: ChangeEnv,
  identity: CustomerIdentity,
  request: { serviceId: string; startsAt: number; notes: string | null },
  idempotency?: IdempotentRequest,
): Promise<Result<ChangeOutcome>> {
  return runBookingChange(
    env,
    { kind: 'create', ...request, customerId: identity.customerId, staffId: null, allowConflict: false },
    // A new booking is made in the portal, whichever door the customer came in by.
    customerRequester({ ...identity, channel: 'portal' }),
    idempotency,
  );
}
