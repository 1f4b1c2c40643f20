import { listStaff } from '../catalog/staff-repository.js';
import { writeTransaction } from '../db/dialect.js';
import type { Result } from '../domain-error.js';
import { toIso } from '../field-schemas.js';
import { isAnswerable, type SuggestedTime } from '../scheduling/reschedule-requests.js';
import { readSettings } from '../settings/settings-repository.js';
import { type ChangeOutcome, type CustomerIdentity, customerRequester } from './booking-change.js';
import { lockBookingWithParties } from './booking-repository.js';
import type { ChangeEnv, IdempotentRequest } from './booking-write.js';
import { runBookingChange } from './change-pipeline.js';
import { findPendingRequest, updateSuggestedTimes } from './reschedule-request-repository.js';
import { findSuggestions } from './suggest-times.js';

export interface CustomerRescheduleRequest {
  bookingId: string;
  startsAt: number;
  reason: string | null;
  expectedVersion: number | undefined;
  /** Another staff member (where the business, or the office's request, lets the customer choose). */
  staffId?: string | null;
}

/**
 * A customer moves their own booking. Every rule is checked at the write, against the data as it is then:
 * the reschedule flag, the booking's status, the minimum notice (for the current and the new time), working
 * hours, the booking window, real-time availability and the per-booking limit. Answering the office's
 * reschedule request with a time someone else took meanwhile refreshes the request's suggestions and says
 * them in the refusal (`suggestedTimes`).
 */
export async function customerRescheduleBooking(
  env: ChangeEnv,
  identity: CustomerIdentity,
  request: CustomerRescheduleRequest,
  idempotency?: IdempotentRequest,
): Promise<Result<ChangeOutcome>> {
  const result = await runBookingChange(
    env,
    { kind: 'reschedule', ...request, allowConflict: false },
    customerRequester(identity),
    idempotency,
  );
  if (result.ok || result.error.code !== 'slot_unavailable') return result;
  const fresh = await refreshSuggestions(env, request.bookingId, identity.customerId);
  if (fresh === null) return result;
  return {
    ok: false,
    error: {
      ...result.error,
      extensions: {
        suggestedTimes: fresh.map((time) => ({
          startsAt: toIso(time.startsAt),
          endsAt: toIso(time.endsAt),
          staffId: time.staffId,
        })),
      },
    },
  };
}

/** New suggestions for the booking's pending request (null: it has none the customer may still answer). */
async function refreshSuggestions(
  env: ChangeEnv,
  bookingId: string,
  customerId: string,
): Promise<SuggestedTime[] | null> {
  return writeTransaction(env.store, async (tx) => {
    const locked = await lockBookingWithParties(tx, env.store.dialect, bookingId);
    if (!locked || locked.booking.customerId !== customerId || !locked.service) return null;
    const now = env.clock.now();
    const pending = await findPendingRequest(tx, bookingId);
    if (!pending || !isAnswerable(pending, now)) return null;
    const [settings, allStaff] = await Promise.all([readSettings(tx), listStaff(tx)]);
    const staff = allStaff.filter((member) => pending.staffIds.includes(member.id));
    const fresh = await findSuggestions(tx, {
      settings,
      booking: locked.booking,
      service: locked.service,
      staff,
      excluded: pending.excluded,
      now,
    });
    await updateSuggestedTimes(tx, pending.id, fresh);
    return fresh;
  });
}
