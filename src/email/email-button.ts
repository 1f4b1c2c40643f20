export const FONT_STACK = "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

// A "bulletproof" button: the coloured cell, not the link's padding, carries the colour, because Outlook
// for Windows ignores padding and border-radius on links. The whole cell area stays clickable elsewhere.
/** `href` and `label` go in as written: escape them, or pass Liquid output that the engine escapes. */
export function buttonHtml(href: string, label: string, colour = '#1d4ed8'): string {
  return [
    '<table role="presentation" class="rb-button" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">',
    `<tr><td align="center" bgcolor="${colour}" style="border-radius:6px;background-color:${colour};">`,
    `<a href="${href}" target="_blank" rel="noopener" style="display:inline-block;padding:12px 22px;`,
    `font-family:${FONT_STACK};font-size:16px;font-weight:bold;line-height:20px;color:#ffffff;`,
    `text-decoration:none;border:1px solid ${colour};border-radius:6px;">${label}</a>`,
    '</td></tr></table>',
  ].join('');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
