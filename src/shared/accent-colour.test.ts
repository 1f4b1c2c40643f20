import { describe, expect, it } from 'vitest';
import { AA_CONTRAST, contrastRatio, ON_ACCENT, readableAccent, relativeLuminance } from './accent-colour.js';

describe('accent colour', () => {
  it('measures contrast as WCAG does', () => {
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    // Figures WebAIM's checker gives for these pairs.
    expect(contrastRatio('#1d4ed8', '#ffffff')).toBeCloseTo(6.7, 1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('keeps a colour white text reads well on', () => {
    expect(readableAccent('#1d4ed8')).toBe('#1d4ed8');
    expect(readableAccent('#0F766E')).toBe('#0f766e');
    expect(readableAccent('#000000')).toBe('#000000');
  });

  it('darkens one that fails 4.5:1 to the lightest shade of it that passes', () => {
    for (const light of ['#facc15', '#38bdf8', '#ffffff', '#777777', '#22c55e', '#f472b6']) {
      const shade = readableAccent(light);
      expect(shade, light).not.toBe(light);
      expect(contrastRatio(shade, ON_ACCENT), light).toBeGreaterThanOrEqual(AA_CONTRAST);
      // Only as dark as it must be: a 1 % step is worth well under 0.3 of contrast.
      expect(contrastRatio(shade, ON_ACCENT), light).toBeLessThan(AA_CONTRAST + 0.3);
    }
    // #767676 is the lightest grey known to pass on white.
    expect(readableAccent('#777777')).toBe('#767676');
  });
});
