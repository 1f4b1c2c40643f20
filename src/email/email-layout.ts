import { FONT_STACK } from './email-button.js';

// Helpers that write the Liquid source of the default HTML templates. What they return is what an admin
// sees and edits, so it is plain HTML: table layout and inline styles only (Gmail drops <style> in many
// cases, Outlook for Windows lays out with Word), no images, web fonts or other fetched assets.

const TEXT_CELL = `font-family:${FONT_STACK};`;

/** A whole HTML email around `body`. `preheader` is the line inboxes show after the subject. */
export function htmlEmail(parts: { preheader: string; body: string; footer: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>{{ business.name }}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;font-size:1px;line-height:1px;color:#f3f4f6;mso-hide:all;">${parts.preheader}&#8199;&#847;&#8199;&#847;&#8199;&#847;&#8199;&#847;&#8199;&#847;&#8199;&#847;</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
  <tr>
    <td align="center" style="padding:24px 12px;">
      <!--[if mso]><table role="presentation" width="560" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">
        <tr>
          <td style="padding:20px 28px;border-bottom:1px solid #e5e7eb;${TEXT_CELL}font-size:15px;font-weight:bold;color:#111827;">{{ business.name }}</td>
        </tr>
        <tr>
          <td style="padding:28px;${TEXT_CELL}font-size:16px;line-height:24px;color:#1f2937;">
${parts.body}
          </td>
        </tr>
      </table>
      <!--[if mso]></td></tr></table><![endif]-->
      <p style="margin:16px 0 0;max-width:560px;${TEXT_CELL}font-size:12px;line-height:18px;color:#6b7280;">${parts.footer}</p>
    </td>
  </tr>
</table>
</body>
</html>
`;
}

export function heading(text: string): string {
  return `<h1 style="margin:0 0 16px;${TEXT_CELL}font-size:22px;line-height:30px;font-weight:bold;color:#111827;">${text}</h1>`;
}

export function paragraph(text: string): string {
  return `<p style="margin:0 0 16px;">${text}</p>`;
}

export function smallPrint(text: string): string {
  return `<p style="margin:0 0 16px;font-size:14px;line-height:21px;color:#4b5563;">${text}</p>`;
}

export function link(href: string, text: string): string {
  return `<a href="${href}" target="_blank" rel="noopener" style="color:#1d4ed8;text-decoration:underline;">${text}</a>`;
}

/** A row of the details table; `when` is a Liquid condition for rows that are not always there. */
export interface DetailRow {
  label: string;
  value: string;
  when?: string;
}

export function detailsTable(rows: readonly DetailRow[]): string {
  const cell = `padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;${TEXT_CELL}`;
  const lines = rows.map(({ label, value, when }) => {
    const row = `  <tr><td width="34%" style="${cell}font-size:14px;line-height:21px;color:#6b7280;">${label}</td><td style="${cell}font-size:15px;line-height:22px;color:#111827;">${value}</td></tr>`;
    return when === undefined ? row : `  {% if ${when} %}\n${row}\n  {% endif %}`;
  });
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px;border-bottom:1px solid #e5e7eb;">
${lines.join('\n')}
</table>`;
}

/** A tinted panel that makes one time stand out, with an optional smaller line under it. */
export function timePanel(label: string, time: string, under = ''): string {
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px;">
  <tr>
    <td bgcolor="#eff6ff" style="padding:16px 20px;background-color:#eff6ff;border-left:4px solid #1d4ed8;border-radius:4px;${TEXT_CELL}">
      <div style="font-size:13px;line-height:18px;font-weight:bold;letter-spacing:0.5px;text-transform:uppercase;color:#1e40af;">${label}</div>
      <div style="font-size:20px;line-height:28px;font-weight:bold;color:#111827;">${time}</div>${under}
    </td>
  </tr>
</table>`;
}

/** The notes, escaped first and then given line breaks, so what a customer typed keeps its lines. */
export const NOTES_HTML = '{{ booking.notes | escape | newline_to_br | raw }}';
