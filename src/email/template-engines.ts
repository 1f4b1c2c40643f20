import { filters, Liquid } from 'liquidjs';
import { rescheduleButtonTag } from './reschedule-button.js';

// Templates are written by admins, so the engines are closed off from everything but the variables:
// no file system (include/render/layout would read files relative to the server's working directory),
// and limits so a runaway loop fails the render instead of stalling the mail worker.
function createEngine(output: 'html' | 'text'): Liquid {
  const engine = new Liquid({
    outputEscape: output === 'html' ? 'escape' : undefined,
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    parseLimit: 1_000_000,
    renderLimit: 2_000,
    memoryLimit: 50_000_000,
  });
  for (const name of ['include', 'render', 'layout']) delete engine.tags[name];
  engine.registerTag('reschedule_button', rescheduleButtonTag(output));
  if (output === 'html') {
    // With outputEscape on, `{{ x | escape }}` (a habit from other Liquid tools) would escape twice and show
    // "&amp;amp;" to the customer; marking these filters raw makes them the last escape instead.
    for (const name of ['escape', 'escape_once', 'xml_escape']) {
      const handler = filters[name];
      if (typeof handler === 'function') engine.registerFilter(name, { handler, raw: true });
    }
  }
  return engine;
}

/** Renders HTML parts: every `{{ }}` is HTML-escaped unless its last filter is `raw`. */
export const htmlEngine = createEngine('html');

/** Renders subjects and plain-text parts: nothing is escaped, `Tom & Jerry` stays as typed. */
export const textEngine = createEngine('text');
