import type { Context, Emitter, Liquid, TagToken, TopLevelToken } from 'liquidjs';
import { Tag } from 'liquidjs';
import { isLanguage, type Language } from '../i18n/languages.js';
import { buttonHtml, escapeHtml } from './email-button.js';
import { EMAIL_CATALOGUES } from './email-words.js';

/** The element's words per language (the contract fixes them); English is the contract's first. */
export const RESCHEDULE_BUTTON_TEXT = EMAIL_CATALOGUES.en.reschedule;

export function rescheduleButtonText(language: Language): string {
  return EMAIL_CATALOGUES[language].reschedule;
}

/**
 * Where the button should point, or null when it must not appear. Read from the render's own variables
 * (`environments`), not the template's scope, so `{% assign can_reschedule = true %}` cannot bring the
 * button back for a booking that can no longer be changed.
 */
function rescheduleUrl(variables: Record<string, unknown>): string | null {
  if (variables.can_reschedule !== true) return null;
  const links = variables.links as { booking?: unknown } | null | undefined;
  const url = links?.booking;
  if (typeof url !== 'string') return null;
  // Only web links: the URL is built by the caller, but a javascript: link in an email must never happen.
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) ? url : null;
}

/** The accent colour, only as #RRGGBB (it lands in an attribute and a style). */
function accentOf(variables: Record<string, unknown>): string {
  const business = variables.business as { accent_color?: unknown } | null | undefined;
  const colour = business?.accent_color;
  return typeof colour === 'string' && /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#1d4ed8';
}

/** `{% reschedule_button %}`, the same tag in every part; the engine it is registered on picks the output. */
export function rescheduleButtonTag(output: 'html' | 'text') {
  return class RescheduleButtonTag extends Tag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      if (token.args.trim() !== '') throw new Error('reschedule_button takes no arguments');
    }

    render(ctx: Context, emitter: Emitter): void {
      const variables = ctx.environments as Record<string, unknown>;
      const url = rescheduleUrl(variables);
      if (url === null) return;
      const label = rescheduleButtonText(isLanguage(variables.language) ? variables.language : 'en');
      emitter.write(
        output === 'html'
          ? buttonHtml(escapeHtml(url), escapeHtml(label), accentOf(variables))
          : `${label}: ${url}`,
      );
    }
  };
}
