import { describe, expect, it } from 'vitest';
import { BusyTimes } from './busy-times.js';

describe('BusyTimes', () => {
  const busy = new BusyTimes([
    { start: 300, end: 400 },
    { start: 100, end: 200 },
    { start: 150, end: 250 },
    { start: 500, end: 500 },
  ]);
  const cases: Array<[number, number, boolean]> = [
    [0, 100, true],
    [0, 101, false],
    [240, 260, false],
    [250, 300, true],
    [399, 450, false],
    [400, 1000, true],
    // Out of order: the answer must not depend on earlier questions.
    [120, 130, false],
    [0, 100, true],
    [260, 310, false],
    [260, 300, true],
  ];

  it('answers in any order, half-open, with an empty busy interval blocking nothing', () => {
    expect(cases.map(([start, end]) => busy.isFree({ start, end }))).toEqual(cases.map(([, , free]) => free));
  });

  it('treats an empty question as free', () => {
    expect(busy.isFree({ start: 150, end: 150 })).toBe(true);
  });

  it('is free everywhere with no busy intervals', () => {
    expect(new BusyTimes([]).isFree({ start: 0, end: 1e15 })).toBe(true);
  });
});
