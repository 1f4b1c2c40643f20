import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultFavicon } from './default-favicon.js';
import { sniffImageType } from './logo-image.js';

/** Reads back the pixels of the PNG the encoder wrote (one IDAT, filter 0 on every row). */
function decode(png: Buffer) {
  let at = 8;
  let width = 0;
  let data = Buffer.alloc(0);
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') width = body.readUInt32BE(0);
    if (type === 'IDAT') data = Buffer.concat([data, body]);
    at += 12 + length;
  }
  const rows = inflateSync(data);
  return (x: number, y: number) => {
    const start = y * (1 + width * 4) + 1 + x * 4;
    return [...rows.subarray(start, start + 4)];
  };
}

describe('default favicon', () => {
  it('is a 32×32 PNG in the accent colour with a white page and transparent corners', () => {
    const png = defaultFavicon('#0f766e');
    expect(sniffImageType(png)).toBe('image/png');
    expect(png.readUInt32BE(16)).toBe(32);
    expect(png.readUInt32BE(20)).toBe(32);
    const pixel = decode(png);
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(31, 31)).toEqual([0, 0, 0, 0]);
    expect(pixel(3, 16)).toEqual([0x0f, 0x76, 0x6e, 255]);
    expect(pixel(16, 11)).toEqual([255, 255, 255, 255]);
    expect(pixel(16, 18)).toEqual([0x0f, 0x76, 0x6e, 255]);
  });

  it('takes each business its own colour', () => {
    expect(decode(defaultFavicon('#1d4ed8'))(3, 16)).toEqual([0x1d, 0x4e, 0xd8, 255]);
  });
});
