import type { Context, Emitter, Liquid, TagToken, TopLevelToken } from 'liquidjs';
import { Tag } from 'liquidjs';
import { buttonHtml, escapeHtml } from './email-button.js';

export const RESCHEDULE_BUTTON_TEXT = 'Reschedule or change booking details';

/**
 * Where the button should point, or null when it must not appear. Read from the render's own variables
 * (`environments`), not the template's scope, so `{% assign can_reschedule = true %}` cannot bring the
 * button back for a booking that can no longer be changed.
 */
function rescheduleUrl(ctx: Context): string | null {
  const variables = ctx.environments as Record<string, unknown>;
  if (variables.can_reschedule !== true) return null;
  const links = variables.links as { booking?: unknown } | null | undefined;
  const url = links?.booking;
  if (typeof url !== 'string') return null;
  // Only web links: the URL is built by the caller, but a javascript: link in an email must never happen.
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) ? url : null;
}

/** `{% reschedule_button %}`, the same tag in every part; the engine it is registered on picks the output. */
export function rescheduleButtonTag(output: 'html' | 'text') {
  return class RescheduleButtonTag extends Tag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      if (token.args.trim() !== '') throw new Error('reschedule_button takes no arguments');
    }

    render(ctx: Context, emitter: Emitter): void {
      const url = rescheduleUrl(ctx);
      if (url === null) return;
      emitter.write(
        output === 'html'
          ? buttonHtml(escapeHtml(url), RESCHEDULE_BUTTON_TEXT)
          : `${RESCHEDULE_BUTTON_TEXT}: ${url}`,
      );
    }
  };
}
