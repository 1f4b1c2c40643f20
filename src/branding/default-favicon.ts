import { deflateSync } from 'node:zlib';

/**
 * The favicon of a business without a logo: a 32×32 PNG, a rounded square in the business's accent colour
 * with a white calendar page on it. Drawn here, not shipped as a file, so that it takes the accent colour.
 */
const SIZE = 32;

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PNG of RGBA pixels, row by row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    rows[y * (1 + width * 4)] = 0; // filter: none
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (1 + width * 4) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether a pixel lies inside the rounded square (corner radius 7). */
function inTile(x: number, y: number): boolean {
  const r = 7;
  const cx = Math.min(Math.max(x + 0.5, r), SIZE - r);
  const cy = Math.min(Math.max(y + 0.5, r), SIZE - r);
  return (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
}

/** The calendar page: an outline 8..24 × 9..25, its top band solid, and two rings above it. */
function onPage(x: number, y: number): boolean {
  const inside = x >= 8 && x < 24 && y >= 9 && y < 25;
  const border = x < 10 || x >= 22 || y >= 23 || y < 14;
  const ring = (x === 12 || x === 19) && y >= 7 && y < 11;
  return (inside && border) || ring;
}

export function defaultFavicon(accentColor: string): Buffer {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(accentColor.slice(i, i + 2), 16));
  const pixels = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const at = (y * SIZE + x) * 4;
      if (!inTile(x, y)) continue; // transparent
      pixels.set(onPage(x, y) ? [255, 255, 255, 255] : [r ?? 0, g ?? 0, b ?? 0, 255], at);
    }
  }
  return encodePng(SIZE, SIZE, pixels);
}
