import type { Translation } from '../../catalogue.js';
import type { RefusalMessages } from '../en/refusals.js';

export const refusals: Translation<RefusalMessages> = {
  reschedule_disabled: 'Diese Buchung kann online nicht verschoben werden.',
  cancel_disabled: 'Diese Buchung kann online nicht storniert werden.',
  minimum_notice: 'Änderungen sind bis {{notice}} vor Ihrem Termin möglich.',
  reschedule_limit_reached_one:
    'Diese Buchung wurde bereits einmal online verschoben, öfter ist es leider nicht möglich.',
  reschedule_limit_reached_other:
    'Diese Buchung wurde bereits {{count}}-mal online verschoben, öfter ist es leider nicht möglich.',
  booking_cancelled: 'Diese Buchung wurde storniert.',
  booking_completed: 'Dieser Termin hat stattgefunden.',
  booking_started: 'Dieser Termin hat bereits begonnen.',
  slot_minimum_notice: 'Bitte wählen Sie eine Uhrzeit, die mindestens {{notice}} in der Zukunft liegt.',
  outside_booking_window: 'Bitte wählen Sie eine Uhrzeit innerhalb der nächsten {{window}}.',
  outside_working_hours: 'Diese Uhrzeit bieten wir nicht an. Bitte wählen Sie eine der angezeigten Zeiten.',
  slot_unavailable: 'Diese Uhrzeit wurde leider gerade vergeben. Bitte wählen Sie eine andere.',
  time_refused: 'Diese Uhrzeit kann online nicht gebucht werden. Bitte wählen Sie eine andere.',
  duration: {
    minutes_one: '{{count}} Minute',
    minutes_other: '{{count}} Minuten',
    hours_one: '{{count}} Stunde',
    hours_other: '{{count}} Stunden',
    days_one: '{{count}} Tag',
    days_other: '{{count}} Tage',
    hoursAndMinutes: '{{hours}} {{minutes}}',
  },
};
