/**
 * Why a customer's change was refused, per error code, in English: what the portal (and the server, for the
 * customer) says. `{{notice}}` and `{{window}}` are durations written with `duration.*`.
 */
export const refusals = {
  reschedule_disabled: 'This booking cannot be rescheduled online.',
  cancel_disabled: 'This booking cannot be cancelled online.',
  minimum_notice: 'Changes can be made up to {{notice}} before your appointment.',
  reschedule_limit_reached_one: 'This booking has already been rescheduled online once, the most we allow.',
  reschedule_limit_reached_other:
    'This booking has already been rescheduled online {{count}} times, the most we allow.',
  booking_cancelled: 'This booking was cancelled.',
  booking_completed: 'This appointment has taken place.',
  booking_started: 'This appointment has already started.',
  slot_minimum_notice: 'Please choose a time at least {{notice}} from now.',
  outside_booking_window: 'Please choose a time within the next {{window}}.',
  outside_working_hours: 'That time is not one we offer. Please choose one of the times shown.',
  slot_unavailable: 'Sorry, that time has just been taken. Please choose another.',
  /** A refused time when the page does not know the rules behind the refusal (a new appointment). */
  time_refused: 'This time cannot be booked online. Please choose another.',
  duration: {
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    hoursAndMinutes: '{{hours}} {{minutes}}',
  },
} as const;

export type RefusalMessages = typeof refusals;
