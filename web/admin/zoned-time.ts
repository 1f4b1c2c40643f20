import { formatClock, localDate, zoneAbbreviation } from '../shared/business-time';

/**
 * Calendar arithmetic in the business time zone. Dates are "YYYY-MM-DD" strings and are moved as calendar
 * days, never as 24-hour steps, so a DST change cannot shift a day by an hour.
 */

const parts = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = parts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    parts.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(epochMs: number, timeZone: string): number {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    values.year ?? 1970,
    (values.month ?? 1) - 1,
    values.day ?? 1,
    values.hour ?? 0,
    values.minute ?? 0,
    values.second ?? 0,
  );
  return wall - (epochMs - (epochMs % 1000));
}

/**
 * The instant a wall-clock time on a date in a zone names. When the clock repeats (autumn) the earlier one;
 * when it skips (spring) the time an hour later, as a clock on the wall would show it.
 */
export function instantFromLocal(date: string, time: string, timeZone: string): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = wall - offsetAt(wall - 43_200_000, timeZone);
  const after = wall - offsetAt(wall + 43_200_000, timeZone);
  const valid = [before, after].filter((candidate) => offsetAt(candidate, timeZone) === wall - candidate);
  return new Date(valid.length > 0 ? Math.min(...valid) : before).toISOString();
}

export function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function startOfWeek(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

export function todayIn(timeZone: string): string {
  return localDate(new Date().toISOString(), timeZone);
}

/** Minutes since local midnight of an instant in a zone. */
export function minuteOfDay(iso: string, timeZone: string): number {
  const [hour = 0, minute = 0] = formatClock(iso, timeZone).split(':').map(Number);
  return hour * 60 + minute;
}

export function minutesOf(time: string): number {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return hour * 60 + minute;
}

const shortFormats = new Map<string, Intl.DateTimeFormat>();
function shortFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = shortFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    shortFormats.set(timeZone, format);
  }
  return format;
}

/** "Tue 1 Dec 10:00": how the history and lists write a time in the business zone. */
export function shortDateTime(iso: string, timeZone: string): string {
  const values: Record<string, string> = {};
  for (const part of shortFormatter(timeZone).formatToParts(new Date(iso))) values[part.type] = part.value;
  return `${values.weekday} ${values.day} ${values.month} ${values.hour}:${values.minute}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function datePart(timeZone: string, style: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${timeZone}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: style,
      day: 'numeric',
      month: style,
      year: 'numeric',
    });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Built from parts, not format(): browsers' CLDR versions differ ("Thursday, 10 December" in Chromium, "Thursday
 * 10 December" in Node), and the admin must write dates exactly as the emails do.
 */
function words(date: Date, timeZone: string, style: 'long' | 'short') {
  const values: Record<string, string> = {};
  for (const part of datePart(timeZone, style).formatToParts(date)) values[part.type] = part.value;
  return values;
}

const utcDate = (date: string) => {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, 12));
};

/** "Tue 1 Dec" for a calendar date. */
export function shortDate(date: string): string {
  const w = words(utcDate(date), 'UTC', 'short');
  return `${w.weekday} ${w.day} ${w.month}`;
}

/** "Tuesday 1 December 2026" for a calendar date. */
export function longDate(date: string): string {
  const w = words(utcDate(date), 'UTC', 'long');
  return `${w.weekday} ${w.day} ${w.month} ${w.year}`;
}

/** "Tuesday 1 December 2026, 10:00 EST": an instant as the emails write it, in the business zone. */
export function longDateTime(iso: string, timeZone: string): string {
  const w = words(new Date(iso), timeZone, 'long');
  return `${w.weekday} ${w.day} ${w.month} ${w.year}, ${formatClock(iso, timeZone)} ${zoneAbbreviation(iso, timeZone)}`;
}

/** "1 hour 30 minutes", "45 minutes", "2 days": a duration as a sentence says it. */
export function describeMinutes(minutes: number): string {
  if (minutes === 0) return 'no notice';
  if (minutes % 1440 === 0 && minutes >= 2880) return `${minutes / 1440} days`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = hours === 0 ? '' : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const minuteText = rest === 0 ? '' : `${rest} ${rest === 1 ? 'minute' : 'minutes'}`;
  return [hourText, minuteText].filter(Boolean).join(' ');
}
