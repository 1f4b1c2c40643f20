import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockedStarts } from './busy-times.js';
import { type Interval, occupiedInterval, overlaps } from './interval.js';

const MINUTE = 60_000;

describe('blockedStarts', () => {
  const starts = [0, 30, 60, 90, 120].map((minute) => minute * MINUTE);
  const occupancy = { bufferBeforeMs: 10 * MINUTE, durationMs: 30 * MINUTE, bufferAfterMs: 15 * MINUTE };
  const at = (fromMinute: number, toMinute: number): Interval => ({
    start: fromMinute * MINUTE,
    end: toMinute * MINUTE,
  });

  it('blocks the starts whose occupied interval, buffers included, overlaps a busy interval', () => {
    // A start at s occupies [s-10, s+45): 60-70 is hit by starts 30 [20, 75) and 60 [50, 105), not 0 or 90 [80, 135).
    expect(Array.from(blockedStarts(starts, [at(60, 70)], occupancy))).toEqual([0, 1, 1, 0, 0]);
  });

  it('leaves back-to-back starts free on both sides', () => {
    // 75-80 touches the end of start 30 [20, 75) and the beginning of start 90 [80, 135).
    expect(Array.from(blockedStarts(starts, [at(75, 80)], occupancy))).toEqual([0, 0, 1, 0, 0]);
  });

  it('accepts busy intervals unsorted, overlapping, empty or inverted', () => {
    // Start 0 occupies [-10, 45): hit by -50..-9, only touched by -20..-10; start 120 [110, 165) is hit by 160..300.
    const busy = [at(160, 300), at(-50, -9), at(100, 100), at(70, 60), at(-20, -10)];
    expect(Array.from(blockedStarts(starts, busy, occupancy))).toEqual([1, 0, 0, 0, 1]);
  });

  it('agrees with checking every start against every busy interval', () => {
    const interval = fc
      .tuple(fc.integer({ min: -100, max: 400 }), fc.integer({ min: -5, max: 120 }))
      .map(([start, length]) => at(start, start + length));
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 30 })
          .map((list) => list.sort((a, b) => a - b)),
        fc.array(interval, { maxLength: 12 }),
        fc.record({
          before: fc.integer({ min: 0, max: 30 }),
          duration: fc.integer({ min: 1, max: 90 }),
          after: fc.integer({ min: 0, max: 30 }),
        }),
        (minutes, busy, { before, duration, after }) => {
          const sorted = minutes.map((minute) => minute * MINUTE);
          const expected = sorted.map((start) => {
            const occupied = occupiedInterval(start, start + duration * MINUTE, before, after);
            return busy.some((interval) => overlaps(interval, occupied)) ? 1 : 0;
          });
          const actual = blockedStarts(sorted, busy, {
            bufferBeforeMs: before * MINUTE,
            durationMs: duration * MINUTE,
            bufferAfterMs: after * MINUTE,
          });
          expect(Array.from(actual)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
