import { describe, expect, it } from 'vitest';
import { compileBlockParts, compileBlocks } from './compile-blocks.js';
import { DEFAULT_TEMPLATES, defaultBlocks } from './default-templates.js';
import { EMAIL_KINDS } from './email-kind.js';
import { renderEmail, sampleFacts } from './render-email.js';
import type { Block } from './template-blocks.js';

const NOW = Date.UTC(2026, 10, 27, 15);

/** Each block kind's HTML and text, pinned: a change to either shows here first. */
describe('compileBlockParts, one block kind at a time', () => {
  it('heading', () => {
    expect(
      compileBlockParts({ type: 'heading', text: 'Hi {{ customer.name }} <3' }, 'en'),
    ).toMatchInlineSnapshot(`
      {
        "html": "<h1 class="rb-text" style="margin:0 0 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:22px;line-height:30px;font-weight:bold;color:#111827;">Hi {{ customer.name }} &lt;3</h1>
      ",
        "text": "Hi {{ customer.name }} <3

      ",
      }
    `);
  });
  it('paragraph: words escaped, braces inert, lines kept', () => {
    expect(
      compileBlockParts(
        { type: 'paragraph', text: 'Dear {{ customer.name }},\nsee {% you %} & {{ soon' },
        'en',
      ),
    ).toMatchInlineSnapshot(`
      {
        "html": "<p class="rb-text" style="margin:0 0 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:24px;color:#1f2937;">Dear {{ customer.name }},<br>
      see &#123;% you %&#125; &amp; &#123;&#123; soon</p>
      ",
        "text": "Dear {{ customer.name }},
      see {{ "{" }}% you %{{ "}" }} & {{ "{" }}{{ "{" }} soon

      ",
      }
    `);
  });
  it('paragraph of merge fields only: left out when they are empty', () => {
    expect(
      compileBlockParts({ type: 'paragraph', text: '{{ change.reason }}' }, 'en'),
    ).toMatchInlineSnapshot(`
      {
        "html": "{% if change.reason %}<p class="rb-text" style="margin:0 0 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:24px;color:#1f2937;">{{ change.reason }}</p>
      {% endif %}",
        "text": "{% if change.reason %}{{ change.reason }}

      {% endif %}",
      }
    `);
  });
  it('booking details for the customer', () => {
    expect(compileBlockParts({ type: 'booking_details', audience: 'customer' }, 'en')).toMatchInlineSnapshot(`
      {
        "html": "{% if booking %}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px;border-bottom:1px solid #e5e7eb;">
      <tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Service</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ service.name }}</td></tr>
      {% if staff.name %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">With</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ staff.name }}</td></tr>{% endif %}
      <tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">{% if booking.status == 'cancelled' %}Was booked for{% else %}When{% endif %}</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ booking.starts_at }}{% if booking.starts_at_customer %}<br><span class="rb-muted" style="font-size:13px;color:#4b5563;">Your time: {{ booking.starts_at_customer }}</span>{% endif %}</td></tr>
      {% if change.type == 'rescheduled' and change.previous_starts_at %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Previously</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;"><s>{{ change.previous_starts_at }}</s></td></tr>{% endif %}
      {% if change.reason %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Reason</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ change.reason }}</td></tr>{% endif %}
      <tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Duration</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ booking.duration }}</td></tr>
      <tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Reference</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ booking.reference }}</td></tr>
      {% if booking.notes %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Notes</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ booking.notes | escape | newline_to_br | raw }}</td></tr>{% endif %}
      </table>
      {% if links.booking %}<p class="rb-muted" style="margin:-8px 0 24px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:14px;line-height:21px;color:#4b5563;">You can view and manage your booking online at any time: <a href="{{ links.booking }}" target="_blank" rel="noopener" style="color:{{ business.accent_color | default: '#1d4ed8' }};text-decoration:underline;">open your booking</a></p>
      {% endif %}{% endif %}",
        "text": "{% if booking %}Service: {{ service.name }}
      {% if staff.name %}With: {{ staff.name }}
      {% endif %}{% if booking.status == 'cancelled' %}Was booked for{% else %}When{% endif %}: {{ booking.starts_at }}{% if booking.starts_at_customer %}
      Your time: {{ booking.starts_at_customer }}{% endif %}
      {% if change.type == 'rescheduled' and change.previous_starts_at %}Previously: {{ change.previous_starts_at }}
      {% endif %}{% if change.reason %}Reason: {{ change.reason }}
      {% endif %}Duration: {{ booking.duration }}
      Reference: {{ booking.reference }}
      {% if booking.notes %}Notes: {{ booking.notes }}
      {% endif %}
      {% if links.booking %}You can view and manage your booking online at any time: {{ links.booking }}

      {% endif %}{% endif %}",
      }
    `);
  });
  it('booking details for the office', () => {
    expect(compileBlockParts({ type: 'booking_details', audience: 'office' }, 'en')).toMatchInlineSnapshot(`
      {
        "html": "{% if booking %}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px;border-bottom:1px solid #e5e7eb;">
      <tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Customer</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ customer.name }}<br><span class="rb-muted" style="font-size:13px;color:#4b5563;">{{ customer.email }}</span></td></tr>
      <tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Service</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ service.name }}</td></tr>
      {% if staff.name %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">With</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ staff.name }}</td></tr>{% endif %}
      <tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">{% if booking.status == 'cancelled' %}Was booked for{% else %}When{% endif %}</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ booking.starts_at }}{% if booking.starts_at_customer %}<br><span class="rb-muted" style="font-size:13px;color:#4b5563;">Customer&#39;s time: {{ booking.starts_at_customer }}</span>{% endif %}</td></tr>
      {% if change.type == 'rescheduled' and change.previous_starts_at %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Previously</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;"><s>{{ change.previous_starts_at }}</s></td></tr>{% endif %}
      {% if change.reason %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Reason</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ change.reason }}</td></tr>{% endif %}
      {% if change %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Changed by</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ change.actor_name }}</td></tr>{% endif %}
      {% if change %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Through</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ change.channel_label }}</td></tr>{% endif %}
      {% if change %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Changed on</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ change.at }}</td></tr>{% endif %}
      {% if change.conflict_list %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Overlaps</td><td bgcolor="#fef3c7" class="rb-warn" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;padding-left:8px;padding-right:8px;background-color:#fef3c7;font-size:15px;line-height:22px;font-weight:bold;color:#78350f;">{{ change.conflict_list }}</td></tr>{% endif %}
      {% if request.message %}<tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Your message</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ request.message }}</td></tr>{% endif %}
      <tr><td width="150" class="rb-muted" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">Reference</td><td class="rb-text" style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#111827;">{{ booking.reference }}</td></tr>
      </table>
      {% endif %}",
        "text": "{% if booking %}Customer: {{ customer.name }} <{{ customer.email }}>
      Service: {{ service.name }}
      {% if staff.name %}With: {{ staff.name }}
      {% endif %}{% if booking.status == 'cancelled' %}Was booked for{% else %}When{% endif %}: {{ booking.starts_at }}{% if booking.starts_at_customer %}
      Customer's time: {{ booking.starts_at_customer }}{% endif %}
      {% if change.type == 'rescheduled' and change.previous_starts_at %}Previously: {{ change.previous_starts_at }}
      {% endif %}{% if change.reason %}Reason: {{ change.reason }}
      {% endif %}{% if change %}Changed by: {{ change.actor_name }}
      {% endif %}{% if change %}Through: {{ change.channel_label }}
      {% endif %}{% if change %}Changed on: {{ change.at }}
      {% endif %}{% if change.conflict_list %}Overlaps: {{ change.conflict_list }}
      {% endif %}{% if request.message %}Your message: {{ request.message }}
      {% endif %}Reference: {{ booking.reference }}

      {% endif %}",
      }
    `);
  });
  it('the Reschedule or change booking details element', () => {
    expect(compileBlockParts({ type: 'reschedule_button' }, 'en')).toMatchInlineSnapshot(`
      {
        "html": "{% reschedule_button %}
      ",
        "text": "{% reschedule_button %}

      ",
      }
    `);
  });
  it('calendar buttons', () => {
    expect(compileBlockParts({ type: 'calendar_buttons' }, 'en')).toMatchInlineSnapshot(`
      {
        "html": "{% if links.google_calendar %}<p class="rb-text" style="margin:0 0 24px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:14px;line-height:21px;color:#1f2937;"><a href="{{ links.google_calendar }}" target="_blank" rel="noopener" style="color:{{ business.accent_color | default: '#1d4ed8' }};text-decoration:underline;font-weight:bold;">Add to Google Calendar</a> &nbsp;·&nbsp; <a href="{{ links.outlook_calendar }}" target="_blank" rel="noopener" style="color:{{ business.accent_color | default: '#1d4ed8' }};text-decoration:underline;font-weight:bold;">Add to Outlook</a></p>
      {% endif %}",
        "text": "{% if links.google_calendar %}Add to Google Calendar: {{ links.google_calendar }}
      Add to Outlook: {{ links.outlook_calendar }}

      {% endif %}",
      }
    `);
  });
  it('button', () => {
    expect(
      compileBlockParts({ type: 'button', text: 'Sign in', link: 'links.sign_in' }, 'en'),
    ).toMatchInlineSnapshot(`
      {
        "html": "{% if links.sign_in %}<table role="presentation" class="rb-button" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;"><tr><td align="center" bgcolor="{{ business.accent_color | default: '#1d4ed8' }}" style="border-radius:6px;background-color:{{ business.accent_color | default: '#1d4ed8' }};"><a href="{{ links.sign_in }}" target="_blank" rel="noopener" style="display:inline-block;padding:12px 22px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;font-weight:bold;line-height:20px;color:#ffffff;text-decoration:none;border:1px solid {{ business.accent_color | default: '#1d4ed8' }};border-radius:6px;">Sign in</a></td></tr></table>
      {% endif %}",
        "text": "{% if links.sign_in %}Sign in: {{ links.sign_in }}

      {% endif %}",
      }
    `);
  });
  it('note: left out when its merge fields are empty', () => {
    expect(
      compileBlockParts({ type: 'note', text: 'Call {{ business.contact_phone }}' }, 'en'),
    ).toMatchInlineSnapshot(`
      {
        "html": "{% if business.contact_phone %}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px;"><tr><td bgcolor="#f3f4f6" class="rb-note" style="padding:14px 18px;background-color:#f3f4f6;border-left:4px solid {{ business.accent_color | default: '#1d4ed8' }};font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:14px;line-height:21px;color:#374151;">Call {{ business.contact_phone }}</td></tr></table>
      {% endif %}",
        "text": "{% if business.contact_phone %}Call {{ business.contact_phone }}

      {% endif %}",
      }
    `);
  });
  it('business footer', () => {
    expect(compileBlockParts({ type: 'footer', text: 'Thanks!' }, 'en')).toMatchInlineSnapshot(`
      {
        "html": "<p class="rb-muted" style="margin:24px 0 0;padding-top:16px;border-top:1px solid #e5e7eb;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:12px;line-height:18px;color:#4b5563;"><strong>{{ business.name }}</strong>{% if business.contact_phone %} &nbsp;·&nbsp; <a href="{{ business.phone_link }}" style="color:#4b5563;text-decoration:underline;">{{ business.contact_phone }}</a>{% endif %}<br>
      Thanks!</p>
      ",
        "text": "-- 
      {{ business.name }}{% if business.contact_phone %}
      {{ business.contact_phone }}{% endif %}
      Thanks!
      ",
      }
    `);
  });
});

describe('compileBlocks', () => {
  const confirmation = defaultBlocks('booking_confirmation', 'en');
  const without = (blocks: readonly Block[], type: Block['type']) => blocks.filter((b) => b.type !== type);

  it('takes a removed Reschedule element out of the HTML and the text at once', async () => {
    const withButton = compileBlocks(confirmation, 'en');
    const withoutButton = compileBlocks(
      { ...confirmation, blocks: without(confirmation.blocks, 'reschedule_button') },
      'en',
    );
    expect(withButton.html).toContain('{% reschedule_button %}');
    expect(withButton.text).toContain('{% reschedule_button %}');
    expect(withoutButton.html).not.toContain('reschedule_button');
    expect(withoutButton.text).not.toContain('reschedule_button');
    const rendered = await renderEmail(withoutButton, sampleFacts(NOW, 'booking_confirmation'));
    expect(`${rendered.html}${rendered.text}`).not.toContain('Reschedule or change booking details');
  });

  it('writes the language on the HTML root', () => {
    for (const language of ['en', 'es', 'fr', 'de'] as const)
      expect(compileBlocks(confirmation, language).html).toContain(`<html lang="${language}"`);
  });
});

/**
 * What Outlook for Windows (Word's renderer), Gmail (drops or scopes <style>) and dark mode need of the
 * compiled layout, checked over every default template as rendered.
 */
describe.each(EMAIL_KINDS)('the %s email in mail clients', (kind) => {
  const rendered = renderEmail(DEFAULT_TEMPLATES[kind], sampleFacts(NOW, kind));

  it('fetches nothing and styles inline: no external CSS, no scripts, no web fonts', async () => {
    const { html } = await rendered;
    expect(html).not.toMatch(/<link\b|<script\b|@import|@font-face|url\(/i);
  });

  it('lays out with tables whose widths are attributes, so it holds without any <style>', async () => {
    const { html } = await rendered;
    // The only <style> is the dark-mode colours; none of it is layout.
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(styles).toHaveLength(1);
    expect(styles[0]).toMatch(/^\s*@media \(prefers-color-scheme: dark\)/);
    expect(styles[0]).not.toMatch(/width|display|float|padding|margin|position/);
    for (const table of html.match(/<table\b[^>]*>/g) ?? []) {
      expect(table).toMatch(/ role="presentation"/);
      expect(table).toMatch(/ cellpadding="0" cellspacing="0" border="0"/);
      // A button's table is as wide as its label; every other one says its width.
      if (!table.includes('class="rb-button"')) expect(table).toMatch(/ width="(100%|600)"/);
    }
    // Outlook ignores max-width: a fixed 600-pixel table in a conditional comment holds the column instead.
    expect(html).toContain('<!--[if mso]><table role="presentation" width="600"');
    expect(html).not.toMatch(/<div[^>]*style="(?:[^"]*;)?\s*width:/);
  });

  it('gives every coloured cell its background as an attribute too, and dark-mode colours by class', async () => {
    const { html } = await rendered;
    for (const cell of html.match(/<td\b[^>]*background-color:[^>]*>/g) ?? [])
      expect(cell).toMatch(/ bgcolor="#[0-9a-f]{6}"/i);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/class="rb-card"/);
  });

  it('has a plain-text part that reads on its own', async () => {
    const { text } = await rendered;
    // No markup or entities (an address in <angle brackets> is how plain text writes one).
    expect(text).not.toMatch(/<[a-z][^>@]*>|&[a-z]+;|\{\{|\{%/i);
    expect(text).not.toMatch(/\n{3,}/);
    expect(text.trim().length).toBeGreaterThan(100);
  });
});
