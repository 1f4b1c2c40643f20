/**
 * The calendar works in business calendar dates ("2026-12-03"). DayPicker wants Date objects, so a date is
 * carried as noon of that day in the browser's own zone: whatever zone the browser is in, it lands on the
 * right square, and noon keeps clear of daylight-saving jumps at midnight.
 */

const pad = (n: number) => String(n).padStart(2, '0');

export function dateKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function dateFromKey(key: string): Date {
  const [year, month, day] = key.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12);
}

export function firstOfMonth(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), 1, 12);
}

export function addMonths(date: Date, months: number): Date {
  return new Date(date.getFullYear(), date.getMonth() + months, 1, 12);
}

export const monthKey = (date: Date) => dateKey(firstOfMonth(date)).slice(0, 7);

/** The first and last calendar date of the month, for a slots query. */
export function monthRange(month: Date): { from: string; to: string } {
  const first = firstOfMonth(month);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0, 12);
  return { from: dateKey(first), to: dateKey(last) };
}

/** A range of `days` calendar dates starting the day after `key`. */
export function daysAfter(key: string, days: number): { from: string; to: string } {
  const start = dateFromKey(key);
  const from = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1, 12);
  const to = new Date(start.getFullYear(), start.getMonth(), start.getDate() + days, 12);
  return { from: dateKey(from), to: dateKey(to) };
}
