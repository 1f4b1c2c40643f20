import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WEB_BUILD } from '../src/http/web-apps.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

/** Issue 10, "fast first page": compressed scripts, styles and answers; hashed files cached for good. */
describeEachDatabase('compression and caching', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  // `npm test` builds the pages before it runs the tests.
  const portalAssets = () => {
    const html = readFileSync(join(WEB_BUILD, 'portal', 'index.html'), 'utf8');
    return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  };

  it('sends each of the portal page’s scripts and styles in brotli or gzip, as asked, and cached for good', async () => {
    const assets = portalAssets();
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const url of assets) {
      const plain = await t.app.inject({ method: 'GET', url });
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

      const br = await t.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload), url).toBe(true);
      // A chunk of a few hundred bytes cannot halve (the format's own overhead); every one still shrinks.
      expect(br.rawPayload.length).toBeLessThan(
        plain.rawPayload.length / (plain.rawPayload.length > 2048 ? 2 : 1),
      );

      const gzip = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload), url).toBe(true);
    }
  });

  it('compresses API answers too, and never a page for a client that did not ask', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.app.inject({ method: 'GET', url: '/api/docs', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('keeps pages themselves out of caches: their HTML names the business and the booking of the moment', async () => {
    for (const url of ['/portal', '/portal/sign-in', '/admin']) {
      const page = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-store');
    }
  });
});
