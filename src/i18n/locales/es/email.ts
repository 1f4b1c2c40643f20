import type { EmailCatalogue } from '../en/email.js';

/** El espacio `email` en español (trato de usted, como el inglés de Rebook es cortés). */
const email: EmailCatalogue = {
  reschedule: 'Reprogramar o cambiar los detalles de la reserva',
  details: {
    service: 'Servicio',
    with: 'Con',
    when: 'Cuándo',
    yourTime: 'Su hora',
    customerTime: 'Hora del cliente',
    previously: 'Antes',
    wasBookedFor: 'Estaba reservada para',
    duration: 'Duración',
    reference: 'Referencia',
    notes: 'Notas',
    reason: 'Motivo',
    customer: 'Cliente',
    changedBy: 'Cambiada por',
    through: 'A través de',
    changedAt: 'Cambiada el',
    overlaps: 'Coincide con',
    manageOnline: 'Puede consultar y gestionar su reserva en línea en cualquier momento:',
    openBooking: 'abrir su reserva',
    yourMessage: 'Su mensaje',
  },
  calendar: {
    google: 'Añadir a Google Calendar',
    outlook: 'Añadir a Outlook',
  },
  buttons: {
    signIn: 'Iniciar sesión',
    openBooking: 'Abrir la reserva',
    openOutbox: 'Abrir el correo en la bandeja de salida',
    bookAgain: 'Reservar de nuevo',
    callUs: 'Llámenos',
  },
  actor: {
    admin: 'Un administrador',
    system: 'Rebook',
  },
  channel: {
    portal: 'el portal de clientes',
    email_link: 'un enlace de correo electrónico',
    admin: 'la aplicación de administración',
    api: 'la API',
    system: 'un proceso automático',
  },
  change: {
    title_created: 'Nueva reserva',
    title_rescheduled: 'Reserva reprogramada',
    title_cancelled: 'Reserva cancelada',
    headline_created: '{{actor}} ha reservado {{service}} para el {{to}}',
    headline_rescheduled: '{{actor}} ha reprogramado {{service}} para el {{to}}',
    headline_cancelled: '{{actor}} ha cancelado {{service}} del {{to}}',
    summary_created: '{{actor}} ha reservado {{service}} para el {{to}} a través de {{channel}}.',
    summary_rescheduled: '{{actor}} ha cambiado {{service}} del {{from}} al {{to}} a través de {{channel}}.',
    summary_cancelled: '{{actor}} ha cancelado {{service}} del {{to}} a través de {{channel}}.',
    conflict_one:
      'El nuevo horario coincide con otro trabajo: {{list}}. Abra la reserva para resolverlo con el miembro del equipo.',
    conflict_other:
      'El nuevo horario coincide con {{count}} citas u horas bloqueadas: {{list}}. Abra la reserva para resolverlo con el miembro del equipo.',
    conflict_many:
      'El nuevo horario coincide con {{count}} citas u horas bloqueadas: {{list}}. Abra la reserva para resolverlo con el miembro del equipo.',
    conflictBooking: 'otra reserva, {{time}}',
    conflictBlocked: 'hora bloqueada, {{time}}',
  },
  request: {
    suggested: 'Horarios propuestos',
    seeAll: 'Ver todos los horarios',
    timeWith: '{{time}} con {{staff}}',
    title_accepted: 'Solicitud de cambio aceptada',
    title_declined: 'Solicitud de cambio rechazada',
    title_expired: 'Solicitud de cambio sin respuesta',
    headline_accepted: '{{customer}} ha elegido un nuevo horario: {{service}} el {{short}}',
    headline_declined: '{{customer}} ha rechazado su solicitud de cambio: {{service}} el {{short}}',
    headline_expired: 'Sin respuesta de {{customer}}: {{service}} el {{short}}',
    summary_accepted: '{{customer}} ha aceptado su solicitud de cambio: {{service}} es ahora el {{when}}.',
    summary_declined: '{{customer}} ha rechazado su solicitud de cambio de {{service}} del {{when}}.',
    summary_expired:
      '{{customer}} no ha respondido antes del {{respondBy}} a su solicitud de cambio de {{service}} del {{when}}.',
    was: 'Antes era el {{time}}.',
    customerWrote: '{{customer}} escribió: {{note}}',
  },
  duration: {
    minute_one: '{{count}} minuto',
    minute_other: '{{count}} minutos',
    minute_many: '{{count}} minutos',
    hour_one: '{{count}} hora',
    hour_other: '{{count}} horas',
    hour_many: '{{count}} horas',
    day_one: '{{count}} día',
    day_other: '{{count}} días',
    day_many: '{{count}} días',
  },
  templates: {
    booking_confirmation: {
      subject: 'Su reserva está confirmada: {{ service.name }} el {{ booking.starts_at_short }}',
      heading: 'Su reserva está confirmada',
      intro: 'Hola, {{ customer.name }}: gracias por su reserva. Estos son los detalles.',
      signOff: 'Esperamos verle pronto,\n{{ business.name }}',
    },
    booking_reminder: {
      subject: 'Recordatorio: {{ service.name }} el {{ booking.starts_at_short }}',
      heading: 'Su cita se acerca',
      intro:
        'Hola, {{ customer.name }}: en {{ business.name }} le esperamos con mucho gusto. Le recordamos los detalles de su cita.',
      change: '¿Necesita otro horario? Puede cambiarlo en línea.',
      signOff: 'Hasta pronto,\n{{ business.name }}',
    },
    booking_rescheduled: {
      subject: 'Reserva reprogramada: {{ service.name }} es ahora el {{ booking.starts_at_short }}',
      heading: 'Su reserva ha sido reprogramada',
      intro:
        'Hola, {{ customer.name }}: su cita de {{ service.name }} con {{ business.name }} ha pasado a un nuevo horario.',
      signOff: 'Hasta pronto,\n{{ business.name }}',
    },
    booking_cancelled: {
      subject: 'Reserva cancelada: {{ service.name }} el {{ booking.starts_at_short }}',
      heading: 'Su reserva ha sido cancelada',
      intro:
        'Hola, {{ customer.name }}: su cita de {{ service.name }} con {{ business.name }} ha sido cancelada.',
      again:
        'Si se trata de un error, o si desea otro horario, puede volver a reservar en línea o llamarnos.',
      signOff: 'Atentamente,\n{{ business.name }}',
    },
    customer_sign_in: {
      subject: 'Su enlace de acceso a {{ business.name }}',
      heading: 'Inicie sesión en {{ business.name }}',
      intro: 'Hola, {{ customer.name }}: utilice el botón de abajo para iniciar sesión y ver sus reservas.',
      note: 'Este enlace es válido durante un tiempo limitado. Si no ha solicitado iniciar sesión, puede ignorar este correo: nadie puede acceder sin este enlace.',
      footer: 'Ha recibido este correo porque alguien ha solicitado iniciar sesión con esta dirección.',
    },
    business_notification: {
      subject: '{{ change.headline }} ({{ booking.reference }})',
      heading: '{{ change.title }}',
      intro: '{{ change.summary }}',
      footer: 'Enviado por Rebook a su dirección de notificaciones.',
    },
    email_undeliverable: {
      subject: 'Correo no entregado: {{ undeliverable.title }} a {{ undeliverable.to }}',
      heading: 'No se ha podido entregar un correo',
      intro:
        'Rebook no ha podido entregar el correo «{{ undeliverable.title }}» a {{ undeliverable.to }}: lo ha intentado {{ undeliverable.attempts }} veces desde el {{ undeliverable.first_attempt_at }} y ha dejado de intentarlo.',
      error: 'La última respuesta del servidor de correo fue: {{ undeliverable.last_error }}',
      advice:
        'Compruebe la dirección con el cliente y pulse «Retry» en el correo de la bandeja de salida (Outbox) para enviarlo de nuevo.',
      footer: 'Enviado por Rebook a su dirección de notificaciones.',
    },
    reschedule_request: {
      subject: 'Elija un nuevo horario para su {{ service.name }} del {{ booking.starts_at_short }}',
      heading: 'Elija un nuevo horario, por favor',
      intro:
        'Hola, {{ customer.name }}: {{ business.name }} necesita cambiar su cita de {{ service.name }}. Su reserva se mantiene tal como está hasta que usted elija.',
      respond:
        'Le rogamos que elija antes del {{ request.respond_by }}. Si ninguno de estos horarios le viene bien, abra su reserva y díganoslo.',
      signOff: 'Muchas gracias,\n{{ business.name }}',
    },
    requestNotice: {
      subject: '{{ request.headline }} ({{ booking.reference }})',
      heading: '{{ request.title }}',
      intro: '{{ request.summary }}',
      footer: 'Enviado por Rebook a su dirección de notificaciones.',
    },
    customerFooter: 'Ha recibido este correo porque tiene una reserva con nosotros.',
  },
};

export default email;
