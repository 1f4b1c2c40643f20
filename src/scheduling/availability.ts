import { Temporal } from 'temporal-polyfill';
import { BusyTimes } from './busy-times.js';
import { epochDayOf, MS_PER_DAY, MS_PER_MINUTE } from './calendar-date.js';
import { type Interval, occupiedInterval, overlaps } from './interval.js';
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
  /** How far ahead of `now` a start may be, >= 1. */
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
    until: rules.now + rules.bookingWindowDays * MS_PER_DAY,
  };
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
  const durationMs = rules.durationMinutes * MS_PER_MINUTE;
  // Starts lie within a day of the UTC days asked for (offsets are under a day), and within the limits.
  const reach = {
    start: Math.max(limits.earliest, (firstDay - 1) * MS_PER_DAY) - rules.bufferBeforeMinutes * MS_PER_MINUTE,
    end: Math.min(limits.until, (lastDay + 2) * MS_PER_DAY) + durationMs + rules.bufferAfterMinutes * MS_PER_MINUTE,
  };
  const busy = rules.mode === 'real_time' ? new BusyTimes(rules.busy, reach) : null;
  const slots: Slot[] = [];
  let ascending = true;
  forEachOfferedStart(planFor(rules, zone, limits), firstDay, lastDay, (startsAt) => {
    const endsAt = startsAt + durationMs;
    if (busy !== null && !busy.isFree(occupiedOf(rules, startsAt, endsAt))) return;
    const previous = slots[slots.length - 1];
    if (previous !== undefined && startsAt <= previous.startsAt) ascending = false;
    slots.push({ startsAt, endsAt });
  });
  return ascending ? slots : sortedUnique(slots);
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
  if (rules.mode === 'real_time') {
    // One question does not repay sorting the busy list.
    const occupied = occupiedOf(rules, slot.startsAt, slot.endsAt);
    if (rules.busy.some((busy) => overlaps(busy, occupied))) return { ok: false, code: 'slot_unavailable' };
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

function occupiedOf(rules: SlotRules, startsAt: number, endsAt: number): Interval {
  return occupiedInterval(startsAt, endsAt, rules.bufferBeforeMinutes, rules.bufferAfterMinutes);
}

function sortedUnique(slots: Slot[]): Slot[] {
  const sorted = [...slots].sort((a, b) => a.startsAt - b.startsAt);
  return sorted.filter((slot, index) => index === 0 || slot.startsAt !== sorted[index - 1]?.startsAt);
}
