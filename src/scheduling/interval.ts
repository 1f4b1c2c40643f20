/** Epoch milliseconds, half-open [start, end): an interval ending when another starts does not overlap it. */
export interface Interval {
  start: number;
  end: number;
}

const MS_PER_MINUTE = 60_000;

/** Set semantics: an empty (or inverted) interval overlaps nothing, so a zero-length blocked event never blocks. */
export function overlaps(a: Interval, b: Interval): boolean {
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

/** Sorted by start, disjoint; touching intervals merge and empty ones are dropped. Does not modify the input. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((interval) => interval.start < interval.end)
    .map((interval) => ({ start: interval.start, end: interval.end }))
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

// The time a booking keeps its staff member busy: the appointment plus its buffers.
export function occupiedInterval(
  startsAt: number,
  endsAt: number,
  bufferBeforeMinutes: number,
  bufferAfterMinutes: number,
): Interval {
  return {
    start: startsAt - bufferBeforeMinutes * MS_PER_MINUTE,
    end: endsAt + bufferAfterMinutes * MS_PER_MINUTE,
  };
}
