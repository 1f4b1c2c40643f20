import type { EmailCatalogue } from '../en/email.js';

/** L'espace `email` en français (vouvoiement, comme l'anglais de Rebook est courtois). */
const email: EmailCatalogue = {
  reschedule: 'Reprogrammer ou modifier les détails de la réservation',
  details: {
    service: 'Prestation',
    with: 'Avec',
    when: 'Quand',
    yourTime: 'Votre heure',
    customerTime: 'Heure du client',
    previously: 'Auparavant',
    wasBookedFor: 'Était prévue le',
    duration: 'Durée',
    reference: 'Référence',
    notes: 'Remarques',
    reason: 'Motif',
    customer: 'Client',
    changedBy: 'Modifiée par',
    through: 'Via',
    changedAt: 'Modifiée le',
    overlaps: 'Chevauche',
    manageOnline: 'Vous pouvez consulter et gérer votre réservation en ligne à tout moment :',
    openBooking: 'ouvrir votre réservation',
    yourMessage: 'Votre message',
  },
  calendar: {
    google: 'Ajouter à Google Agenda',
    outlook: 'Ajouter à Outlook',
  },
  buttons: {
    signIn: 'Se connecter',
    openBooking: 'Ouvrir la réservation',
    openOutbox: 'Ouvrir l’e-mail dans la boîte d’envoi',
    bookAgain: 'Réserver à nouveau',
    callUs: 'Appelez-nous',
  },
  actor: {
    admin: 'Un administrateur',
    system: 'Rebook',
  },
  channel: {
    portal: 'l’espace client',
    email_link: 'un lien reçu par e-mail',
    admin: 'l’application d’administration',
    api: 'l’API',
    system: 'un processus automatique',
  },
  change: {
    title_created: 'Nouvelle réservation',
    title_rescheduled: 'Réservation reprogrammée',
    title_cancelled: 'Réservation annulée',
    headline_created: '{{actor}} a réservé {{service}} pour le {{to}}',
    headline_rescheduled: '{{actor}} a déplacé {{service}} au {{to}}',
    headline_cancelled: '{{actor}} a annulé {{service}} du {{to}}',
    summary_created: '{{actor}} a réservé {{service}} pour le {{to}} via {{channel}}.',
    summary_rescheduled: '{{actor}} a déplacé {{service}} du {{from}} au {{to}} via {{channel}}.',
    summary_cancelled: '{{actor}} a annulé {{service}} du {{to}} via {{channel}}.',
    conflict_one:
      'Le nouvel horaire chevauche un autre engagement : {{list}}. Ouvrez la réservation pour régler la situation avec l’intervenant.',
    conflict_other:
      'Le nouvel horaire chevauche {{count}} rendez-vous ou créneaux bloqués : {{list}}. Ouvrez la réservation pour régler la situation avec l’intervenant.',
    conflict_many:
      'Le nouvel horaire chevauche {{count}} rendez-vous ou créneaux bloqués : {{list}}. Ouvrez la réservation pour régler la situation avec l’intervenant.',
    conflictBooking: 'une autre réservation, {{time}}',
    conflictBlocked: 'un créneau bloqué, {{time}}',
  },
  request: {
    suggested: 'Horaires proposés',
    seeAll: 'Voir tous les horaires',
    timeWith: '{{time}} avec {{staff}}',
    title_accepted: 'Demande de changement acceptée',
    title_declined: 'Demande de changement refusée',
    title_expired: 'Demande de changement sans réponse',
    headline_accepted: '{{customer}} a choisi un nouvel horaire : {{service}} le {{short}}',
    headline_declined: '{{customer}} a refusé votre demande de changement : {{service}} le {{short}}',
    headline_expired: 'Pas de réponse de {{customer}} : {{service}} le {{short}}',
    summary_accepted:
      '{{customer}} a accepté votre demande de changement : {{service}} a désormais lieu le {{when}}.',
    summary_declined: '{{customer}} a refusé votre demande de changement pour {{service}} le {{when}}.',
    summary_expired:
      '{{customer}} n’a pas répondu avant le {{respondBy}} à votre demande de changement pour {{service}} le {{when}}.',
    was: 'Le rendez-vous était prévu le {{time}}.',
    customerWrote: '{{customer}} a écrit : {{note}}',
  },
  duration: {
    minute_one: '{{count}} minute',
    minute_other: '{{count}} minutes',
    minute_many: '{{count}} minutes',
    hour_one: '{{count}} heure',
    hour_other: '{{count}} heures',
    hour_many: '{{count}} heures',
    day_one: '{{count}} jour',
    day_other: '{{count}} jours',
    day_many: '{{count}} jours',
  },
  templates: {
    booking_confirmation: {
      subject: 'Votre réservation est confirmée : {{ service.name }} le {{ booking.starts_at_short }}',
      heading: 'Votre réservation est confirmée',
      intro: 'Bonjour {{ customer.name }}, merci pour votre réservation. En voici le détail.',
      signOff: 'Au plaisir de vous accueillir,\n{{ business.name }}',
    },
    booking_reminder: {
      subject: 'Rappel : {{ service.name }} le {{ booking.starts_at_short }}',
      heading: 'Votre rendez-vous approche',
      intro:
        'Bonjour {{ customer.name }}, toute l’équipe de {{ business.name }} se réjouit de vous voir. Voici un rappel de votre rendez-vous.',
      change: 'Cet horaire ne vous convient plus ? Vous pouvez le modifier en ligne.',
      signOff: 'À bientôt,\n{{ business.name }}',
    },
    booking_rescheduled: {
      subject:
        'Réservation reprogrammée : {{ service.name }} a désormais lieu le {{ booking.starts_at_short }}',
      heading: 'Votre réservation a été reprogrammée',
      intro:
        'Bonjour {{ customer.name }}, votre rendez-vous « {{ service.name }} » chez {{ business.name }} a été déplacé à un nouvel horaire.',
      signOff: 'À bientôt,\n{{ business.name }}',
    },
    booking_cancelled: {
      subject: 'Réservation annulée : {{ service.name }} le {{ booking.starts_at_short }}',
      heading: 'Votre réservation a été annulée',
      intro:
        'Bonjour {{ customer.name }}, votre rendez-vous « {{ service.name }} » chez {{ business.name }} a été annulé.',
      again:
        'S’il s’agit d’une erreur, ou si vous souhaitez un autre créneau, vous pouvez réserver à nouveau en ligne ou nous appeler.',
      signOff: 'Cordialement,\n{{ business.name }}',
    },
    customer_sign_in: {
      subject: 'Votre lien de connexion à {{ business.name }}',
      heading: 'Connectez-vous à {{ business.name }}',
      intro:
        'Bonjour {{ customer.name }}, utilisez le bouton ci-dessous pour vous connecter et consulter vos réservations.',
      note: 'Ce lien est valable pendant une durée limitée. Si vous n’avez pas demandé à vous connecter, vous pouvez ignorer cet e-mail : personne ne peut se connecter sans ce lien.',
      footer: 'Vous recevez cet e-mail parce que quelqu’un a demandé à se connecter avec cette adresse.',
    },
    business_notification: {
      subject: '{{ change.headline }} ({{ booking.reference }})',
      heading: '{{ change.title }}',
      intro: '{{ change.summary }}',
      footer: 'Envoyé par Rebook à votre adresse de notification.',
    },
    email_undeliverable: {
      subject: 'E-mail non distribué : {{ undeliverable.title }} à {{ undeliverable.to }}',
      heading: 'Un e-mail n’a pas pu être distribué',
      intro:
        'Rebook n’a pas pu distribuer l’e-mail « {{ undeliverable.title }} » à {{ undeliverable.to }} : {{ undeliverable.attempts }} tentatives depuis le {{ undeliverable.first_attempt_at }}, puis abandon.',
      error: 'Dernière réponse du serveur de messagerie : {{ undeliverable.last_error }}',
      advice:
        'Vérifiez l’adresse auprès du client, puis cliquez sur « Retry » sur l’e-mail dans la boîte d’envoi (Outbox) pour le renvoyer.',
      footer: 'Envoyé par Rebook à votre adresse de notification.',
    },
    reschedule_request: {
      subject:
        'Merci de choisir un nouvel horaire pour votre rendez-vous « {{ service.name }} » du {{ booking.starts_at_short }}',
      heading: 'Merci de choisir un nouvel horaire',
      intro:
        'Bonjour {{ customer.name }}, {{ business.name }} doit déplacer votre rendez-vous « {{ service.name }} ». Votre réservation reste inchangée tant que vous n’avez pas choisi.',
      respond:
        'Merci de choisir avant le {{ request.respond_by }}. Si aucun de ces horaires ne vous convient, ouvrez votre réservation et dites-le-nous.',
      signOff: 'Merci beaucoup,\n{{ business.name }}',
    },
    requestNotice: {
      subject: '{{ request.headline }} ({{ booking.reference }})',
      heading: '{{ request.title }}',
      intro: '{{ request.summary }}',
      footer: 'Envoyé par Rebook à votre adresse de notification.',
    },
    customerFooter: 'Vous recevez cet e-mail parce que vous avez une réservation chez nous.',
  },
};

export default email;
