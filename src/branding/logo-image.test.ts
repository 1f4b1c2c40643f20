import { describe, expect, it } from 'vitest';
import { encodePng } from './default-favicon.js';
import { checkLogo, imageSize, LOGO_MAX_BYTES, sniffImageType } from './logo-image.js';

const png = encodePng(3, 2, new Uint8Array(3 * 2 * 4).fill(200));
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
    expect(sniffImageType(png.subarray(0, 7))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it("reads the size from each type's header, and finds none in a bare signature", () => {
    expect(imageSize(png, 'image/png')).toEqual({ width: 3, height: 2 });
    expect(imageSize(jpeg, 'image/jpeg')).toEqual({ width: 4, height: 4 });
    expect(imageSize(webp, 'image/webp')).toEqual({ width: 4, height: 4 });
    const vp8x = Buffer.concat([
      Buffer.from('RIFF\x16\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00', 'latin1'),
      Buffer.from([0, 0, 0, 0, 0x7f, 0x02, 0, 0xdf, 0x01, 0]),
    ]);
    expect(imageSize(vp8x, 'image/webp')).toEqual({ width: 640, height: 480 });
    expect(imageSize(png.subarray(0, 8), 'image/png')).toBeNull();
    expect(imageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg')).toBeNull();
    expect(imageSize(Buffer.from('RIFF\x04\x00\x00\x00WEBP', 'latin1'), 'image/webp')).toBeNull();
    expect(checkLogo('image/png', png.subarray(0, 8))).toEqual({
      ok: false,
      reason: 'unsupported',
      message:
        'the body is not a complete PNG image (its header gives no size): send the logo as a PNG, JPEG or WebP image (image/png, image/jpeg or image/webp)',
    });
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
