import type { Translation } from '../../catalogue.js';
import type { RefusalMessages } from '../en/refusals.js';

export const refusals: Translation<RefusalMessages> = {
  reschedule_disabled: 'Cette réservation ne peut pas être reprogrammée en ligne.',
  cancel_disabled: 'Cette réservation ne peut pas être annulée en ligne.',
  minimum_notice: 'Les modifications sont possibles jusqu’à {{notice}} avant votre rendez-vous.',
  reschedule_limit_reached_one:
    'Cette réservation a déjà été reprogrammée en ligne une fois, le maximum que nous acceptons.',
  reschedule_limit_reached_many:
    'Cette réservation a déjà été reprogrammée en ligne {{count}} fois, le maximum que nous acceptons.',
  reschedule_limit_reached_other:
    'Cette réservation a déjà été reprogrammée en ligne {{count}} fois, le maximum que nous acceptons.',
  booking_cancelled: 'Cette réservation a été annulée.',
  booking_completed: 'Ce rendez-vous a eu lieu.',
  booking_started: 'Ce rendez-vous a déjà commencé.',
  slot_minimum_notice: 'Veuillez choisir un horaire dans {{notice}} au moins.',
  outside_booking_window: 'Veuillez choisir un horaire dans les {{window}} à venir.',
  outside_working_hours: 'Nous ne proposons pas cet horaire. Veuillez choisir l’un des créneaux affichés.',
  slot_unavailable: 'Désolés, ce créneau vient d’être pris. Veuillez en choisir un autre.',
  time_refused: 'Cet horaire ne peut pas être réservé en ligne. Veuillez en choisir un autre.',
  duration: {
    minutes_one: '{{count}} minute',
    minutes_many: '{{count}} minutes',
    minutes_other: '{{count}} minutes',
    hours_one: '{{count}} heure',
    hours_many: '{{count}} heures',
    hours_other: '{{count}} heures',
    days_one: '{{count}} jour',
    days_many: '{{count}} jours',
    days_other: '{{count}} jours',
    hoursAndMinutes: '{{hours}} {{minutes}}',
  },
};
