import { buttonHtml } from './email-button.js';
import type { EmailKind } from './email-kind.js';
import {
  type DetailRow,
  detailsTable,
  heading,
  htmlEmail,
  link,
  NOTES_HTML,
  paragraph,
  smallPrint,
  timePanel,
} from './email-layout.js';
import type { EmailTemplate } from './email-template.js';

const CUSTOMER_FOOTER = '{{ business.name }} sent you this email about your booking.';

const CUSTOMER_TIME_HTML =
  '{% if booking.starts_at_customer %}<br><span style="font-size:13px;color:#6b7280;">Your time: {{ booking.starts_at_customer }}</span>{% endif %}';

const STAFF_ROW: DetailRow = { label: 'With', value: '{{ staff.name }}', when: 'staff.name' };
const DURATION_ROW: DetailRow = { label: 'Duration', value: '{{ booking.duration }}' };
const REFERENCE_ROW: DetailRow = { label: 'Reference', value: '{{ booking.reference }}' };
const NOTES_ROW: DetailRow = { label: 'Notes', value: NOTES_HTML, when: 'booking.notes' };
const WHEN_ROW: DetailRow = { label: 'When', value: `{{ booking.starts_at }}${CUSTOMER_TIME_HTML}` };

const BOOKING_ROWS: readonly DetailRow[] = [
  { label: 'Service', value: '{{ service.name }}' },
  STAFF_ROW,
  WHEN_ROW,
  DURATION_ROW,
  REFERENCE_ROW,
  NOTES_ROW,
];

const TEXT_BOOKING_DETAILS = `Service: {{ service.name }}
{% if staff.name %}With: {{ staff.name }}
{% endif %}When: {{ booking.starts_at }}
{% if booking.starts_at_customer %}Your time: {{ booking.starts_at_customer }}
{% endif %}Duration: {{ booking.duration }}
Reference: {{ booking.reference }}
{% if booking.notes %}Notes: {{ booking.notes }}
{% endif %}`;

// The business's own words on how to change a booking, for when the customer cannot do it online.
const BLOCKED_HTML = `{% unless can_reschedule %}{% if business.change_blocked_message %}
${smallPrint('{{ business.change_blocked_message }}')}
{% endif %}{% endunless %}`;
const BLOCKED_TEXT = `{% unless can_reschedule %}{% if business.change_blocked_message %}{{ business.change_blocked_message }}
{% endif %}{% endunless %}`;

const MANAGE_HTML = `{% reschedule_button %}
{% if links.booking %}
${smallPrint(`You can view and manage your booking online at any time: ${link('{{ links.booking }}', 'open your booking')}.`)}
{% endif %}
${BLOCKED_HTML}`;
const VIEW_BOOKING_HTML = `{% if links.booking %}
${paragraph(link('{{ links.booking }}', 'View your booking'))}
{% endif %}`;
const MANAGE_TEXT = `{% reschedule_button %}
{% if links.booking %}You can view and manage your booking online at any time: {{ links.booking }}
{% endif %}${BLOCKED_TEXT}`;

const SIGN_OFF_HTML = paragraph('See you soon,<br>{{ business.name }}');
const SIGN_OFF_TEXT = 'See you soon,\n{{ business.name }}';

const bookingConfirmation: EmailTemplate = {
  subject: 'Your booking is confirmed: {{ service.name }} on {{ booking.starts_at_short }}',
  html: htmlEmail({
    preheader: '{{ service.name }} on {{ booking.starts_at_short }} is booked.',
    body: `${heading('Your booking is confirmed')}
${paragraph('Hi {{ customer.name }}, thank you for your booking. Here are the details.')}
${detailsTable(BOOKING_ROWS)}
${MANAGE_HTML}
${SIGN_OFF_HTML}`,
    footer: CUSTOMER_FOOTER,
  }),
  text: `Hi {{ customer.name }},

Your booking with {{ business.name }} is confirmed.

${TEXT_BOOKING_DETAILS}
${MANAGE_TEXT}
${SIGN_OFF_TEXT}
`,
};

const bookingReminder: EmailTemplate = {
  subject: 'Reminder: {{ service.name }} on {{ booking.starts_at_short }}',
  html: htmlEmail({
    preheader: 'A reminder of your {{ service.name }} on {{ booking.starts_at_short }}.',
    body: `${heading('Your appointment is coming up')}
${paragraph('Hi {{ customer.name }}, {{ business.name }} is looking forward to seeing you. Here is a reminder of your appointment.')}
${timePanel('Appointment', '{{ booking.starts_at }}', `{% if booking.starts_at_customer %}\n      <div style="font-size:14px;line-height:20px;color:#4b5563;">Your time: {{ booking.starts_at_customer }}</div>{% endif %}`)}
${detailsTable([{ label: 'Service', value: '{{ service.name }}' }, STAFF_ROW, DURATION_ROW, REFERENCE_ROW, NOTES_ROW])}
${paragraph('Need a different time? You can change it online.')}
${MANAGE_HTML}
${SIGN_OFF_HTML}`,
    footer: CUSTOMER_FOOTER,
  }),
  text: `Hi {{ customer.name }},

{{ business.name }} is looking forward to seeing you. Here is a reminder of your appointment.

${TEXT_BOOKING_DETAILS}
Need a different time? You can change it online.

${MANAGE_TEXT}
${SIGN_OFF_TEXT}
`,
};

const bookingRescheduled: EmailTemplate = {
  subject: 'Booking rescheduled: {{ service.name }} is now on {{ booking.starts_at_short }}',
  html: htmlEmail({
    preheader: 'Your {{ service.name }} is now on {{ booking.starts_at_short }}.',
    body: `${heading('Your booking has been rescheduled')}
${paragraph('Hi {{ customer.name }}, your {{ service.name }} with {{ business.name }} has moved to a new time.')}
${timePanel('New time', '{{ booking.starts_at }}', `{% if change.previous_starts_at %}\n      <div style="font-size:14px;line-height:20px;color:#4b5563;">Was <s>{{ change.previous_starts_at }}</s></div>{% endif %}{% if booking.starts_at_customer %}\n      <div style="font-size:14px;line-height:20px;color:#4b5563;">Your time: {{ booking.starts_at_customer }}</div>{% endif %}`)}
{% if change.reason %}
${paragraph('Reason: {{ change.reason }}')}
{% endif %}
${detailsTable([{ label: 'Service', value: '{{ service.name }}' }, STAFF_ROW, DURATION_ROW, REFERENCE_ROW, NOTES_ROW])}
${VIEW_BOOKING_HTML}
{% reschedule_button %}
${BLOCKED_HTML}
${SIGN_OFF_HTML}`,
    footer: CUSTOMER_FOOTER,
  }),
  text: `Hi {{ customer.name }},

Your {{ service.name }} with {{ business.name }} has been rescheduled.

New time: {{ booking.starts_at }}
{% if change.previous_starts_at %}Was: {{ change.previous_starts_at }}
{% endif %}{% if booking.starts_at_customer %}Your time: {{ booking.starts_at_customer }}
{% endif %}{% if change.reason %}Reason: {{ change.reason }}
{% endif %}
Service: {{ service.name }}
{% if staff.name %}With: {{ staff.name }}
{% endif %}Duration: {{ booking.duration }}
Reference: {{ booking.reference }}
{% if booking.notes %}Notes: {{ booking.notes }}
{% endif %}
{% if links.booking %}View your booking: {{ links.booking }}
{% endif %}
{% reschedule_button %}
${BLOCKED_TEXT}
${SIGN_OFF_TEXT}
`,
};

const bookingCancelled: EmailTemplate = {
  subject: 'Booking cancelled: {{ service.name }} on {{ booking.starts_at_short }}',
  html: htmlEmail({
    preheader: 'Your {{ service.name }} on {{ booking.starts_at_short }} has been cancelled.',
    body: `${heading('Your booking has been cancelled')}
${paragraph('Hi {{ customer.name }}, your {{ service.name }}{% if staff.name %} with {{ staff.name }}{% endif %} with {{ business.name }} has been cancelled.')}
${timePanel('Cancelled', '<s>{{ booking.starts_at }}</s>')}
{% if change.reason %}
${paragraph('Reason: {{ change.reason }}')}
{% endif %}
${detailsTable([{ label: 'Service', value: '{{ service.name }}' }, REFERENCE_ROW])}
${paragraph('If this is a mistake, or you would like to book another time, please get in touch with us.')}
${paragraph('Kind regards,<br>{{ business.name }}')}`,
    footer: CUSTOMER_FOOTER,
  }),
  text: `Hi {{ customer.name }},

Your booking with {{ business.name }} has been cancelled.

Service: {{ service.name }}
{% if staff.name %}With: {{ staff.name }}
{% endif %}Was booked for: {{ booking.starts_at }}
{% if change.reason %}Reason: {{ change.reason }}
{% endif %}Reference: {{ booking.reference }}

If this is a mistake, or you would like to book another time, please get in touch with us.

Kind regards,
{{ business.name }}
`,
};

const customerSignIn: EmailTemplate = {
  subject: 'Your sign-in link for {{ business.name }}',
  html: htmlEmail({
    preheader: 'Your link to sign in to {{ business.name }} and manage your bookings.',
    body: `${heading('Sign in to {{ business.name }}')}
${paragraph('Hi {{ customer.name }}, use the button below to sign in and see your bookings.')}
{% if links.sign_in %}
${buttonHtml('{{ links.sign_in }}', 'Sign in')}
${smallPrint('This link is valid for a limited time. If the button does not work, copy this address into your browser:<br><span style="word-break:break-all;">{{ links.sign_in }}</span>')}
{% endif %}
${smallPrint('If you did not ask to sign in, you can ignore this email: nobody can sign in without this link.')}`,
    footer: '{{ business.name }} sent this email because someone asked to sign in with this address.',
  }),
  text: `Hi {{ customer.name }},

Use this link to sign in to {{ business.name }} and see your bookings:
{{ links.sign_in }}

This link is valid for a limited time.

If you did not ask to sign in, you can ignore this email: nobody can sign in without this link.

{{ business.name }}
`,
};

// One sentence says what happened, so the business can act on the notification from the inbox preview.
const CHANGE_SENTENCE = `{% case change.type %}{% when 'rescheduled' %}{{ change.actor_name }} rescheduled {{ service.name }} from {{ change.previous_starts_at }} to {{ booking.starts_at }} via {{ change.channel_label }}{% when 'cancelled' %}{{ change.actor_name }} cancelled {{ service.name }} on {{ booking.starts_at }} via {{ change.channel_label }}{% when 'created' %}{{ change.actor_name }} booked {{ service.name }} on {{ booking.starts_at }} via {{ change.channel_label }}{% else %}Booking {{ booking.reference }} for {{ customer.name }} was updated{% endcase %}{% if change.reason %}, reason: {{ change.reason }}{% endif %}.`;

const businessNotification: EmailTemplate = {
  subject:
    "{% case change.type %}{% when 'rescheduled' %}{{ change.actor_name }} rescheduled {{ service.name }} to {{ booking.starts_at_short }}{% when 'cancelled' %}{{ change.actor_name }} cancelled {{ service.name }} on {{ booking.starts_at_short }}{% when 'created' %}{{ change.actor_name }} booked {{ service.name }} on {{ booking.starts_at_short }}{% else %}Booking update: {{ service.name }} on {{ booking.starts_at_short }}{% endcase %} ({{ booking.reference }})",
  html: htmlEmail({
    preheader: CHANGE_SENTENCE,
    body: `${heading("{% case change.type %}{% when 'rescheduled' %}Booking rescheduled{% when 'cancelled' %}Booking cancelled{% when 'created' %}New booking{% else %}Booking updated{% endcase %}")}
${paragraph(CHANGE_SENTENCE)}
${detailsTable([
  {
    label: 'Customer',
    value: '{{ customer.name }}<br><span style="font-size:13px;color:#6b7280;">{{ customer.email }}</span>',
  },
  { label: 'Service', value: '{{ service.name }}' },
  STAFF_ROW,
  {
    label: "{% if change.type == 'rescheduled' %}New time{% else %}Time{% endif %}",
    value: '{{ booking.starts_at }}',
  },
  {
    label: 'Previous time',
    value: '<s>{{ change.previous_starts_at }}</s>',
    when: "change.type == 'rescheduled' and change.previous_starts_at",
  },
  { label: 'Reason', value: '{{ change.reason }}', when: 'change.reason' },
  { label: 'Changed by', value: '{{ change.actor_name }}', when: 'change' },
  { label: 'Through', value: '{{ change.channel_label }}', when: 'change' },
  { label: 'When', value: '{{ change.at }}', when: 'change' },
  REFERENCE_ROW,
])}
{% if links.booking %}
${paragraph(link('{{ links.booking }}', 'Open the booking'))}
{% endif %}`,
    footer: "Sent by Rebook to {{ business.name }}'s notification address.",
  }),
  text: `${CHANGE_SENTENCE}

Customer: {{ customer.name }} <{{ customer.email }}>
Service: {{ service.name }}
{% if staff.name %}With: {{ staff.name }}
{% endif %}{% if change.type == 'rescheduled' %}New time{% else %}Time{% endif %}: {{ booking.starts_at }}
{% if change.type == 'rescheduled' and change.previous_starts_at %}Previous time: {{ change.previous_starts_at }}
{% endif %}{% if change.reason %}Reason: {{ change.reason }}
{% endif %}{% if change %}Changed by: {{ change.actor_name }}
Through: {{ change.channel_label }}
When: {{ change.at }}
{% endif %}Reference: {{ booking.reference }}
{% if links.booking %}
Open the booking: {{ links.booking }}
{% endif %}`,
};

// To the office, once, when an email has been retried for a day and given up on.
const UNDELIVERABLE_SENTENCE =
  'Rebook could not deliver the {{ undeliverable.title }} to {{ undeliverable.to }}: it tried {{ undeliverable.attempts }} times since {{ undeliverable.first_attempt_at }} and has stopped.';

const emailUndeliverable: EmailTemplate = {
  subject: 'Email not delivered: {{ undeliverable.title }} to {{ undeliverable.to }}',
  html: htmlEmail({
    preheader: UNDELIVERABLE_SENTENCE,
    body: `${heading('An email could not be delivered')}
${paragraph(UNDELIVERABLE_SENTENCE)}
${detailsTable([
  { label: 'To', value: '{{ undeliverable.to }}' },
  { label: 'Email', value: '{{ undeliverable.title }}' },
  {
    label: 'Booking',
    value:
      '{{ service.name }} on {{ booking.starts_at }}<br><span style="font-size:13px;color:#6b7280;">{{ customer.name }}, reference {{ booking.reference }}</span>',
    when: 'booking',
  },
  { label: 'Last error', value: '{{ undeliverable.last_error }}', when: 'undeliverable.last_error' },
])}
${paragraph('Check the address with the customer, then press Retry on the email in the Outbox to send it again.')}
${paragraph(link('{{ undeliverable.outbox_link }}', 'Open the email in the Outbox'))}
{% if links.booking %}
${paragraph(link('{{ links.booking }}', 'Open the booking'))}
{% endif %}`,
    footer: "Sent by Rebook to {{ business.name }}'s notification address.",
  }),
  text: `${UNDELIVERABLE_SENTENCE}

To: {{ undeliverable.to }}
Email: {{ undeliverable.title }}
{% if booking %}Booking: {{ service.name }} on {{ booking.starts_at }} ({{ customer.name }}, reference {{ booking.reference }})
{% endif %}{% if undeliverable.last_error %}Last error: {{ undeliverable.last_error }}
{% endif %}
Check the address with the customer, then press Retry on the email in the Outbox to send it again:
{{ undeliverable.outbox_link }}
{% if links.booking %}
Open the booking: {{ links.booking }}
{% endif %}`,
};

// The office asks the customer to move their booking: each suggested time is one tap to confirm.
const rescheduleRequest: EmailTemplate = {
  subject: 'Please choose a new time for your {{ service.name }} on {{ booking.starts_at_short }}',
  html: htmlEmail({
    preheader: '{{ business.name }} needs to move your {{ service.name }}. Pick a new time in one tap.',
    body: `${heading('Please choose a new time')}
${paragraph('Hi {{ customer.name }}, {{ business.name }} needs to move your {{ service.name }}. Your booking stays where it is until you choose.')}
{% if request.message %}
${paragraph('{{ request.message | escape | newline_to_br | raw }}')}
{% endif %}
${timePanel('Booked now', '{{ booking.starts_at }}')}
{% if request.suggestions.size > 0 %}
${paragraph('<strong>Suggested times</strong>')}
{% for time in request.suggestions %}{% if time.link %}
${buttonHtml('{{ time.link }}', '{{ time.starts_at }}{% if time.staff_name %} with {{ time.staff_name }}{% endif %}')}
{% endif %}{% endfor %}
{% endif %}
{% if links.booking %}
${paragraph(link('{{ links.booking }}', 'See all times'))}
{% endif %}
${smallPrint('Please choose by {{ request.respond_by }}. If none of these work, open your booking and tell us.')}
${SIGN_OFF_HTML}`,
    footer: CUSTOMER_FOOTER,
  }),
  text: `Hi {{ customer.name }},

{{ business.name }} needs to move your {{ service.name }}. Your booking stays where it is until you choose.
{% if request.message %}
{{ request.message }}
{% endif %}
Booked now: {{ booking.starts_at }}

{% if request.suggestions.size > 0 %}Suggested times:
{% for time in request.suggestions %}- {{ time.starts_at }}{% if time.staff_name %} with {{ time.staff_name }}{% endif %}{% if time.link %}: {{ time.link }}{% endif %}
{% endfor %}{% endif %}
{% if links.booking %}See all times: {{ links.booking }}
{% endif %}
Please choose by {{ request.respond_by }}. If none of these work, open your booking and tell us.

${SIGN_OFF_TEXT}
`,
};

// The office's notices about its requests: what the customer did (or that nobody answered in time).
const REQUEST_SENTENCE = `{% case request.status %}{% when 'accepted' %}{{ customer.name }} accepted your reschedule request: {{ service.name }} is now on {{ booking.starts_at }}{% if staff.name %} with {{ staff.name }}{% endif %}{% if change.previous_starts_at %} (was {{ change.previous_starts_at }}){% endif %}{% when 'declined' %}{{ customer.name }} declined your reschedule request for {{ service.name }} on {{ booking.starts_at }}{% when 'expired' %}{{ customer.name }} did not answer your reschedule request for {{ service.name }} on {{ booking.starts_at }} by {{ request.respond_by }}{% endcase %}.`;

function officeRequestNotice(subject: string, title: string): EmailTemplate {
  return {
    subject: `${subject} ({{ booking.reference }})`,
    html: htmlEmail({
      preheader: REQUEST_SENTENCE,
      body: `${heading(title)}
${paragraph(REQUEST_SENTENCE)}
{% if request.response_message %}
${paragraph('{{ customer.name }} wrote: {{ request.response_message | escape | newline_to_br | raw }}')}
{% endif %}
${detailsTable([
  {
    label: 'Customer',
    value: '{{ customer.name }}<br><span style="font-size:13px;color:#6b7280;">{{ customer.email }}</span>',
  },
  { label: 'Service', value: '{{ service.name }}' },
  STAFF_ROW,
  { label: 'Time', value: '{{ booking.starts_at }}' },
  { label: 'Your message', value: '{{ request.message }}', when: 'request.message' },
  { label: 'Through', value: '{{ change.channel_label }}', when: 'change' },
  REFERENCE_ROW,
])}
{% if links.booking %}
${paragraph(link('{{ links.booking }}', 'Open the booking'))}
{% endif %}`,
      footer: "Sent by Rebook to {{ business.name }}'s notification address.",
    }),
    text: `${REQUEST_SENTENCE}
{% if request.response_message %}
{{ customer.name }} wrote: {{ request.response_message }}
{% endif %}
Customer: {{ customer.name }} <{{ customer.email }}>
Service: {{ service.name }}
{% if staff.name %}With: {{ staff.name }}
{% endif %}Time: {{ booking.starts_at }}
{% if request.message %}Your message: {{ request.message }}
{% endif %}Reference: {{ booking.reference }}
{% if links.booking %}
Open the booking: {{ links.booking }}
{% endif %}`,
  };
}

const rescheduleRequestAccepted = officeRequestNotice(
  '{{ customer.name }} picked a new time: {{ service.name }} on {{ booking.starts_at_short }}',
  'Reschedule request accepted',
);
const rescheduleRequestDeclined = officeRequestNotice(
  '{{ customer.name }} declined your reschedule request: {{ service.name }} on {{ booking.starts_at_short }}',
  'Reschedule request declined',
);
const rescheduleRequestExpired = officeRequestNotice(
  'No answer from {{ customer.name }}: {{ service.name }} on {{ booking.starts_at_short }}',
  'Reschedule request expired',
);

export const DEFAULT_TEMPLATES: Record<EmailKind, EmailTemplate> = {
  booking_confirmation: bookingConfirmation,
  booking_reminder: bookingReminder,
  booking_rescheduled: bookingRescheduled,
  booking_cancelled: bookingCancelled,
  customer_sign_in: customerSignIn,
  business_notification: businessNotification,
  email_undeliverable: emailUndeliverable,
  reschedule_request: rescheduleRequest,
  reschedule_request_accepted: rescheduleRequestAccepted,
  reschedule_request_declined: rescheduleRequestDeclined,
  reschedule_request_expired: rescheduleRequestExpired,
};
