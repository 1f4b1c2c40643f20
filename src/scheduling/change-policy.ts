import { type BookingStatus, isActive, isOpen } from './booking-rules.js';
import { MS_PER_MINUTE } from './calendar-date.js';

/**
 * May a customer still change this booking themselves? The business decides through its Customer Portal
 * flags and minimum notice time; a booking that is over, started or cancelled can no longer be changed.
 */
export interface CustomerChangeRules {
  allowReschedule: boolean;
  allowCancel: boolean;
  minimumNoticeMinutes: number;
  /** null: no limit. */
  maxReschedulesPerBooking: number | null;
}

export interface ChangeableBooking {
  status: BookingStatus;
  startsAt: number;
  /** Reschedules the customer made themselves; the office's own moves do not count against the limit. */
  customerReschedules: number;
  /**
   * The office has asked the customer to move it (a pending reschedule request): the customer may move it once
   * even with rescheduling off, inside the minimum notice or past the limit. Availability still holds.
   */
  officeAsked?: boolean;
}

export type ChangeRefusal =
  | 'reschedule_disabled'
  | 'cancel_disabled'
  | 'booking_not_active'
  | 'minimum_notice'
  | 'reschedule_limit_reached';

export type ChangeDecision = { allowed: true } | { allowed: false; code: ChangeRefusal };

const ALLOWED: ChangeDecision = { allowed: true };
const refuse = (code: ChangeRefusal): ChangeDecision => ({ allowed: false, code });

function activeAndOutsideNotice(
  booking: ChangeableBooking,
  rules: CustomerChangeRules,
  now: number,
): ChangeDecision {
  if (!isActive(booking, now)) return refuse('booking_not_active');
  if (booking.startsAt - now < rules.minimumNoticeMinutes * MS_PER_MINUTE) return refuse('minimum_notice');
  return ALLOWED;
}

export function customerMayReschedule(
  booking: ChangeableBooking,
  rules: CustomerChangeRules,
  now: number,
): ChangeDecision {
  if (booking.officeAsked === true) return isActive(booking, now) ? ALLOWED : refuse('booking_not_active');
  if (!rules.allowReschedule) return refuse('reschedule_disabled');
  const timing = activeAndOutsideNotice(booking, rules, now);
  if (!timing.allowed) return timing;
  if (
    rules.maxReschedulesPerBooking !== null &&
    booking.customerReschedules >= rules.maxReschedulesPerBooking
  ) {
    return refuse('reschedule_limit_reached');
  }
  return ALLOWED;
}

export function customerMayCancel(
  booking: ChangeableBooking,
  rules: CustomerChangeRules,
  now: number,
): ChangeDecision {
  if (!rules.allowCancel) return refuse('cancel_disabled');
  return activeAndOutsideNotice(booking, rules, now);
}

/** May the office still move, cancel or complete it? Any open booking, even one that has started. */
export function officeMayChange(booking: { status: BookingStatus }): ChangeDecision {
  return isOpen(booking) ? ALLOWED : refuse('booking_not_active');
}

/**
 * May a customer's move take the booking to this staff member? Only one who performs the service; under the
 * office's pending request, one the request names (or anyone the business lets customers choose); otherwise
 * their own, or anyone who performs it when the business allows a change of staff member.
 */
export function customerMayMoveTo(
  target: { id: string; serviceIds: readonly string[] },
  booking: { staffId: string; serviceId: string },
  rules: { allowStaffChange?: boolean | undefined },
  request: { staffIds: readonly string[] } | null,
): boolean {
  if (!target.serviceIds.includes(booking.serviceId)) return false;
  if (request?.staffIds.includes(target.id)) return true;
  if (request && target.id === booking.staffId) return false;
  return target.id === booking.staffId || rules.allowStaffChange === true;
}
