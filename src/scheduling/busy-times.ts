import { type Interval, mergeIntervals, overlaps } from './interval.js';

/**
 * A staff member's busy intervals, merged, answering "is this interval free?" in amortised constant time when
 * asked in ascending order (the engine's order), falling back to a binary search when asked out of order.
 */
export class BusyTimes {
  private readonly merged: Interval[];
  /** Index of the first merged interval that ends after the start of the last question. */
  private cursor = 0;

  /** Only busy intervals overlapping `relevant` are kept: a year of bookings costs a scan, not a sort. */
  constructor(busy: readonly Interval[], relevant: Interval = { start: -Infinity, end: Infinity }) {
    this.merged = mergeIntervals(busy.filter((interval) => overlaps(interval, relevant)));
  }

  isFree(interval: Interval): boolean {
    if (!(interval.start < interval.end)) return true;
    const previous = this.merged[this.cursor - 1];
    if (previous !== undefined && previous.end > interval.start) {
      this.cursor = this.firstEndingAfter(interval.start);
    }
    let candidate = this.merged[this.cursor];
    while (candidate !== undefined && candidate.end <= interval.start) {
      this.cursor++;
      candidate = this.merged[this.cursor];
    }
    return candidate === undefined || candidate.start >= interval.end;
  }

  /** Merged intervals are disjoint and sorted, so their ends are sorted too. */
  private firstEndingAfter(instant: number): number {
    let low = 0;
    let high = this.merged.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const interval = this.merged[middle];
      if (interval !== undefined && interval.end <= instant) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
