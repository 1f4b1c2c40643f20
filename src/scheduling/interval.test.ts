import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeIntervals, occupiedInterval, overlaps } from './interval.js';

describe('overlaps', () => {
  it('is half-open: touching intervals do not overlap', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 10, end: 20 }, { start: 0, end: 10 })).toBe(false);
    expect(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true);
    expect(overlaps({ start: 12, end: 13 }, { start: 10, end: 20 })).toBe(true);
  });

  it('never counts an empty interval as overlapping', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 5, end: 5 })).toBe(false);
    expect(overlaps({ start: 0, end: 10 }, { start: 7, end: 3 })).toBe(false);
  });
});

describe('mergeIntervals', () => {
  it('sorts, merges overlapping and touching intervals, drops empty ones, leaves the input alone', () => {
    const input = [
      { start: 30, end: 40 },
      { start: 0, end: 10 },
      { start: 10, end: 15 },
      { start: 5, end: 8 },
      { start: 50, end: 50 },
      { start: 35, end: 45 },
    ];
    const copy = structuredClone(input);
    expect(mergeIntervals(input)).toEqual([
      { start: 0, end: 15 },
      { start: 30, end: 45 },
    ]);
    expect(input).toEqual(copy);
  });

  it('covers exactly the points the input covers', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20 }))
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), (intervals) => {
        const merged = mergeIntervals(intervals);
        for (let point = 0; point <= 121; point++) {
          const covers = (list: typeof intervals) => list.some((i) => i.start <= point && point < i.end);
          expect(covers(merged)).toBe(covers(intervals));
        }
        merged.forEach((current, index) => {
          const next = merged[index + 1];
          expect(current.start).toBeLessThan(current.end);
          if (next !== undefined) expect(current.end).toBeLessThan(next.start);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('occupiedInterval', () => {
  it('adds the buffers before and after the appointment', () => {
    expect(occupiedInterval(1_000_000, 2_800_000, 10, 15)).toEqual({ start: 400_000, end: 3_700_000 });
    expect(occupiedInterval(1_000_000, 2_800_000, 0, 0)).toEqual({ start: 1_000_000, end: 2_800_000 });
  });
});
