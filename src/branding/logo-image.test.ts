import { describe, expect, it } from 'vitest';
import { checkLogo, LOGO_MAX_BYTES, sniffImageType } from './logo-image.js';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const webp = new TextEncoder().encode('RIFF\x24\x00\x00\x00WEBPVP8 ');
const svg = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

describe('logo images', () => {
  it('knows PNG, JPEG and WebP by their first bytes, and nothing else', () => {
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(jpeg)).toBe('image/jpeg');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(sniffImageType(svg)).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('RIFF\x24\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffImageType(png.slice(0, 7))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it('takes an image sent as what it is', () => {
    expect(checkLogo('image/png', png)).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkLogo('image/jpeg', jpeg)).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkLogo('IMAGE/WEBP; charset=binary', webp)).toEqual({ ok: true, contentType: 'image/webp' });
  });

  it('refuses a PNG sent as JPEG, an SVG, other types, an empty body and one over 512 KB', () => {
    expect(checkLogo('image/jpeg', png)).toEqual({
      ok: false,
      reason: 'unsupported',
      message: 'the body is a PNG image, not JPEG: send it as image/png',
    });
    expect(checkLogo('image/png', svg)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(checkLogo('image/svg+xml', svg)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(checkLogo('application/octet-stream', png)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(checkLogo(undefined, png)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(checkLogo('image/png', new Uint8Array())).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(checkLogo('image/png', null)).toMatchObject({ ok: false, reason: 'unsupported' });
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(png);
    expect(checkLogo('image/png', big)).toEqual({
      ok: false,
      reason: 'too_large',
      message: 'the logo must be at most 512 KB',
    });
    expect(checkLogo('image/png', big.slice(0, LOGO_MAX_BYTES))).toEqual({
      ok: true,
      contentType: 'image/png',
    });
  });
});
