import type { App } from './app-context.js';

const HOME_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rebook</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 40rem; padding: 2rem 1rem; color: #1f2933; }
  h1 { font-size: 1.75rem; margin: 0 0 .5rem; }
  a { color: #0b5cad; }
  li { margin: .25rem 0; }
</style>
</head>
<body>
<main>
  <h1>Rebook</h1>
  <p>Bookings your customers can reschedule themselves.</p>
  <ul>
    <li><a href="/admin">Admin</a>: settings, bookings, availability, email templates</li>
    <li><a href="/portal">Customer Portal</a>: customers view, reschedule and cancel their bookings</li>
    <li><a href="/api/docs">API reference (OpenAPI)</a></li>
    <li><a href="/healthz">Health check</a></li>
  </ul>
</main>
</body>
</html>`;

export function registerHomePage(app: App): void {
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(HOME_PAGE),
  );
}
