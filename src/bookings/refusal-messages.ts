import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages.js';
import { refusalWordsIn } from '../i18n/messages.js';
import { changeRefusalWords, type RefusalFacts, slotRefusalWords } from '../i18n/refusal-words.js';
import type { SlotRefusal } from '../scheduling/availability.js';
import type { BookingStatus } from '../scheduling/booking-rules.js';
import type { ChangeRefusal } from '../scheduling/change-policy.js';
import type { BusinessSettings } from '../settings/business-settings.js';

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

export const SLOT_TAKEN_MESSAGE = refusalWordsIn(DEFAULT_LANGUAGE)('slot_unavailable');

/** The facts a refusal's wording needs, from the business's settings and the booking. */
const refusalFacts = (settings: BusinessSettings, booking: RefusedBooking): RefusalFacts => ({
  status: booking.status,
  minimumNoticeMinutes: settings.customerPortal.minimumNoticeMinutes,
  maxReschedulesPerBooking: settings.customerPortal.maxReschedulesPerBooking,
  bookingWindowDays: settings.bookingWindowDays,
  changeBlockedMessage: settings.customerPortal.changeBlockedMessage,
});

/**
 * Why a customer cannot change this booking, in plain words (the `refusals` catalogue, in the customer's
 * language), ending with the business's own advice.
 */
export function changeRefusalMessage(
  code: ChangeRefusal,
  settings: BusinessSettings,
  booking: RefusedBooking,
  language: Language = DEFAULT_LANGUAGE,
): string {
  return changeRefusalWords(refusalWordsIn(language), code, refusalFacts(settings, booking));
}

/** Why a chosen time cannot be booked. */
export function slotRefusalMessage(
  code: SlotRefusal,
  settings: BusinessSettings,
  language: Language = DEFAULT_LANGUAGE,
): string {
  return slotRefusalWords(refusalWordsIn(language), code, refusalFacts(settings, { status: 'confirmed' }));
}
