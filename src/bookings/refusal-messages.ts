import type { SlotRefusal } from '../scheduling/availability.js';
import type { BookingStatus } from '../scheduling/booking-rules.js';
import type { ChangeRefusal } from '../scheduling/change-policy.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { formatDuration } from '../shared/business-time.js';

function withBusinessWords(sentence: string, settings: BusinessSettings): string {
  const own = settings.customerPortal.changeBlockedMessage.trim();
  return own ? `${sentence} ${own}` : sentence;
}

export interface RefusedBooking {
  status: BookingStatus;
}

/** What the office tried to do with a booking that is no longer open. */
export type OfficeAction = 'move' | 'cancel' | 'complete' | 'confirm';

const DONE: Record<Exclude<OfficeAction, 'confirm'>, string> = {
  move: 'moved',
  cancel: 'cancelled',
  complete: 'completed',
};

/** Why the office cannot change this booking (it is cancelled or completed: both final). */
export function officeRefusalMessage(action: OfficeAction, booking: RefusedBooking): string {
  return action === 'confirm'
    ? `this booking is ${booking.status}: there is nothing to confirm`
    : `this booking is ${booking.status} and can no longer be ${DONE[action]}`;
}

export function serviceUnavailableMessage(service: { name: string }): string {
  return `${service.name} cannot be booked at the moment.`;
}

export const SLOT_TAKEN_MESSAGE = 'Sorry, that time has just been taken. Please choose another.';

/** Why a customer cannot change this booking, in plain words, ending with the business's own advice. */
export function changeRefusalMessage(
  code: ChangeRefusal,
  settings: BusinessSettings,
  booking: RefusedBooking,
): string {
  const portal = settings.customerPortal;
  switch (code) {
    case 'reschedule_disabled':
      return withBusinessWords('This booking cannot be rescheduled online.', settings);
    case 'cancel_disabled':
      return withBusinessWords('This booking cannot be cancelled online.', settings);
    case 'minimum_notice':
      return withBusinessWords(
        `Changes can be made up to ${formatDuration(portal.minimumNoticeMinutes)} before your appointment.`,
        settings,
      );
    case 'reschedule_limit_reached':
      return withBusinessWords(
        `This booking has already been rescheduled online ${portal.maxReschedulesPerBooking === 1 ? 'once' : `${portal.maxReschedulesPerBooking} times`}, the most we allow.`,
        settings,
      );
    case 'booking_not_active':
      if (booking.status === 'cancelled') return 'This booking was cancelled.';
      if (booking.status === 'completed') return 'This appointment has taken place.';
      return withBusinessWords('This appointment has already started.', settings);
  }
}

/** Why a chosen time cannot be booked. */
export function slotRefusalMessage(code: SlotRefusal, settings: BusinessSettings): string {
  switch (code) {
    case 'minimum_notice':
      return `Please choose a time at least ${formatDuration(settings.customerPortal.minimumNoticeMinutes)} from now.`;
    case 'outside_booking_window':
      return `Please choose a time within the next ${formatDuration(settings.bookingWindowDays * 24 * 60)}.`;
    case 'outside_working_hours':
      return 'That time is not one we offer. Please choose one of the times shown.';
    case 'slot_unavailable':
      return SLOT_TAKEN_MESSAGE;
  }
}
