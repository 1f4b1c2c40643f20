import type { Interval } from './interval.js';

/** How long a slot keeps its staff member busy around its start, in ms. */
export interface Occupancy {
  bufferBeforeMs: number;
  durationMs: number;
  bufferAfterMs: number;
}

/**
 * For each of the ascending `starts`, whether a slot starting there would occupy time that overlaps a busy
 * interval (half-open, so back-to-back is free).
 *
 * Each busy interval blocks one contiguous run of the sorted starts, found by binary search, so the busy list is
 * neither sorted nor merged: the cost is O(busy × log starts + starts), whatever the order and overlap of the
 * busy intervals. The runs are added up in a difference array rather than marked one start at a time, so long
 * blocked events covering many starts cost no more than short ones.
 */
export function blockedStarts(
  starts: readonly number[],
  busy: readonly Interval[],
  { bufferBeforeMs, durationMs, bufferAfterMs }: Occupancy,
): Uint8Array {
  const runs = new Int32Array(starts.length + 1);
  for (const { start, end } of busy) {
    if (!(start < end)) continue;
    // [s - before, s + duration + after) overlaps [start, end)  ⇔  start - duration - after < s < end + before
    const first = firstIndexAbove(starts, start - durationMs - bufferAfterMs);
    const stop = firstIndexAtOrAbove(starts, end + bufferBeforeMs);
    if (first < stop) {
      runs[first] = (runs[first] ?? 0) + 1;
      runs[stop] = (runs[stop] ?? 0) - 1;
    }
  }
  const blocked = new Uint8Array(starts.length);
  let covering = 0;
  for (let i = 0; i < starts.length; i++) {
    covering += runs[i] ?? 0;
    blocked[i] = covering > 0 ? 1 : 0;
  }
  return blocked;
}

function firstIndexAbove(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function firstIndexAtOrAbove(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
