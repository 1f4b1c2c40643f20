import type { RefusalWords } from './words.js';

/**
 * A duration as a sentence says it: "1 hour 30 minutes", "24 hours", "45 minutes", "2 days" (whole days
 * only from two days up, as the business thinks of notice: "24 hours", not "1 day").
 */
export function durationWords(t: RefusalWords, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole >= 2 * 1440 && whole % 1440 === 0) return t('duration.days', { count: whole / 1440 });
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return t('duration.minutes', { count: rest });
  if (rest === 0) return t('duration.hours', { count: hours });
  return t('duration.hoursAndMinutes', {
    hours: t('duration.hours', { count: hours }),
    minutes: t('duration.minutes', { count: rest }),
  });
}

/** What the wording of a refusal needs to know about the business's rules and the booking. */
export interface RefusalFacts {
  status: 'confirmed' | 'cancelled' | 'completed';
  minimumNoticeMinutes: number;
  maxReschedulesPerBooking: number | null;
  bookingWindowDays: number;
  /** The business's own words ("Please call us…"), added after a refusal the customer can do something about. */
  changeBlockedMessage: string;
}

/** The refusal codes of a change the customer asked for (change-policy's and availability's), by what they word. */
export type RefusalCode =
  | 'reschedule_disabled'
  | 'cancel_disabled'
  | 'minimum_notice'
  | 'reschedule_limit_reached'
  | 'booking_not_active'
  | 'outside_booking_window'
  | 'outside_working_hours'
  | 'slot_unavailable';

const withBusinessWords = (sentence: string, facts: RefusalFacts) => {
  const own = facts.changeBlockedMessage.trim();
  return own ? `${sentence} ${own}` : sentence;
};

/** Why a customer cannot change this booking, in plain words, ending with the business's own advice. */
export function changeRefusalWords(
  t: RefusalWords,
  code: Exclude<RefusalCode, 'outside_booking_window' | 'outside_working_hours' | 'slot_unavailable'>,
  facts: RefusalFacts,
): string {
  switch (code) {
    case 'reschedule_disabled':
    case 'cancel_disabled':
      return withBusinessWords(t(code), facts);
    case 'minimum_notice':
      return withBusinessWords(
        t('minimum_notice', { notice: durationWords(t, facts.minimumNoticeMinutes) }),
        facts,
      );
    case 'reschedule_limit_reached':
      return withBusinessWords(
        t('reschedule_limit_reached', { count: facts.maxReschedulesPerBooking ?? 0 }),
        facts,
      );
    case 'booking_not_active':
      if (facts.status === 'cancelled') return t('booking_cancelled');
      if (facts.status === 'completed') return t('booking_completed');
      return withBusinessWords(t('booking_started'), facts);
  }
}

/** Why a chosen time cannot be booked. */
export function slotRefusalWords(
  t: RefusalWords,
  code: 'minimum_notice' | 'outside_booking_window' | 'outside_working_hours' | 'slot_unavailable',
  facts: Pick<RefusalFacts, 'minimumNoticeMinutes' | 'bookingWindowDays'>,
): string {
  switch (code) {
    case 'minimum_notice':
      return t('slot_minimum_notice', { notice: durationWords(t, facts.minimumNoticeMinutes) });
    case 'outside_booking_window':
      return t('outside_booking_window', { window: durationWords(t, facts.bookingWindowDays * 24 * 60) });
    case 'outside_working_hours':
    case 'slot_unavailable':
      return t(code);
  }
}
