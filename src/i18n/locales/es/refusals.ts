import type { Translation } from '../../catalogue.js';
import type { RefusalMessages } from '../en/refusals.js';

export const refusals: Translation<RefusalMessages> = {
  reschedule_disabled: 'Esta reserva no se puede reprogramar en línea.',
  cancel_disabled: 'Esta reserva no se puede cancelar en línea.',
  minimum_notice: 'Los cambios se pueden hacer hasta {{notice}} antes de su cita.',
  reschedule_limit_reached_one:
    'Esta reserva ya se ha reprogramado en línea una vez, el máximo que permitimos.',
  reschedule_limit_reached_many:
    'Esta reserva ya se ha reprogramado en línea {{count}} veces, el máximo que permitimos.',
  reschedule_limit_reached_other:
    'Esta reserva ya se ha reprogramado en línea {{count}} veces, el máximo que permitimos.',
  booking_cancelled: 'Esta reserva se ha cancelado.',
  booking_completed: 'Esta cita ya ha tenido lugar.',
  booking_started: 'Esta cita ya ha comenzado.',
  slot_minimum_notice: 'Elija una hora con al menos {{notice}} de antelación.',
  outside_booking_window: 'Elija una hora dentro del plazo de {{window}} a partir de hoy.',
  outside_working_hours: 'No ofrecemos esa hora. Elija una de las horas que se muestran.',
  slot_unavailable: 'Lo sentimos, esa hora se acaba de ocupar. Elija otra, por favor.',
  time_refused: 'Esta hora no se puede reservar en línea. Elija otra, por favor.',
  duration: {
    minutes_one: '{{count}} minuto',
    minutes_many: '{{count}} minutos',
    minutes_other: '{{count}} minutos',
    hours_one: '{{count}} hora',
    hours_many: '{{count}} horas',
    hours_other: '{{count}} horas',
    days_one: '{{count}} día',
    days_many: '{{count}} días',
    days_other: '{{count}} días',
    hoursAndMinutes: '{{hours}} y {{minutes}}',
  },
};
