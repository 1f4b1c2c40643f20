import type { EmailCatalogue } from '../en/email.js';

/** Der Namensraum `email` auf Deutsch (Anrede mit „Sie“, so höflich wie das Englische). */
const email: EmailCatalogue = {
  reschedule: 'Termin verschieben oder Buchungsdetails ändern',
  details: {
    service: 'Leistung',
    with: 'Bei',
    when: 'Wann',
    yourTime: 'Ihre Uhrzeit',
    customerTime: 'Uhrzeit des Kunden',
    previously: 'Bisher',
    wasBookedFor: 'War gebucht für',
    duration: 'Dauer',
    reference: 'Buchungsnummer',
    notes: 'Hinweise',
    reason: 'Grund',
    customer: 'Kunde',
    changedBy: 'Geändert von',
    through: 'Über',
    changedAt: 'Geändert am',
    overlaps: 'Überschneidet sich mit',
    manageOnline: 'Sie können Ihre Buchung jederzeit online ansehen und verwalten:',
    openBooking: 'Buchung öffnen',
    yourMessage: 'Ihre Nachricht',
  },
  calendar: {
    google: 'Zu Google Kalender hinzufügen',
    outlook: 'Zu Outlook hinzufügen',
  },
  buttons: {
    signIn: 'Anmelden',
    openBooking: 'Buchung öffnen',
    openOutbox: 'E-Mail im Postausgang öffnen',
    bookAgain: 'Neuen Termin buchen',
    callUs: 'Rufen Sie uns an',
  },
  actor: {
    admin: 'Ein Administrator',
    system: 'Rebook',
  },
  channel: {
    portal: 'das Kundenportal',
    email_link: 'einen Link aus einer E-Mail',
    admin: 'die Verwaltung',
    api: 'die API',
    system: 'einen automatischen Vorgang',
  },
  change: {
    title_created: 'Neue Buchung',
    title_rescheduled: 'Buchung verschoben',
    title_cancelled: 'Buchung storniert',
    headline_created: '{{actor}} hat {{service}} für {{to}} gebucht',
    headline_rescheduled: '{{actor}} hat {{service}} auf {{to}} verschoben',
    headline_cancelled: '{{actor}} hat {{service}} am {{to}} storniert',
    summary_created: '{{actor}} hat {{service}} für {{to}} über {{channel}} gebucht.',
    summary_rescheduled: '{{actor}} hat {{service}} über {{channel}} von {{from}} auf {{to}} verschoben.',
    summary_cancelled: '{{actor}} hat {{service}} am {{to}} über {{channel}} storniert.',
    conflict_one:
      'Der neue Termin überschneidet sich mit anderer Arbeit: {{list}}. Öffnen Sie die Buchung, um das mit dem Mitarbeiter zu klären.',
    conflict_other:
      'Der neue Termin überschneidet sich mit {{count}} anderen Terminen oder gesperrten Zeiten: {{list}}. Öffnen Sie die Buchung, um das mit dem Mitarbeiter zu klären.',
    conflictBooking: 'eine andere Buchung, {{time}}',
    conflictBlocked: 'gesperrte Zeit, {{time}}',
  },
  request: {
    suggested: 'Vorgeschlagene Zeiten',
    seeAll: 'Alle Zeiten ansehen',
    timeWith: '{{time}} bei {{staff}}',
    title_accepted: 'Terminanfrage angenommen',
    title_declined: 'Terminanfrage abgelehnt',
    title_expired: 'Terminanfrage unbeantwortet',
    headline_accepted: '{{customer}} hat eine neue Zeit gewählt: {{service}} am {{short}}',
    headline_declined: '{{customer}} hat Ihre Anfrage zum Verschieben abgelehnt: {{service}} am {{short}}',
    headline_expired: 'Keine Antwort von {{customer}}: {{service}} am {{short}}',
    summary_accepted:
      '{{customer}} hat Ihre Anfrage zum Verschieben angenommen: {{service}} ist jetzt am {{when}}.',
    summary_declined: '{{customer}} hat Ihre Anfrage zum Verschieben von {{service}} am {{when}} abgelehnt.',
    summary_expired:
      '{{customer}} hat bis {{respondBy}} nicht auf Ihre Anfrage zum Verschieben von {{service}} am {{when}} geantwortet.',
    was: 'Bisher war der Termin am {{time}}.',
    customerWrote: '{{customer}} schreibt: {{note}}',
  },
  duration: {
    minute_one: '{{count}} Minute',
    minute_other: '{{count}} Minuten',
    hour_one: '{{count}} Stunde',
    hour_other: '{{count}} Stunden',
    day_one: '{{count}} Tag',
    day_other: '{{count}} Tage',
  },
  templates: {
    booking_confirmation: {
      subject: 'Ihre Buchung ist bestätigt: {{ service.name }} am {{ booking.starts_at_short }}',
      heading: 'Ihre Buchung ist bestätigt',
      intro: 'Guten Tag {{ customer.name }}, vielen Dank für Ihre Buchung. Hier sind die Einzelheiten.',
      signOff: 'Wir freuen uns auf Sie!\n{{ business.name }}',
    },
    booking_reminder: {
      subject: 'Erinnerung: {{ service.name }} am {{ booking.starts_at_short }}',
      heading: 'Ihr Termin steht bald an',
      intro:
        'Guten Tag {{ customer.name }}, {{ business.name }} freut sich auf Sie. Hier eine Erinnerung an Ihren Termin.',
      change: 'Passt Ihnen eine andere Zeit besser? Sie können den Termin online ändern.',
      signOff: 'Bis bald!\n{{ business.name }}',
    },
    booking_rescheduled: {
      subject: 'Buchung verschoben: {{ service.name }} ist jetzt am {{ booking.starts_at_short }}',
      heading: 'Ihre Buchung wurde verschoben',
      intro:
        'Guten Tag {{ customer.name }}, Ihr Termin „{{ service.name }}“ bei {{ business.name }} wurde auf eine neue Zeit verschoben.',
      signOff: 'Bis bald!\n{{ business.name }}',
    },
    booking_cancelled: {
      subject: 'Buchung storniert: {{ service.name }} am {{ booking.starts_at_short }}',
      heading: 'Ihre Buchung wurde storniert',
      intro:
        'Guten Tag {{ customer.name }}, Ihr Termin „{{ service.name }}“ bei {{ business.name }} wurde storniert.',
      again:
        'Falls es sich um einen Irrtum handelt oder Sie einen anderen Termin möchten, können Sie online neu buchen oder uns anrufen.',
      signOff: 'Mit freundlichen Grüßen\n{{ business.name }}',
    },
    customer_sign_in: {
      subject: 'Ihr Anmeldelink für {{ business.name }}',
      heading: 'Bei {{ business.name }} anmelden',
      intro:
        'Guten Tag {{ customer.name }}, melden Sie sich über die Schaltfläche unten an, um Ihre Buchungen zu sehen.',
      note: 'Dieser Link ist nur für begrenzte Zeit gültig. Wenn Sie keine Anmeldung angefordert haben, können Sie diese E-Mail ignorieren: Ohne diesen Link kann sich niemand anmelden.',
      footer: 'Sie erhalten diese E-Mail, weil jemand eine Anmeldung mit dieser Adresse angefordert hat.',
    },
    business_notification: {
      subject: '{{ change.headline }} ({{ booking.reference }})',
      heading: '{{ change.title }}',
      intro: '{{ change.summary }}',
      footer: 'Von Rebook an Ihre Benachrichtigungsadresse gesendet.',
    },
    email_undeliverable: {
      subject: 'E-Mail nicht zugestellt: {{ undeliverable.title }} an {{ undeliverable.to }}',
      heading: 'Eine E-Mail konnte nicht zugestellt werden',
      intro:
        'Rebook konnte die E-Mail „{{ undeliverable.title }}“ nicht an {{ undeliverable.to }} zustellen: {{ undeliverable.attempts }} Versuche seit {{ undeliverable.first_attempt_at }}, danach wurde aufgegeben.',
      error: 'Letzte Antwort des Mailservers: {{ undeliverable.last_error }}',
      advice:
        'Prüfen Sie die Adresse mit dem Kunden und klicken Sie dann im Postausgang (Outbox) bei der E-Mail auf „Retry“, um sie erneut zu senden.',
      footer: 'Von Rebook an Ihre Benachrichtigungsadresse gesendet.',
    },
    reschedule_request: {
      subject:
        'Bitte wählen Sie eine neue Zeit für Ihren Termin „{{ service.name }}“ am {{ booking.starts_at_short }}',
      heading: 'Bitte wählen Sie eine neue Zeit',
      intro:
        'Guten Tag {{ customer.name }}, {{ business.name }} muss Ihren Termin „{{ service.name }}“ verschieben. Ihre Buchung bleibt bestehen, bis Sie eine neue Zeit gewählt haben.',
      respond:
        'Bitte wählen Sie bis {{ request.respond_by }}. Wenn keine dieser Zeiten passt, öffnen Sie Ihre Buchung und teilen Sie es uns mit.',
      signOff: 'Vielen Dank!\n{{ business.name }}',
    },
    requestNotice: {
      subject: '{{ request.headline }} ({{ booking.reference }})',
      heading: '{{ request.title }}',
      intro: '{{ request.summary }}',
      footer: 'Von Rebook an Ihre Benachrichtigungsadresse gesendet.',
    },
    customerFooter: 'Sie erhalten diese E-Mail, weil Sie eine Buchung bei uns haben.',
  },
};

export default email;
