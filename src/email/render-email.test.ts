import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import type { EmailFacts } from './email-context.js';
import { EMAIL_KINDS, type EmailKind } from './email-kind.js';
import type { EmailTemplate } from './email-template.js';
import { renderEmail, sampleFacts } from './render-email.js';

const NOW = Date.UTC(2026, 10, 27, 15);
const BOOKING_URL =
  'https://rebook.example/portal/bookings/b7e1c2d4-5f60-4a8b-9c3d-2e1f0a9b8c7d?token=sample';
const BUTTON = 'Reschedule or change booking details';
const STARTS_AT = 'Tuesday 1 December 2026, 10:00 EST';

function facts(change: (facts: EmailFacts) => void = () => {}, kind?: EmailKind): EmailFacts {
  const sample = sampleFacts(NOW, kind);
  change(sample);
  return sample;
}

function render(kind: EmailKind, change?: (facts: EmailFacts) => void) {
  return renderEmail(DEFAULT_TEMPLATES[kind], facts(change, kind));
}

const custom = (template: Partial<EmailTemplate>, change?: (facts: EmailFacts) => void) =>
  renderEmail({ subject: 'Hi', html: '', text: '', ...template }, facts(change));

describe('default templates with the sample booking', () => {
  it.each([
    ['booking_confirmation', 'Your booking is confirmed: Standard clean on Tue 1 Dec, 10:00 EST'],
    ['booking_reminder', 'Reminder: Standard clean on Tue 1 Dec, 10:00 EST'],
    ['booking_rescheduled', 'Booking rescheduled: Standard clean is now on Tue 1 Dec, 10:00 EST'],
    ['booking_cancelled', 'Booking cancelled: Standard clean on Tue 1 Dec, 10:00 EST'],
    ['customer_sign_in', 'Your sign-in link for Bright Clean Co.'],
    ['business_notification', 'Alice Moreno rescheduled Standard clean to Tue 1 Dec, 10:00 EST (B7E1C2D4)'],
    ['email_undeliverable', 'Email not delivered: Booking Reminder to alice.moreno@example.com'],
  ] as const)('%s has the subject "%s"', async (kind, subject) => {
    expect((await render(kind)).subject).toBe(subject);
  });

  it.each(EMAIL_KINDS.filter((kind) => kind !== 'customer_sign_in'))(
    '%s shows the time in both parts',
    async (kind) => {
      const { html, text } = await render(kind);
      expect(html).toContain(STARTS_AT);
      expect(text).toContain(STARTS_AT);
    },
  );

  it.each(['booking_confirmation', 'booking_reminder', 'booking_rescheduled'] as const)(
    '%s has the reschedule button while the booking can be changed',
    async (kind) => {
      const { html, text } = await render(kind);
      expect(html).toContain(`<a href="${BOOKING_URL}" target="_blank" rel="noopener"`);
      expect(html).toMatch(new RegExp(`<a href="${BOOKING_URL.replaceAll('?', '\\?')}"[^>]*>${BUTTON}</a>`));
      expect(html.split(BUTTON)).toHaveLength(2);
      expect(text).toContain(`${BUTTON}: ${BOOKING_URL}\n`);
    },
  );

  it.each(EMAIL_KINDS)('%s has no reschedule button when the booking cannot be changed', async (kind) => {
    const { html, text, subject } = await render(kind, (f) => {
      f.canReschedule = false;
    });
    expect(`${subject}${html}${text}`).not.toContain(BUTTON);
  });

  it.each(EMAIL_KINDS)('%s has no reschedule button without a booking link', async (kind) => {
    const { html, text } = await render(kind, (f) => {
      f.links.booking = null;
    });
    expect(`${html}${text}`).not.toContain(BUTTON);
  });

  it('confirmation offers the business words instead when the booking cannot be changed online', async () => {
    const { html, text } = await render('booking_confirmation', (f) => {
      f.canReschedule = false;
    });
    expect(html).toContain('To change this booking, please call us on (555) 010-4477.');
    expect(text).toContain('\nTo change this booking, please call us on (555) 010-4477.\n');
    // The booking stays one click away, to cancel or to look at.
    expect(text).toContain(`You can view and manage your booking online at any time: ${BOOKING_URL}\n`);
    // …and only then: while the customer can change it online, the note is left out of both parts.
    const changeable = await render('booking_confirmation');
    expect(`${changeable.html}${changeable.text}`).not.toContain('(555) 010-4477');
  });

  it('rescheduled shows the new time, the old one struck through, and the reason', async () => {
    const { html, text } = await render('booking_rescheduled');
    expect(html).toContain('<s>Monday 30 November 2026, 14:00 EST</s>');
    expect(html).toMatch(/>Reason<\/td><td [^>]*>Work meeting moved<\/td>/);
    expect(text).toContain(
      `When: ${STARTS_AT}\nYour time: Tuesday 1 December 2026, 09:00 CST\nPreviously: Monday 30 November 2026, 14:00 EST\nReason: Work meeting moved\n`,
    );
  });

  it('cancelled says what was cancelled and why', async () => {
    const { text } = await render('booking_cancelled');
    expect(text).toContain(
      `Was booked for: ${STARTS_AT}\nYour time: Tuesday 1 December 2026, 09:00 CST\nReason: Away that week\n`,
    );
    expect(text).not.toContain('Reschedule or change booking details');
  });

  it('the office notice of an undeliverable email names its recipient, kind, booking and last error', async () => {
    const { html, text } = await render('email_undeliverable');
    expect(text).toContain(
      'Rebook could not deliver the Booking Reminder to alice.moreno@example.com: it tried 55 times since Thursday 26 November 2026, 10:00 EST and has stopped.\n',
    );
    expect(text).toContain(
      'The mail server last answered: 550 5.1.1 <alice.moreno@example.com>: mailbox unavailable\n',
    );
    expect(text).toContain(
      `Customer: Alice Moreno <alice.moreno@example.com>\nService: Standard clean\nWith: Jordan Lee\nWhen: ${STARTS_AT}\n`,
    );
    expect(text).toContain(
      'Open the email in the Outbox: https://rebook.example/admin/outbox/3f2a9c1e-8d4b-4e7a-b6c5-1a2b3c4d5e6f\n',
    );
    expect(html).toContain('550 5.1.1 &lt;alice.moreno@example.com&gt;: mailbox unavailable');
    expect(html).toContain('href="https://rebook.example/admin/outbox/3f2a9c1e-8d4b-4e7a-b6c5-1a2b3c4d5e6f"');
  });

  it('sign-in carries the link and says what to do if it was not asked for', async () => {
    const { html, text } = await render('customer_sign_in');
    expect(html).toContain('<a href="https://rebook.example/portal/sign-in?token=sample"');
    expect(text).toContain(
      'use the button below to sign in and see your bookings.\n\nSign in: https://rebook.example/portal/sign-in?token=sample\n',
    );
    expect(text).toContain('This link is valid for a limited time.');
    expect(text).toContain('If you did not ask to sign in, you can ignore this email');
  });

  it('business notification says who changed what, when, through which channel', async () => {
    const { text } = await render('business_notification');
    expect(text).toBe(`Booking rescheduled

Alice Moreno moved Standard clean from Monday 30 November 2026, 14:00 EST to ${STARTS_AT} through an email link.

Customer: Alice Moreno <alice.moreno@example.com>
Service: Standard clean
With: Jordan Lee
When: ${STARTS_AT}
Customer's time: Tuesday 1 December 2026, 09:00 CST
Previously: Monday 30 November 2026, 14:00 EST
Reason: Work meeting moved
Changed by: Alice Moreno
Through: an email link
Changed on: Friday 27 November 2026, 10:00 EST
Reference: B7E1C2D4

Open the booking: https://rebook.example/admin/bookings/b7e1c2d4-5f60-4a8b-9c3d-2e1f0a9b8c7d

--
Bright Clean Co.
Sent by Rebook to your notification address.
`);
  });

  it('business notification of a cancellation through the portal', async () => {
    const { subject, text } = await render('business_notification', (f) => {
      f.change = {
        previousStartsAt: null,
        actor: 'customer',
        channel: 'portal',
        reason: null,
        type: 'cancelled',
      };
    });
    expect(subject).toBe('Alice Moreno cancelled Standard clean on Tue 1 Dec, 10:00 EST (B7E1C2D4)');
    expect(text.split('\n')[2]).toBe(
      `Alice Moreno cancelled Standard clean on ${STARTS_AT} through the customer portal.`,
    );
  });
});

describe('what customers type', () => {
  const hostile = '<script>alert(1)</script> {{7*7}}';

  it('is escaped in HTML, literal in text, and never evaluated', async () => {
    const { html, text } = await render('booking_confirmation', (f) => {
      f.customer.name = hostile;
    });
    expect(html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; {{7*7}}, thank you');
    expect(html).not.toContain('<script>');
    expect(text).toContain(`Hello ${hostile}, thank you`);
    expect(`${html}${text}`).not.toContain('49');
  });

  it('reads Tom & Jerry in text and subject, Tom &amp; Jerry in HTML', async () => {
    const { subject, html, text } = await render('business_notification', (f) => {
      f.customer.name = 'Tom & Jerry';
    });
    expect(subject).toBe('Tom & Jerry rescheduled Standard clean to Tue 1 Dec, 10:00 EST (B7E1C2D4)');
    expect(text).toContain('Customer: Tom & Jerry <alice.moreno@example.com>');
    expect(html).toContain('Tom &amp; Jerry moved');
    expect(html).not.toContain('Tom & Jerry');
  });

  it('cannot break the subject onto another header line', async () => {
    const { subject } = await render('business_notification', (f) => {
      f.customer.name = 'Alice\r\nBcc: everyone@example.com\n';
    });
    expect(subject).toBe(
      'Alice Bcc: everyone@example.com rescheduled Standard clean to Tue 1 Dec, 10:00 EST (B7E1C2D4)',
    );
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it('keeps the lines of notes in HTML, escaped', async () => {
    const { html } = await custom({ html: '{{ booking.notes | escape | newline_to_br | raw }}' }, (f) => {
      if (f.booking) f.booking.notes = '<b>Gate</b> code 4 & 5\nRing twice';
    });
    expect(html).toBe('&lt;b&gt;Gate&lt;/b&gt; code 4 &amp; 5<br />\nRing twice');
  });
});

describe('renderEmail', () => {
  it('renders an unknown variable as empty instead of failing', async () => {
    expect((await custom({ subject: 'Hi {{ custmer.name }}!', text: '[{{ booking.nope }}]' })).subject).toBe(
      'Hi !',
    );
  });

  it('escapes once when a template asks for | escape itself', async () => {
    const { html } = await custom({ html: '{{ customer.name | escape }}|{{ customer.name }}' }, (f) => {
      f.customer.name = 'A & B';
    });
    expect(html).toBe('A &amp; B|A &amp; B');
  });

  it('escapes the button link as an attribute, and shows it only for web links', async () => {
    const withLink = (url: string) =>
      custom({ html: '{% reschedule_button %}', text: '{% reschedule_button %}' }, (f) => {
        f.links.booking = url;
      });
    const { html, text } = await withLink('https://x.example/b?token=a&next="><script>');
    expect(html).toContain('<a href="https://x.example/b?token=a&amp;next=&quot;&gt;&lt;script&gt;" ');
    expect(text).toBe(`${BUTTON}: https://x.example/b?token=a&next="><script>\n`);
    expect(await withLink('javascript:alert(1)')).toEqual({ subject: 'Hi', html: '', text: '\n' });
  });

  it('cannot be talked into showing the button by the template', async () => {
    const { html } = await custom(
      { html: '{% assign can_reschedule = true %}{% increment can_reschedule %}{% reschedule_button %}' },
      (f) => {
        f.canReschedule = false;
      },
    );
    expect(html).toBe('0');
  });

  it('cuts a long subject to 200 characters', async () => {
    const { subject } = await custom({ subject: `${'a'.repeat(150)} {{ customer.name }}` }, (f) => {
      f.customer.name = 'b'.repeat(100);
    });
    expect(subject).toHaveLength(200);
    expect(subject).toBe(`${'a'.repeat(150)} ${'b'.repeat(48)}…`);
  });

  it('tidies the blank lines that false conditions leave in text', async () => {
    const { text } = await custom({ text: '\nA  \n{% if no %}x{% endif %}\n\n\n\nB\n\n' });
    expect(text).toBe('A\n\nB\n');
  });

  it('fails a template that would build something huge, rather than exhaust the worker', async () => {
    await expect(custom({ text: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' })).rejects.toThrow(
      'memory alloc limit exceeded',
    );
  });
});
