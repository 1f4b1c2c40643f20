import { type Weekday, weekdayAt } from './working-hours.js';

// Calendar dates are handled as whole days since 1970-01-01 so the engine can step through them with plain
// integer arithmetic, without Temporal objects and without any dependence on the server's time zone.

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

// Proleptic Gregorian conversions after Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
export function epochDayOfCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function civilOfEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 'YYYY-MM-DD' → days since 1970-01-01; a RangeError for anything else, including 2026-02-30. */
export function epochDayOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match !== null) {
    const civil = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    const epochDay = epochDayOfCivil(civil);
    const roundTrip = civilOfEpochDay(epochDay);
    if (roundTrip.month === civil.month && roundTrip.day === civil.day) return epochDay;
  }
  throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
}

export function calendarDateOf(epochDay: number): string {
  const { year, month, day } = civilOfEpochDay(epochDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): Weekday {
  return weekdayAt((((epochDay + 3) % 7) + 7) % 7);
}

/** Every date from `fromDate` to `toDate`, both included; empty when `toDate` is before `fromDate`. */
export function datesInRange(fromDate: string, toDate: string): string[] {
  const last = epochDayOf(toDate);
  const dates: string[] = [];
  for (let day = epochDayOf(fromDate); day <= last; day++) dates.push(calendarDateOf(day));
  return dates;
}
