/**
 * What a business may upload as its logo, decided from the bytes themselves: a PNG, JPEG or WebP image of at
 * most 512 KB whose first bytes say it is the type it was sent as. Never SVG (a script can hide in one) nor
 * anything a browser might sniff into something else. Pure: no I/O.
 */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export const LOGO_MAX_BYTES = 512 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes are (by their magic numbers), or null when they are none of ours. */
export function sniffImageType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 65536 + u16be(b, at + 2);

/**
 * The width and height an image's header gives, or null when the header is missing or says nothing: a body
 * that is only the magic number would be stored and then shown as a broken image in every email.
 */
export function imageSize(bytes: Uint8Array, type: LogoType): { width: number; height: number } | null {
  const size = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : null);
  switch (type) {
    case 'image/png':
      // The first chunk is IHDR: its width and height follow its length and name.
      return startsWith(bytes, ascii('IHDR'), 12) && bytes.length >= 24
        ? size(u32be(bytes, 16), u32be(bytes, 20))
        : null;
    case 'image/jpeg': {
      // Walk the segments to the frame header (SOF0–SOF15, but DHT, JPG and DAC, which share the range).
      for (let at = 2; at + 9 <= bytes.length; at += 2 + u16be(bytes, at + 2)) {
        if (bytes[at] !== 0xff) return null;
        const marker = bytes[at + 1] ?? 0;
        if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
          return size(u16be(bytes, at + 7), u16be(bytes, at + 5));
        }
        if (marker === 0xda || marker === 0xd9) return null; // the image data began with no frame header
      }
      return null;
    }
    case 'image/webp':
      if (startsWith(bytes, ascii('VP8 '), 12) && bytes.length >= 30) {
        return size(u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff);
      }
      if (startsWith(bytes, ascii('VP8L'), 12) && bytes.length >= 25 && bytes[20] === 0x2f) {
        const bits = u16le(bytes, 21) | ((bytes[23] ?? 0) << 16) | ((bytes[24] ?? 0) << 24);
        return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
      }
      if (startsWith(bytes, ascii('VP8X'), 12) && bytes.length >= 30) {
        return size(u24le(bytes, 24) + 1, u24le(bytes, 27) + 1);
      }
      return null;
  }
}

const NAMES: Record<LogoType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };
const ACCEPTED = 'send the logo as a PNG, JPEG or WebP image (image/png, image/jpeg or image/webp)';

export type LogoCheck =
  | { ok: true; contentType: LogoType }
  | { ok: false; reason: 'unsupported' | 'too_large'; message: string };

/** Whether `bytes`, sent as `declaredType` (the Content-Type, parameters ignored), may be the logo. */
export function checkLogo(declaredType: string | undefined, bytes: Uint8Array | null): LogoCheck {
  const declared = (declaredType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(LOGO_TYPES as readonly string[]).includes(declared)) {
    return { ok: false, reason: 'unsupported', message: ACCEPTED };
  }
  if (bytes === null || bytes.length === 0) {
    return { ok: false, reason: 'unsupported', message: `the body is empty: ${ACCEPTED}` };
  }
  if (bytes.length > LOGO_MAX_BYTES) {
    return { ok: false, reason: 'too_large', message: 'the logo must be at most 512 KB' };
  }
  const actual = sniffImageType(bytes);
  if (actual !== declared) {
    const name = NAMES[declared as LogoType];
    return {
      ok: false,
      reason: 'unsupported',
      message:
        actual === null
          ? `the body is not a ${name} image: ${ACCEPTED}`
          : `the body is a ${NAMES[actual]} image, not ${name}: send it as ${actual}`,
    };
  }
  if (imageSize(bytes, actual) === null) {
    return {
      ok: false,
      reason: 'unsupported',
      message: `the body is not a complete ${NAMES[actual]} image (its header gives no size): ${ACCEPTED}`,
    };
  }
  return { ok: true, contentType: actual };
}
