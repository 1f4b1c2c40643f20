import { Temporal } from 'temporal-polyfill';
import { civilOfEpochDay, epochDayOfCivil, MS_PER_DAY, MS_PER_MINUTE } from './calendar-date.js';

// A "wall" time here is a local date and time written as if it were UTC, in epoch milliseconds:
// wall = instant + offset. Converting between the two is then arithmetic, once the zone's offsets over
// the span of interest are known. Asking Temporal for every candidate start would be exact but slow.
// The offsets themselves come from Temporal's list of transitions, so both always agree.

interface YearOffsets {
  /** The offset just before 00:00 UTC on 1 January. */
  readonly offsetBefore: number;
  /** Changes of offset during the UTC year, in order: the instant and the offset from then on. */
  readonly transitions: ReadonlyArray<{ readonly at: number; readonly offsetMs: number }>;
}

// Asking Temporal for a zone's transitions costs tens of microseconds and a lot of garbage, on every request,
// for the same few answers. Time zone rules do not change while the process runs, so a year's answer is kept;
// a bounded number of years, oldest dropped first, so the cache cannot grow without limit.
const YEAR_CACHE_LIMIT = 512;
const yearCache = new Map<string, YearOffsets>();

function yearOffsets(timeZone: string, year: number): YearOffsets {
  const key = `${year} ${timeZone}`;
  const cached = yearCache.get(key);
  if (cached !== undefined) return cached;
  const yearStart = epochDayOfCivil({ year, month: 1, day: 1 }) * MS_PER_DAY;
  const nextYearStart = epochDayOfCivil({ year: year + 1, month: 1, day: 1 }) * MS_PER_DAY;
  // From just before the year, so that a change exactly at 00:00 UTC on 1 January (common in the early
  // 1900s) is listed as a transition of this year rather than silently folded into its starting offset.
  let zoned = Temporal.Instant.fromEpochMilliseconds(yearStart - 1).toZonedDateTimeISO(timeZone);
  const offsetBefore = zoned.offsetNanoseconds / 1e6;
  const transitions: Array<{ at: number; offsetMs: number }> = [];
  for (;;) {
    const transition = zoned.getTimeZoneTransition('next');
    if (transition === null || transition.epochMilliseconds >= nextYearStart) break;
    transitions.push({ at: transition.epochMilliseconds, offsetMs: transition.offsetNanoseconds / 1e6 });
    zoned = transition;
  }
  const computed = { offsetBefore, transitions };
  if (yearCache.size >= YEAR_CACHE_LIMIT) {
    const oldest = yearCache.keys().next();
    if (oldest.done !== true) yearCache.delete(oldest.value);
  }
  yearCache.set(key, computed);
  return computed;
}

function utcYearOf(instant: number): number {
  return civilOfEpochDay(Math.floor(instant / MS_PER_DAY)).year;
}

/** One stretch of constant UTC offset, instants [start, end). */
interface OffsetPeriod {
  readonly start: number;
  readonly end: number;
  readonly offsetMs: number;
  /** Local times at or after this were never shown on the clock before this period began. */
  readonly freshFromWall: number;
}

/** The UTC offsets of one IANA zone over a bounded span of days. */
export class ZoneOffsets {
  private constructor(
    readonly timeZone: string,
    private readonly periods: readonly OffsetPeriod[],
  ) {}

  /**
   * Offsets covering every local time from the start of `firstDay` to the end of `lastDay` (epoch days).
   * Offsets are under a day in magnitude, so those instants lie within the scanned span; the first and last
   * periods are treated as unbounded because nothing outside the span is ever asked.
   */
  static covering(timeZone: string, firstDay: number, lastDay: number): ZoneOffsets {
    const scanFrom = (firstDay - 2) * MS_PER_DAY;
    const scanUntil = (lastDay + 3) * MS_PER_DAY;
    const starts = [Number.NEGATIVE_INFINITY];
    const offsets: number[] = [];
    for (let year = utcYearOf(scanFrom); year <= utcYearOf(scanUntil - 1); year++) {
      const yearly = yearOffsets(timeZone, year);
      if (offsets.length === 0) offsets.push(yearly.offsetBefore);
      for (const transition of yearly.transitions) {
        if (transition.at <= scanFrom) offsets[0] = transition.offsetMs;
        else if (transition.at < scanUntil) {
          starts.push(transition.at);
          offsets.push(transition.offsetMs);
        }
      }
    }
    const periods: OffsetPeriod[] = [];
    let latestWallSoFar = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i] ?? Number.NEGATIVE_INFINITY;
      const end = starts[i + 1] ?? Number.POSITIVE_INFINITY;
      const offsetMs = offsets[i] ?? 0;
      periods.push({ start, end, offsetMs, freshFromWall: latestWallSoFar });
      latestWallSoFar = Math.max(latestWallSoFar, end + offsetMs);
    }
    return new ZoneOffsets(timeZone, periods);
  }

  get periodCount(): number {
    return this.periods.length;
  }

  period(index: number): OffsetPeriod {
    const period = this.periods[index];
    if (period === undefined) throw new RangeError(`no offset period ${index}`);
    return period;
  }

  indexAt(instant: number): number {
    let low = 0;
    let high = this.periods.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.period(middle).start <= instant) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  offsetAt(instant: number): number {
    return this.period(this.indexAt(instant)).offsetMs;
  }

  /**
   * Whether `wall`, read in period `index`, is the first time the clock shows it. After a fall-back the clock
   * repeats an hour; only its first occurrence counts as that local time.
   */
  isFirstOccurrence(wall: number, index: number): boolean {
    const period = this.period(index);
    if (wall >= period.freshFromWall) return true;
    for (let earlier = 0; earlier < index; earlier++) {
      const { start, end, offsetMs } = this.period(earlier);
      if (wall >= start + offsetMs && wall < end + offsetMs) return false;
    }
    return true;
  }

  /** The first instant the clock shows `wall`, or null when the clock skips it (a spring-forward gap). */
  firstInstantOf(wall: number): number | null {
    for (let index = 0; index < this.periods.length; index++) {
      const { start, end, offsetMs } = this.period(index);
      const instant = wall - offsetMs;
      if (instant >= start && instant < end) return instant;
    }
    return null;
  }

  /**
   * `wall` as an instant with Temporal's 'compatible' disambiguation (RFC 5545's rule): a repeated time is its
   * first occurrence, a skipped time is pushed forward by the length of the gap.
   */
  compatibleInstantOf(wall: number): number {
    const first = this.firstInstantOf(wall);
    if (first !== null) return first;
    // Gaps are rare; let Temporal apply its exact rule rather than re-deriving it.
    const epochDay = Math.floor(wall / MS_PER_DAY);
    const { year, month, day } = civilOfEpochDay(epochDay);
    const minutes = Math.floor((wall - epochDay * MS_PER_DAY) / MS_PER_MINUTE);
    return new Temporal.PlainDateTime(
      year,
      month,
      day,
      Math.floor(minutes / 60),
      minutes % 60,
    ).toZonedDateTime(this.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
  }
}
