/**
 * The business's accent colour as customers see it, kept readable: WCAG 2.x AA asks 4.5:1 between text and
 * its background. The colour is used two ways, as the background of white button text and as link text on
 * white, and both need the same ratio against white; so a colour that fails is darkened (towards black, in
 * steps of 1 %, keeping its hue) until it passes, and the lightest such shade is used. Dark text on a light
 * accent would keep the colour but make buttons and links disagree, and a portal that writes `var(--accent)`
 * would have to know which it got. Pure: shared by the server (emails, the portal's first HTML) and the pages.
 */
export const DEFAULT_ACCENT = '#1d4ed8';
export const AA_CONTRAST = 4.5;
export const ON_ACCENT = '#ffffff';

type Rgb = [number, number, number];

const channels = (hex: string): Rgb => {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1] ?? DEFAULT_ACCENT.slice(1);
  return [0, 2, 4].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as Rgb;
};

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The accent to draw with: the business's own when white text on it (and it as text on white) reaches 4.5:1,
 * else the lightest darker shade of it that does. Lower-case #rrggbb.
 */
export function readableAccent(accent: string): string {
  const rgb = channels(accent);
  for (let percent = 100; percent >= 0; percent--) {
    const shade = toHex(rgb.map((c) => (c * percent) / 100) as Rgb);
    if (contrastRatio(shade, ON_ACCENT) >= AA_CONTRAST) return shade;
  }
  return '#000000';
}
