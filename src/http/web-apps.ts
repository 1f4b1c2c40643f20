import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App } from './app-context.js';

/** The project folder, found from this module whether it runs from src/ (tests) or dist/server/ (npm start). */
function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

export const WEB_BUILD = join(projectRoot(), 'dist', 'web');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Rebook</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem">
<h1>Not built yet</h1><p>The web pages have not been built. Run <code>npm run build</code> (or <code>npm start</code>), then reload.</p></body></html>`;

export type WebAppName = 'portal' | 'admin';

/**
 * Serves one single-page app's shell: its index.html, read once; `render` writes what this request's page
 * is told into it (the portal's language, title and bootstrap).
 */
export function webAppShell(
  name: WebAppName,
): (reply: FastifyReply, render?: (html: string) => string) => FastifyReply {
  const file = join(WEB_BUILD, name, 'index.html');
  const html = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  return (reply, render) =>
    html === undefined
      ? reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT)
      : reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(render ? render(html) : html);
}

/**
 * The built scripts and styles (content-hashed names, so cached for good; the build writes each in brotli and
 * gzip beside it, served as the request accepts), and the admin app's pages.
 */
export async function registerWebApps(app: App): Promise<void> {
  const assets = join(WEB_BUILD, 'assets');
  if (existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      wildcard: true,
      preCompressed: true,
    });
  }
  const adminShell = webAppShell('admin');
  app.get('/admin', { schema: { hide: true } }, (_request, reply) => adminShell(reply));
  app.get('/admin/*', { schema: { hide: true } }, (_request, reply) => adminShell(reply));
}
