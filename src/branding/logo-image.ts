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
  return { ok: true, contentType: actual };
}
