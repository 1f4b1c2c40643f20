import type { Language } from '../i18n/languages.js';
import type { EmailCatalogue } from '../i18n/locales/en/email.js';
import { buttonHtml, FONT_STACK } from './email-button.js';
import type { EmailTemplate } from './email-template.js';
import { EMAIL_CATALOGUES } from './email-words.js';
import {
  literalHtml,
  literalText,
  mergeFieldsOf,
  mergeHtml,
  mergePlain,
  onlyMergeFields,
} from './merge-text.js';
import type { Block } from './template-blocks.js';

/** A blocks template as stored: its subject line (text with merge fields) and its blocks. */
export interface BlocksTemplate {
  subject: string;
  blocks: readonly Block[];
}

/** The accent colour as Liquid: the business's, or Rebook's blue before one is set. */
export const ACCENT = "{{ business.accent_color | default: '#1d4ed8' }}";

const TEXT = `font-family:${FONT_STACK};`;
const TABLE = 'role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"';

/** One block, both ways: HTML (Liquid) and plain text (Liquid), each ending with its own spacing. */
interface Compiled {
  html: string;
  text: string;
}

// A text block that is only merge fields, and a note with any, disappears when its fields are all empty
// (e.g. the note with `{{ booking.change_help }}` in an email where the customer can change the booking online).
function whenFilled(text: string, compiled: Compiled, note = false): Compiled {
  if (!(note ? mergeFieldsOf(text).length > 0 : onlyMergeFields(text))) return compiled;
  const condition = mergeFieldsOf(text).join(' or ');
  return {
    html: `{% if ${condition} %}${compiled.html}{% endif %}`,
    text: `{% if ${condition} %}${compiled.text}{% endif %}`,
  };
}

interface DetailRow {
  label: { html: string; text: string };
  html: string;
  text: string;
  /** A Liquid condition for a row that is not always there. */
  when?: string;
  /** Drawn as a warning (the office's overlaps row). */
  warn?: boolean;
}

function detailRows(catalogue: EmailCatalogue, audience: 'customer' | 'office'): DetailRow[] {
  const d = catalogue.details;
  const words = (text: string) => ({ html: literalHtml(text), text: literalText(text) });
  const cancelled = "{% if booking.status == 'cancelled' %}";
  const whenLabel = {
    html: `${cancelled}${literalHtml(d.wasBookedFor)}{% else %}${literalHtml(d.when)}{% endif %}`,
    text: `${cancelled}${literalText(d.wasBookedFor)}{% else %}${literalText(d.when)}{% endif %}`,
  };
  const theirTime = audience === 'office' ? d.customerTime : d.yourTime;
  const rows: DetailRow[] = [];
  if (audience === 'office')
    rows.push({
      label: words(d.customer),
      html: '{{ customer.name }}<br><span class="rb-muted" style="font-size:13px;color:#4b5563;">{{ customer.email }}</span>',
      text: '{{ customer.name }} <{{ customer.email }}>',
    });
  rows.push(
    { label: words(d.service), html: '{{ service.name }}', text: '{{ service.name }}' },
    { label: words(d.with), html: '{{ staff.name }}', text: '{{ staff.name }}', when: 'staff.name' },
    {
      label: whenLabel,
      html: `{{ booking.starts_at }}{% if booking.starts_at_customer %}<br><span class="rb-muted" style="font-size:13px;color:#4b5563;">${literalHtml(theirTime)}: {{ booking.starts_at_customer }}</span>{% endif %}`,
      text: `{{ booking.starts_at }}{% if booking.starts_at_customer %}\n${literalText(theirTime)}: {{ booking.starts_at_customer }}{% endif %}`,
    },
    {
      label: words(d.previously),
      html: '<s>{{ change.previous_starts_at }}</s>',
      text: '{{ change.previous_starts_at }}',
      when: "change.type == 'rescheduled' and change.previous_starts_at",
    },
    {
      label: words(d.reason),
      html: '{{ change.reason }}',
      text: '{{ change.reason }}',
      when: 'change.reason',
    },
  );
  if (audience === 'office')
    rows.push(
      {
        label: words(d.changedBy),
        html: '{{ change.actor_name }}',
        text: '{{ change.actor_name }}',
        when: 'change',
      },
      {
        label: words(d.through),
        html: '{{ change.channel_label }}',
        text: '{{ change.channel_label }}',
        when: 'change',
      },
      { label: words(d.changedAt), html: '{{ change.at }}', text: '{{ change.at }}', when: 'change' },
      {
        label: words(d.overlaps),
        html: '{{ change.conflict_list }}',
        text: '{{ change.conflict_list }}',
        when: 'change.conflict_list',
        warn: true,
      },
    );
  else
    rows.push({ label: words(d.duration), html: '{{ booking.duration }}', text: '{{ booking.duration }}' });
  if (audience === 'office')
    rows.push({
      label: words(d.yourMessage),
      html: '{{ request.message }}',
      text: '{{ request.message }}',
      when: 'request.message',
    });
  rows.push({ label: words(d.reference), html: '{{ booking.reference }}', text: '{{ booking.reference }}' });
  if (audience === 'customer')
    rows.push({
      label: words(d.notes),
      // Escaped first, then given line breaks, so what a customer typed keeps its lines.
      html: '{{ booking.notes | escape | newline_to_br | raw }}',
      text: '{{ booking.notes }}',
      when: 'booking.notes',
    });
  return rows;
}

function detailsBlock(catalogue: EmailCatalogue, audience: 'customer' | 'office'): Compiled {
  const cell = `padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;${TEXT}`;
  const rows = detailRows(catalogue, audience);
  const htmlRows = rows.map((row) => {
    const value = row.warn
      ? `<td bgcolor="#fef3c7" class="rb-warn" style="${cell}padding-left:8px;padding-right:8px;background-color:#fef3c7;font-size:15px;line-height:22px;font-weight:bold;color:#78350f;">${row.html}</td>`
      : `<td class="rb-text" style="${cell}font-size:15px;line-height:22px;color:#111827;">${row.html}</td>`;
    const html = `<tr><td width="150" class="rb-muted" style="${cell}width:150px;padding-right:12px;font-size:14px;line-height:21px;color:#4b5563;">${row.label.html}</td>${value}</tr>`;
    return row.when ? `{% if ${row.when} %}${html}{% endif %}` : html;
  });
  const textRows = rows.map((row) => {
    const line = `${row.label.text}: ${row.text}\n`;
    return row.when ? `{% if ${row.when} %}${line}{% endif %}` : line;
  });
  // The customer can always reach their booking from here (to cancel, say), whether or not it may be moved.
  const online =
    audience === 'customer'
      ? {
          html: `{% if links.booking %}<p class="rb-muted" style="margin:-8px 0 24px;${TEXT}font-size:14px;line-height:21px;color:#4b5563;">${literalHtml(catalogue.details.manageOnline)} <a href="{{ links.booking }}" target="_blank" rel="noopener" style="color:${ACCENT};text-decoration:underline;">${literalHtml(catalogue.details.openBooking)}</a></p>\n{% endif %}`,
          text: `{% if links.booking %}${literalText(catalogue.details.manageOnline)} {{ links.booking }}\n\n{% endif %}`,
        }
      : { html: '', text: '' };
  return {
    html: `{% if booking %}<table ${TABLE} style="margin:0 0 24px;border-bottom:1px solid #e5e7eb;">\n${htmlRows.join('\n')}\n</table>\n${online.html}{% endif %}`,
    text: `{% if booking %}${textRows.join('')}\n${online.text}{% endif %}`,
  };
}

function linkButton(words: string, link: string): Compiled {
  return {
    html: `{% if ${link} %}${buttonHtml(`{{ ${link} }}`, literalHtml(words), ACCENT)}\n{% endif %}`,
    text: `{% if ${link} %}${literalText(words)}: {{ ${link} }}\n\n{% endif %}`,
  };
}

function compileBlock(block: Block, words: EmailCatalogue): Compiled {
  switch (block.type) {
    case 'heading':
      return whenFilled(block.text, {
        html: `<h1 class="rb-text" style="margin:0 0 16px;${TEXT}font-size:22px;line-height:30px;font-weight:bold;color:#111827;">${mergeHtml(block.text)}</h1>\n`,
        text: `${mergePlain(block.text)}\n\n`,
      });
    case 'paragraph':
      return whenFilled(block.text, {
        html: `<p class="rb-text" style="margin:0 0 16px;${TEXT}font-size:16px;line-height:24px;color:#1f2937;">${mergeHtml(block.text)}</p>\n`,
        text: `${mergePlain(block.text)}\n\n`,
      });
    case 'note':
      return whenFilled(
        block.text,
        {
          html: `<table ${TABLE} style="margin:0 0 24px;"><tr><td bgcolor="#f3f4f6" class="rb-note" style="padding:14px 18px;background-color:#f3f4f6;border-left:4px solid ${ACCENT};${TEXT}font-size:14px;line-height:21px;color:#374151;">${mergeHtml(block.text)}</td></tr></table>\n`,
          text: `${mergePlain(block.text)}\n\n`,
        },
        true,
      );
    case 'booking_details':
      return detailsBlock(words, block.audience);
    case 'reschedule_button':
      // The tag draws the button in the email's language, and nothing when the booking can no longer change.
      return { html: '{% reschedule_button %}\n', text: '{% reschedule_button %}\n\n' };
    case 'calendar_buttons': {
      const link = (href: string, label: string) =>
        `<a href="{{ ${href} }}" target="_blank" rel="noopener" style="color:${ACCENT};text-decoration:underline;font-weight:bold;">${literalHtml(label)}</a>`;
      return {
        html: `{% if links.google_calendar %}<p class="rb-text" style="margin:0 0 24px;${TEXT}font-size:14px;line-height:21px;color:#1f2937;">${link('links.google_calendar', words.calendar.google)} &nbsp;·&nbsp; ${link('links.outlook_calendar', words.calendar.outlook)}</p>\n{% endif %}`,
        text: `{% if links.google_calendar %}${literalText(words.calendar.google)}: {{ links.google_calendar }}\n${literalText(words.calendar.outlook)}: {{ links.outlook_calendar }}\n\n{% endif %}`,
      };
    }
    case 'suggested_times': {
      const r = words.request;
      return {
        html: `{% if request.suggestions.size > 0 %}<p class="rb-text" style="margin:0 0 8px;${TEXT}font-size:16px;line-height:24px;font-weight:bold;color:#1f2937;">${literalHtml(r.suggested)}</p>\n{% for time in request.suggestions %}{% if time.link %}${buttonHtml('{{ time.link }}', '{{ time.label }}', ACCENT)}\n{% endif %}{% endfor %}{% endif %}{% if links.booking %}<p class="rb-text" style="margin:0 0 16px;${TEXT}font-size:15px;line-height:22px;color:#1f2937;"><a href="{{ links.booking }}" target="_blank" rel="noopener" style="color:${ACCENT};text-decoration:underline;">${literalHtml(r.seeAll)}</a></p>\n{% endif %}`,
        text: `{% if request.suggestions.size > 0 %}${literalText(r.suggested)}:\n{% for time in request.suggestions %}- {{ time.label }}{% if time.link %}: {{ time.link }}{% endif %}\n{% endfor %}\n{% endif %}{% if links.booking %}${literalText(r.seeAll)}: {{ links.booking }}\n\n{% endif %}`,
      };
    }
    case 'button':
      return linkButton(block.text, block.link);
    case 'footer':
      return {
        html: `<p class="rb-muted" style="margin:24px 0 0;padding-top:16px;border-top:1px solid #e5e7eb;${TEXT}font-size:12px;line-height:18px;color:#4b5563;"><strong>{{ business.name }}</strong>{% if business.contact_phone %} &nbsp;·&nbsp; <a href="{{ business.phone_link }}" style="color:#4b5563;text-decoration:underline;">{{ business.contact_phone }}</a>{% endif %}<br>\n${mergeHtml(block.text)}</p>\n`,
        text: `-- \n{{ business.name }}{% if business.contact_phone %}\n{{ business.contact_phone }}{% endif %}\n${mergePlain(block.text)}\n`,
      };
  }
}

/** The page around the blocks: a 600-pixel card in tables, every width an attribute, styles inline. */
function shell(language: Language, preheader: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${language}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>{{ business.name }}</title>
<style>
@media (prefers-color-scheme: dark) {
  .rb-page { background-color: #111827 !important; }
  .rb-card, .rb-head { background-color: #1f2937 !important; }
  .rb-text { color: #f9fafb !important; }
  .rb-muted { color: #d1d5db !important; }
  .rb-note { background-color: #374151 !important; color: #f9fafb !important; }
}
</style>
</head>
<body class="rb-page" style="margin:0;padding:0;background-color:#f3f4f6;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;font-size:1px;line-height:1px;color:#f3f4f6;mso-hide:all;">${preheader}&#8199;&#847;&#8199;&#847;&#8199;&#847;&#8199;&#847;&#8199;&#847;&#8199;&#847;</div>
<table ${TABLE} bgcolor="#f3f4f6" class="rb-page" style="background-color:#f3f4f6;">
<tr>
<td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table ${TABLE} bgcolor="#ffffff" class="rb-card" style="max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">
<tr>
<td bgcolor="#ffffff" class="rb-head" style="padding:18px 28px;border-top:4px solid ${ACCENT};border-bottom:1px solid #e5e7eb;${TEXT}font-size:16px;line-height:22px;font-weight:bold;color:#111827;">{% if business.logo_url %}<img src="{{ business.logo_url }}" alt="{{ business.name }}" height="40" style="display:block;height:40px;width:auto;border:0;">{% else %}<span class="rb-text" style="color:#111827;">{{ business.name }}</span>{% endif %}</td>
</tr>
<tr>
<td bgcolor="#ffffff" class="rb-card" style="padding:28px;${TEXT}font-size:16px;line-height:24px;color:#1f2937;">
${body}</td>
</tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td>
</tr>
</table>
</body>
</html>
`;
}

/** The HTML and plain text of one block, for the tests that pin each kind. */
export function compileBlockParts(block: Block, language: Language): Compiled {
  return compileBlock(block, EMAIL_CATALOGUES[language]);
}

/**
 * Blocks to Liquid, both parts at once: whatever a block says, it says in the HTML and in the text, and a
 * block left out is in neither. Pure; the result renders through the same engines as an HTML-mode template.
 */
export function compileBlocks(template: BlocksTemplate, language: Language): EmailTemplate {
  const words = EMAIL_CATALOGUES[language];
  const parts = template.blocks.map((block) => compileBlock(block, words));
  const firstParagraph = template.blocks.find((block) => block.type === 'paragraph');
  const preheader = firstParagraph ? mergeHtml(firstParagraph.text, ' ') : '';
  return {
    subject: mergePlain(template.subject),
    html: shell(language, preheader, parts.map((part) => part.html).join('')),
    text: parts.map((part) => part.text).join(''),
  };
}
