import { MS_PER_DAY, MS_PER_MINUTE, weekdayOfEpochDay } from './calendar-date.js';
import type { ZoneOffsets } from './local-time.js';
import { minutesSinceMidnight, WEEKDAYS, type Weekday, type WorkingHours } from './working-hours.js';

/** Working hours as minutes since local midnight, parsed once per request rather than once per day. */
export type DayMinutes = Record<Weekday, ReadonlyArray<{ readonly start: number; readonly end: number }>>;

export function dayMinutesOf(hours: WorkingHours): DayMinutes {
  const result = {} as Record<Weekday, Array<{ start: number; end: number }>>;
  for (const weekday of WEEKDAYS) {
    result[weekday] = hours[weekday].map((range) => ({
      start: minutesSinceMidnight(range.start),
      end: minutesSinceMidnight(range.end),
    }));
  }
  return result;
}

export interface OfferingPlan {
  zone: ZoneOffsets;
  hours: DayMinutes;
  durationMs: number;
  gridMinutes: number;
  /** Only starts in [earliest, until) are wanted: callers pass the notice and booking-window limits here. */
  earliest: number;
  until: number;
}

/**
 * Calls `visit` with every start offered on the local dates firstDay..lastDay (epoch days), ignoring busy times.
 *
 * A start is a local time T of date D on the grid, inside one of D's ranges: T >= range start, and the
 * appointment's absolute end at or before the range end. Range bounds are instants under 'compatible'
 * disambiguation; a start that falls in a spring-forward gap is never offered, and a repeated local time is
 * offered once, at its first occurrence, so a customer never sees the same time twice in one day.
 *
 * Within a stretch of constant offset, starts are plain arithmetic; a range crossing a change of offset is
 * simply walked one stretch at a time. Starts come in ascending order within a range; two ranges of one day can
 * only yield the same instant around a gap (compatible bounds), so callers sort and deduplicate when needed.
 */
export function forEachOfferedStart(
  plan: OfferingPlan,
  firstDay: number,
  lastDay: number,
  visit: (startsAt: number) => void,
): void {
  const { zone, hours, durationMs, earliest, until } = plan;
  const gridMs = plan.gridMinutes * MS_PER_MINUTE;
  for (let day = firstDay; day <= lastDay; day++) {
    const dayWall = day * MS_PER_DAY;
    const nextDayWall = dayWall + MS_PER_DAY;
    for (const range of hours[weekdayOfEpochDay(day)]) {
      const rangeStartWall = dayWall + range.start * MS_PER_MINUTE;
      const rangeStart = zone.compatibleInstantOf(rangeStartWall);
      const lastStart = zone.compatibleInstantOf(dayWall + range.end * MS_PER_MINUTE) - durationMs;
      const low = Math.max(rangeStart, earliest);
      if (lastStart < low) continue;
      for (let index = zone.indexAt(low); index < zone.periodCount; index++) {
        const period = zone.period(index);
        if (period.start > lastStart || period.start >= until) break;
        const lowestWall = Math.max(Math.max(low, period.start) + period.offsetMs, rangeStartWall);
        let wall = dayWall + Math.ceil((lowestWall - dayWall) / gridMs) * gridMs;
        for (; wall < nextDayWall; wall += gridMs) {
          const startsAt = wall - period.offsetMs;
          if (startsAt >= period.end || startsAt > lastStart || startsAt >= until) break;
          if (zone.isFirstOccurrence(wall, index)) visit(startsAt);
        }
      }
    }
  }
}
