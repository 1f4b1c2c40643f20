import type { App } from './app-context.js';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers every response carries: no framing (clickjacking), no MIME sniffing, and no Referer leaving the
 * portal, whose URLs may hold a booking link's token on the first request.
 */
export function installSecurityHeaders(app: App): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    const isPortal = request.url.startsWith('/portal') || request.url.startsWith('/api/v1/portal');
    reply.header('referrer-policy', isPortal ? 'no-referrer' : 'same-origin');
    // A customer's booking must not linger in shared caches or the back-forward cache of a shared computer.
    if (isPortal) reply.header('cache-control', 'no-store');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  });
}
