import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../src/branding/default-favicon.js';
import { LOGO_MAX_BYTES } from '../src/branding/logo-image.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

// A real 4×4 PNG; a JPEG and a WebP whose headers say 4×4 (the server reads the header, and keeps the bytes
// as they came).
const png = encodePng(4, 4, new Uint8Array(4 * 4 * 4).fill(200));
const jpeg = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x04, 0x00, 0x04, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01,
  0x03, 0x11, 0x01, 0xff, 0xd9,
]);
const webp = Buffer.concat([
  Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L\x0a\x00\x00\x00\x2f', 'latin1'),
  Buffer.from([0x03, 0xc0, 0x00, 0x00]),
  Buffer.alloc(5, 1),
]);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** The contract: PUT/DELETE /settings/logo (admin) and the public GET /branding/logo; the favicon. */
describeEachDatabase('logo and favicon', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const upload = (body: Buffer | string, type?: string, auth = true) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/logo',
      payload: body,
      headers: {
        ...(type === undefined ? {} : { 'content-type': type }),
        ...(auth ? { authorization: `Bearer ${t.token}` } : {}),
      },
    });
  const publicLogo = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/v1/branding/logo', headers });
  const hasLogo = async () => (await t.api('GET', '/settings')).json().branding.hasLogo;

  it('has no logo at first: 404 problem+json, and hasLogo is false', async () => {
    const none = await publicLogo();
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(none.json()).toMatchObject({ code: 'not_found', detail: 'logo not found' });
    expect(await hasLogo()).toBe(false);
  });

  it('only the office uploads one', async () => {
    const anonymous = await upload(png, 'image/png', false);
    expect(anonymous.statusCode).toBe(401);
    expect(await hasLogo()).toBe(false);
  });

  it('serves an uploaded PNG publicly, with its type, an ETag, nosniff, and 304 when unchanged', async () => {
    const put = await upload(png, 'image/png');
    expect(put.statusCode, put.body).toBe(204);
    expect(await hasLogo()).toBe(true);

    const served = await publicLogo();
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('public, no-cache');
    expect(served.rawPayload.equals(png)).toBe(true);
    const etag = String(served.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);

    const again = await publicLogo({ 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect((await publicLogo({ 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('refuses what is not the image it claims to be, an SVG, and other types with 415; the logo stays', async () => {
    const cases: Array<[Buffer | string, string | undefined]> = [
      [png, 'image/jpeg'],
      [jpeg, 'image/png'],
      [svg, 'image/svg+xml'],
      [svg, 'image/png'],
      [png, 'application/octet-stream'],
      ['hello', 'text/plain'],
      [JSON.stringify({ logo: 'x' }), 'application/json'],
      [Buffer.alloc(0), 'image/png'],
    ];
    for (const [body, type] of cases) {
      const refused = await upload(body, type);
      expect(refused.statusCode, `${type}`).toBe(415);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json().code).toBe('unsupported_media_type');
    }
    expect((await upload(png, 'image/jpeg')).json().detail).toBe(
      'the body is a PNG image, not JPEG: send it as image/png',
    );
    expect((await publicLogo()).rawPayload.equals(png)).toBe(true);
  });

  it('refuses more than 512 KB with 413 and takes exactly 512 KB', async () => {
    const big = Buffer.alloc(LOGO_MAX_BYTES + 1);
    png.copy(big);
    const tooLarge = await upload(big, 'image/png');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('payload_too_large');
    expect((await publicLogo()).rawPayload.equals(png)).toBe(true);

    const largest = big.subarray(0, LOGO_MAX_BYTES);
    expect((await upload(largest, 'image/png')).statusCode).toBe(204);
    expect((await publicLogo()).rawPayload.length).toBe(LOGO_MAX_BYTES);
  });

  it('replaces the logo with a JPEG or a WebP, served with its own type and a new ETag', async () => {
    const before = String((await publicLogo()).headers.etag);
    expect((await upload(jpeg, 'image/jpeg')).statusCode).toBe(204);
    const asJpeg = await publicLogo();
    expect(asJpeg.headers['content-type']).toBe('image/jpeg');
    expect(asJpeg.headers.etag).not.toBe(before);
    expect((await upload(webp, 'image/webp')).statusCode).toBe(204);
    const asWebp = await publicLogo();
    expect(asWebp.headers['content-type']).toBe('image/webp');
    expect(asWebp.rawPayload.equals(webp)).toBe(true);
  });

  it('keeps hasLogo through a settings PATCH of the accent colour', async () => {
    const patched = await t.api('PATCH', '/settings', { branding: { accentColor: '#0f766e' } });
    expect(patched.json().branding).toEqual({ accentColor: '#0f766e', hasLogo: true });
  });

  it('uses the logo as favicon, and a drawn one in the accent colour without', async () => {
    const withLogo = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(withLogo.statusCode).toBe(200);
    expect(withLogo.headers['content-type']).toBe('image/webp');
    expect(withLogo.rawPayload.equals(webp)).toBe(true);

    const removed = await t.api('DELETE', '/settings/logo');
    expect(removed.statusCode).toBe(204);
    expect(await hasLogo()).toBe(false);
    expect((await publicLogo()).statusCode).toBe(404);
    expect((await t.api('DELETE', '/settings/logo')).statusCode).toBe(204);

    const drawn = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(drawn.statusCode).toBe(200);
    expect(drawn.headers['content-type']).toBe('image/png');
    expect(drawn.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    const etag = String(drawn.headers.etag);
    expect(
      (await t.app.inject({ method: 'GET', url: '/favicon.ico', headers: { 'if-none-match': etag } }))
        .statusCode,
    ).toBe(304);
    await t.api('PATCH', '/settings', { branding: { accentColor: '#b91c1c' } });
    const recoloured = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(recoloured.headers.etag).not.toBe(etag);
  });

  describe('anonymous callers', () => {
    it('cannot remove the logo', async () => {
      const response = await t.app.inject({ method: 'DELETE', url: '/api/v1/settings/logo' });
      expect(response.statusCode).toBe(401);
    });
  });
});
