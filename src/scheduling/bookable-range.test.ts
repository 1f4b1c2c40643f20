import { describe, expect, it } from 'vitest';
import { bookableRange, checkBookableInstant } from './bookable-range.js';

const at = (iso: string) => Date.parse(iso);

describe('bookableRange', () => {
  it('reaches one calendar year back and five ahead, in UTC', () => {
    expect(bookableRange(at('2026-12-01T08:00:00Z'))).toEqual({
      earliest: at('2025-12-01T08:00:00Z'),
      latest: at('2031-12-01T08:00:00Z'),
    });
  });

  it('moves 29 February to the 28th in a year without one', () => {
    expect(bookableRange(at('2028-02-29T23:30:00Z'))).toEqual({
      earliest: at('2027-02-28T23:30:00Z'),
      latest: at('2033-02-28T23:30:00Z'),
    });
  });
});

describe('checkBookableInstant', () => {
  const now = at('2026-12-01T08:00:00Z');

  it('accepts both bounds and everything between', () => {
    expect(checkBookableInstant(at('2025-12-01T08:00:00Z'), now)).toEqual({ ok: true });
    expect(checkBookableInstant(now, now)).toEqual({ ok: true });
    expect(checkBookableInstant(at('2031-12-01T08:00:00Z'), now)).toEqual({ ok: true });
  });

  it('refuses a millisecond beyond either bound, saying what the bounds are', () => {
    expect(checkBookableInstant(at('2025-12-01T07:59:59.999Z'), now)).toEqual({
      ok: false,
      message:
        'must lie within 1 year before and 5 years after now (2025-12-01T08:00:00.000Z to 2031-12-01T08:00:00.000Z)',
    });
    expect(checkBookableInstant(at('2031-12-01T08:00:00.001Z'), now).ok).toBe(false);
    expect(checkBookableInstant(at('9999-12-31T23:59:59Z'), now).ok).toBe(false);
    expect(checkBookableInstant(at('0001-01-01T00:00:00Z'), now).ok).toBe(false);
  });
});
