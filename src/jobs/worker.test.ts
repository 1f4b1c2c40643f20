import { describe, expect, it } from 'vitest';
import { backoffAfter } from './worker.js';

describe('the worker after failed ticks', () => {
  it('waits 1 s, doubling, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((failures) => backoffAfter(failures, 30_000))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});
