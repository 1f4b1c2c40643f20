import { Temporal } from 'temporal-polyfill';
import { blockedStarts, type Occupancy } from './busy-times.js';
import { epochDayOf, MS_PER_DAY, MS_PER_MINUTE } from './calendar-date.js';
import type { Interval } from './interval.js';
import { ZoneOffsets } from './local-time.js';
import { dayMinutesOf, forEachOfferedStart, type OfferingPlan } from './offered-starts.js';
import type { WorkingHours } from './working-hours.js';

export { datesInRange } from './calendar-date.js';

/** 'real_time': existing bookings and blocked events are taken into account; 'working_hours': only opening hours. */
export type AvailabilityMode = 'real_time' | 'working_hours';

export interface SlotRules {
  /** IANA zone of the business. */
  timeZone: string;
  workingHours: WorkingHours;
  /** Service duration, >= 1. */
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Grid step for start times, counted from local midnight, 5..240. */
  slotIntervalMinutes: number;
  /**
   * How far ahead of `now` a start may be, in calendar days of the business zone (>= 1): up to the same wall
   * time that many days later, so a window across a DST change is not an hour short or long.
   */
  bookingWindowDays: number;
  minimumNoticeMinutes: number;
  /** Epoch ms. */
  now: number;
  mode: AvailabilityMode;
  /**
   * Occupied intervals of the staff member's other confirmed bookings (already including their buffers) and
   * blocked events; unsorted, may overlap; ignored in 'working_hours' mode. Leave out the booking being moved.
   */
  busy: readonly Interval[];
}

/** Epoch ms. */
export interface Slot {
  startsAt: number;
  endsAt: number;
}

export type SlotRefusal =
  | 'minimum_notice'
  | 'outside_booking_window'
  | 'outside_working_hours'
  | 'slot_unavailable';
export type SlotCheck = { ok: true; slot: Slot } | { ok: false; code: SlotRefusal };

interface Limits {
  earliest: number;
  until: number;
}

function limitsOf(rules: SlotRules): Limits {
  return {
    earliest: rules.now + rules.minimumNoticeMinutes * MS_PER_MINUTE,
    until: bookingWindowEnd(rules.now, rules.bookingWindowDays, rules.timeZone),
  };
}

/** The instant `days` calendar days after `now` in `timeZone`, at the same wall time ('compatible'). */
export function bookingWindowEnd(now: number, days: number, timeZone: string): number {
  const today = Math.floor(now / MS_PER_DAY);
  const wall = now + ZoneOffsets.covering(timeZone, today, today).offsetAt(now) + days * MS_PER_DAY;
  const thatDay = Math.floor(wall / MS_PER_DAY);
  return ZoneOffsets.covering(timeZone, thatDay, thatDay).compatibleInstantOf(wall);
}

function planFor(rules: SlotRules, zone: ZoneOffsets, limits: Limits): OfferingPlan {
  return {
    zone,
    hours: dayMinutesOf(rules.workingHours),
    durationMs: rules.durationMinutes * MS_PER_MINUTE,
    gridMinutes: rules.slotIntervalMinutes,
    earliest: limits.earliest,
    until: limits.until,
  };
}

/**
 * The bookable slots starting on the business-zone dates fromDate..toDate ('YYYY-MM-DD', inclusive),
 * sorted ascending and unique.
 */
export function availableSlots(rules: SlotRules, fromDate: string, toDate: string): Slot[] {
  const limits = limitsOf(rules);
  // A local date is within a day of the UTC date of the same instant, so dates far outside the bookable span
  // are skipped without converting anything: asking for years of dates costs no more than the booking window.
  const firstDay = Math.max(epochDayOf(fromDate), Math.floor(limits.earliest / MS_PER_DAY) - 1);
  const lastDay = Math.min(epochDayOf(toDate), Math.floor(limits.until / MS_PER_DAY) + 1);
  if (firstDay > lastDay || !(limits.earliest < limits.until)) return [];

  const zone = ZoneOffsets.covering(rules.timeZone, firstDay, lastDay);
  const starts: number[] = [];
  let ascending = true;
  forEachOfferedStart(planFor(rules, zone, limits), firstDay, lastDay, (startsAt) => {
    const previous = starts[starts.length - 1];
    if (previous !== undefined && startsAt <= previous) ascending = false;
    starts.push(startsAt);
  });
  const offered = ascending ? starts : [...new Set(starts)].sort((a, b) => a - b);

  const durationMs = rules.durationMinutes * MS_PER_MINUTE;
  const blocked = rules.mode === 'real_time' ? blockedStarts(offered, rules.busy, occupancyOf(rules)) : null;
  const slots: Slot[] = [];
  offered.forEach((startsAt, index) => {
    if (blocked?.[index] !== 1) slots.push({ startsAt, endsAt: startsAt + durationMs });
  });
  return slots;
}

/**
 * Is this exact start bookable under the rules? For the moment of a write: the answer agrees with
 * availableSlots for the start's local date. Refusals are checked in the order of SlotRefusal.
 */
export function checkSlot(rules: SlotRules, startsAt: number): SlotCheck {
  const limits = limitsOf(rules);
  if (startsAt < limits.earliest) return { ok: false, code: 'minimum_notice' };
  if (!(startsAt < limits.until)) return { ok: false, code: 'outside_booking_window' };

  const utcDay = Math.floor(startsAt / MS_PER_DAY);
  const zone = ZoneOffsets.covering(rules.timeZone, utcDay - 1, utcDay + 1);
  const localDay = Math.floor((startsAt + zone.offsetAt(startsAt)) / MS_PER_DAY);
  // Asking only for starts in [startsAt, startsAt + 1) turns the slot list into a membership test.
  const onlyThisStart = { earliest: startsAt, until: startsAt + 1 };
  let offered = false;
  forEachOfferedStart(planFor(rules, zone, onlyThisStart), localDay, localDay, (candidate) => {
    if (candidate === startsAt) offered = true;
  });
  if (!offered) return { ok: false, code: 'outside_working_hours' };

  const slot = { startsAt, endsAt: startsAt + rules.durationMinutes * MS_PER_MINUTE };
  if (rules.mode === 'real_time' && blockedStarts([startsAt], rules.busy, occupancyOf(rules))[0] === 1) {
    return { ok: false, code: 'slot_unavailable' };
  }
  return { ok: true, slot };
}

/** The business-zone calendar date ('YYYY-MM-DD') of an instant (epoch ms, an integer). */
export function localDateOf(instant: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

function occupancyOf(rules: SlotRules): Occupancy {
  return {
    bufferBeforeMs: rules.bufferBeforeMinutes * MS_PER_MINUTE,
    durationMs: rules.durationMinutes * MS_PER_MINUTE,
    bufferAfterMs: rules.bufferAfterMinutes * MS_PER_MINUTE,
  };
}
