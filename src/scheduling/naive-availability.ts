import { Temporal } from 'temporal-polyfill';
import type { Slot, SlotRules } from './availability.js';
import { overlaps } from './interval.js';
import { weekdayOf } from './working-hours.js';

const MS_PER_MINUTE = 60_000;

/**
 * A deliberately simple reference for availableSlots: every candidate converted by Temporal, every candidate
 * checked against every busy interval. Property tests and the benchmark compare the two; keep it obvious
 * rather than fast.
 */
export function naiveAvailableSlots(rules: SlotRules, fromDate: string, toDate: string): Slot[] {
  const last = Temporal.PlainDate.from(toDate);
  const slots: Slot[] = [];
  const windowEnd = Temporal.Instant.fromEpochMilliseconds(rules.now)
    .toZonedDateTimeISO(rules.timeZone)
    .add({ days: rules.bookingWindowDays }).epochMilliseconds;
  for (
    let date = Temporal.PlainDate.from(fromDate);
    Temporal.PlainDate.compare(date, last) <= 0;
    date = date.add({ days: 1 })
  ) {
    for (const range of rules.workingHours[weekdayOf(date)]) {
      // Range bounds use Temporal's default disambiguation, 'compatible'.
      const rangeStart = instantOf(date, range.start, rules.timeZone);
      const rangeEnd =
        range.end === '24:00'
          ? instantOf(date.add({ days: 1 }), '00:00', rules.timeZone)
          : instantOf(date, range.end, rules.timeZone);
      const rangeStartTime = Temporal.PlainTime.from(range.start);
      for (let minute = 0; minute < 24 * 60; minute += rules.slotIntervalMinutes) {
        const wall = date.toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
        if (Temporal.PlainTime.compare(wall.toPlainTime(), rangeStartTime) < 0) continue;
        // 'earlier' picks the first of a repeated time; a skipped time comes back as another wall time.
        const zoned = wall.toZonedDateTime(rules.timeZone, { disambiguation: 'earlier' });
        if (!zoned.toPlainDateTime().equals(wall)) continue;
        const startsAt = zoned.epochMilliseconds;
        const endsAt = startsAt + rules.durationMinutes * MS_PER_MINUTE;
        // Later wall times are later instants, so nothing after this fits the range either.
        if (endsAt > rangeEnd) break;
        if (startsAt < rangeStart) continue;
        if (startsAt < rules.now + rules.minimumNoticeMinutes * MS_PER_MINUTE) continue;
        if (startsAt >= windowEnd) continue;
        const occupied = {
          start: startsAt - rules.bufferBeforeMinutes * MS_PER_MINUTE,
          end: endsAt + rules.bufferAfterMinutes * MS_PER_MINUTE,
        };
        if (rules.mode === 'real_time' && rules.busy.some((busy) => overlaps(busy, occupied))) continue;
        slots.push({ startsAt, endsAt });
      }
    }
  }
  slots.sort((a, b) => a.startsAt - b.startsAt);
  return slots.filter((slot, index) => index === 0 || slot.startsAt !== slots[index - 1]?.startsAt);
}

function instantOf(date: Temporal.PlainDate, time: string, timeZone: string): number {
  return date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
}
