/**
 * How Rebook writes times, dates, zones and durations: in the business's time zone, the same words in the
 * emails (the server) and on the pages (both web apps), which import this one module. The words are Intl's;
 * stepping through calendar dates is Temporal's, in calendar-dates.ts, apart so that a page that only writes
 * times (the portal's booking page) does not load the Temporal polyfill.
 *
 * An instant is epoch milliseconds (the server) or an ISO 8601 string (the API's JSON); a calendar date is
 * "YYYY-MM-DD" in the business's zone.
 */
export type InstantLike = number | string;
export type CalendarDate = string;

/** The wording the app uses today; a business's own locale comes later. */
export const DEFAULT_LOCALE = 'en-GB';

// The API's instants are ISO 8601 in UTC ("2026-12-01T15:00:00.000Z"), which Date.parse reads exactly.
const epochMs = (instant: InstantLike): number =>
  typeof instant === 'number' ? instant : Date.parse(instant);

// Building an Intl.DateTimeFormat costs far more than using one, and an email or a calendar asks for dozens.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone} ${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

function parts(instant: InstantLike, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions) {
  const found = formatter(locale, timeZone, options).formatToParts(epochMs(instant));
  return (type: Intl.DateTimeFormatPartTypes): string => found.find((p) => p.type === type)?.value ?? '';
}

// Zone names: CLDR only gives a locale the abbreviations its readers know (en-US has EST but writes London
// summer time as GMT+1, en-GB has BST and CEST but writes New York as GMT-5), so the abbreviation is the first
// of these English locales' that has a name for the zone. None of them disagree on any zone (checked over every
// IANA zone); a zone none of them names keeps the offset form, e.g. GMT+9 for Tokyo. The same table serves
// every locale, so a zone is called the same in every email and on every page.
const ABBREVIATION_LOCALES = [
  'en-US',
  'en-GB',
  'en-CA',
  'en-AU',
  'en-NZ',
  'en-IN',
  'en-ZA',
  'en-IE',
  'en-SG',
  'en-HK',
] as const;
const OFFSET_STYLE = /^(GMT|UTC)[+-]/;

/** The zone as a customer reads it: "New York time" for America/New_York; a zone without a city as it is. */
export function zoneCity(timeZone: string): string {
  const city = timeZone.split('/').pop()?.replaceAll('_', ' ');
  return city && city !== timeZone.toUpperCase() ? `${city} time` : timeZone;
}

/** "EST", "SAST", "IST", or "GMT+9" where English has no name for the zone. */
export function zoneAbbreviation(instant: InstantLike, timeZone: string): string {
  let fallback = '';
  for (const locale of ABBREVIATION_LOCALES) {
    const name = parts(instant, timeZone, locale, { timeZoneName: 'short' })('timeZoneName');
    if (!OFFSET_STYLE.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

const LONG_DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const SHORT_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const CLOCK_24: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

// en-GB is joined from its parts rather than taking ICU's pattern: newer ICU writes "Thursday, 3 December"
// and "1 December 2026 at 10:00", and the wording customers already know must not change with the Node or
// browser version. Other locales take their own pattern, which is what their readers expect.
const isDefault = (locale: string) => locale === DEFAULT_LOCALE;

/** "Tuesday 1 December 2026" (en-GB), "Tuesday, December 1, 2026" (en-US), "Dienstag, 1. Dezember 2026". */
export function formatDate(instant: InstantLike, timeZone: string, locale = DEFAULT_LOCALE): string {
  if (!isDefault(locale)) return formatter(locale, timeZone, LONG_DATE).format(epochMs(instant));
  const get = parts(instant, timeZone, locale, LONG_DATE);
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

/** "Tue 1 Dec" (en-GB). */
export function formatShortDate(instant: InstantLike, timeZone: string, locale = DEFAULT_LOCALE): string {
  if (!isDefault(locale)) return formatter(locale, timeZone, SHORT_DATE).format(epochMs(instant));
  const get = parts(instant, timeZone, locale, SHORT_DATE);
  return `${get('weekday')} ${get('day')} ${get('month')}`;
}

// ICU 72 to 77 put a narrow no-break space before "AM"/"PM" ("5:30\u202fPM"), older and newer ICU a plain one:
// one wording whatever the Node or browser version, and the one people type and search for.
const NARROW_SPACE = /\u202f/g;

/** "10:00" (en-GB, de-DE), "10:00 AM" (en-US). */
export function formatClock(instant: InstantLike, timeZone: string, locale = DEFAULT_LOCALE): string {
  if (!isDefault(locale))
    return formatter(locale, timeZone, CLOCK).format(epochMs(instant)).replace(NARROW_SPACE, ' ');
  const get = parts(instant, timeZone, locale, CLOCK_24);
  return `${get('hour')}:${get('minute')}`;
}

/** "10:00 EST" */
export const formatClockWithZone = (instant: InstantLike, timeZone: string, locale = DEFAULT_LOCALE) =>
  `${formatClock(instant, timeZone, locale)} ${zoneAbbreviation(instant, timeZone)}`;

/** "Tuesday 1 December 2026, 10:00 EST": how every email and page names the time of a booking. */
export const formatDateTime = (instant: InstantLike, timeZone: string, locale = DEFAULT_LOCALE) =>
  `${formatDate(instant, timeZone, locale)}, ${formatClockWithZone(instant, timeZone, locale)}`;

/** "Tue 1 Dec, 10:00 EST" */
export const formatShortDateTimeWithZone = (
  instant: InstantLike,
  timeZone: string,
  locale = DEFAULT_LOCALE,
) => `${formatShortDate(instant, timeZone, locale)}, ${formatClockWithZone(instant, timeZone, locale)}`;

/** "Tue 1 Dec 10:00": for lists and histories under a heading that names the zone. */
export const formatShortDateTime = (instant: InstantLike, timeZone: string, locale = DEFAULT_LOCALE) =>
  `${formatShortDate(instant, timeZone, locale)} ${formatClock(instant, timeZone, locale)}`;

/** "14:00 – 15:00 EST" */
export const formatTimeRange = (
  startsAt: InstantLike,
  endsAt: InstantLike,
  timeZone: string,
  locale = DEFAULT_LOCALE,
) =>
  `${formatClock(startsAt, timeZone, locale)} – ${formatClock(endsAt, timeZone, locale)} ${zoneAbbreviation(startsAt, timeZone)}`;

// Calendar dates, written without a zone: the date is already the business's (noon UTC names that date).
const calendarInstant = (date: CalendarDate) => Date.parse(`${date}T12:00:00Z`);

/** "Tuesday 1 December 2026" for a calendar date. */
export const formatCalendarDate = (date: CalendarDate, locale = DEFAULT_LOCALE) =>
  formatDate(calendarInstant(date), 'UTC', locale);

/** "Tue 1 Dec" for a calendar date. */
export const formatShortCalendarDate = (date: CalendarDate, locale = DEFAULT_LOCALE) =>
  formatShortDate(calendarInstant(date), 'UTC', locale);

/** "Tuesday 1 December" (en-GB), "Tuesday, December 1" (en-US) for a calendar date: a day near enough to need no year. */
export function formatCalendarDateWithoutYear(date: CalendarDate, locale = DEFAULT_LOCALE): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
  if (!isDefault(locale)) return formatter(locale, 'UTC', options).format(calendarInstant(date));
  const get = parts(calendarInstant(date), 'UTC', locale, options);
  return `${get('weekday')} ${get('day')} ${get('month')}`;
}

// Wall-clock times and calendar dates as the office types and reads them in a form ("HH:MM" and "YYYY-MM-DD"
// inside, the business's locale outside): a time input or a date input would write the browser's instead.
const wallClockInstant = (time: string) => {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return Date.UTC(2026, 0, 1, hour, minute);
};

/** Whether the locale writes times on a 12-hour clock ("5:30 PM"). */
export const usesTwelveHourClock = (locale = DEFAULT_LOCALE): boolean =>
  formatter(locale, 'UTC', CLOCK).resolvedOptions().hourCycle?.startsWith('h1') ?? false;

/** "17:30" (en-GB), "5:30 PM" (en-US) for the wall-clock "17:30"; the end of the day "24:00" as midnight. */
export function formatWallClock(time: string, locale = DEFAULT_LOCALE): string {
  if (time === '24:00')
    return usesTwelveHourClock(locale) ? `${formatClock(0, 'UTC', locale)} (midnight)` : '24:00';
  return formatClock(wallClockInstant(time), 'UTC', locale);
}

/**
 * "HH:MM" from what the office typed: "17:30", "5:30 pm", "5 PM", "9.15"; "24:00" only where the end of the
 * day is meant. Null for anything else.
 */
export function parseWallClock(text: string, { endOfDay = false } = {}): string | null {
  const found = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(?:([ap])\.?\s*m?\.?)?$/i.exec(text.trim());
  if (!found) return null;
  let hour = Number(found[1]);
  const minute = Number(found[2] ?? '0');
  const half = found[3]?.toLowerCase();
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  // As an end, midnight ("24:00", "00:00", "12 am") is the end of the day.
  if (endOfDay && (hour === 24 || hour === 0) && minute === 0) return '24:00';
  if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** An hour mark of a day's timeline: "7 AM" (en-US), "07:00" (en-GB). */
export function formatHourMark(hour: number, locale = DEFAULT_LOCALE): string {
  if (!usesTwelveHourClock(locale)) return formatWallClock(`${String(hour).padStart(2, '0')}:00`, locale);
  return formatter(locale, 'UTC', { hour: 'numeric' }).format(Date.UTC(2026, 0, 1, hour));
}

const NUMERIC_DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

/** "12/09/2026" (en-US), "09/12/2026" (en-GB), "09.12.2026" (de-DE) for 2026-12-09. */
export const formatNumericDate = (date: CalendarDate, locale = DEFAULT_LOCALE): string =>
  formatter(locale, 'UTC', NUMERIC_DATE).format(calendarInstant(date));

/** The order the locale writes a numeric date's parts in, e.g. ["month", "day", "year"] for en-US. */
function numericDateOrder(locale: string): Array<'day' | 'month' | 'year'> {
  return formatter(locale, 'UTC', NUMERIC_DATE)
    .formatToParts(0)
    .flatMap((part) =>
      part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : [],
    );
}

/** How the locale's numeric date looks to someone typing it: "MM/DD/YYYY", "DD.MM.YYYY". */
export function numericDatePattern(locale = DEFAULT_LOCALE): string {
  const letters = { day: 'DD', month: 'MM', year: 'YYYY' } as const;
  return formatter(locale, 'UTC', NUMERIC_DATE)
    .formatToParts(0)
    .map((part) =>
      part.type === 'day' || part.type === 'month' || part.type === 'year' ? letters[part.type] : part.value,
    )
    .join('');
}

/** "YYYY-MM-DD" from a date typed in the locale's order ("12/9/2026" in en-US) or as "2026-12-09"; else null. */
export function parseNumericDate(text: string, locale = DEFAULT_LOCALE): CalendarDate | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const numbers = iso ? [iso[1], iso[2], iso[3]] : trimmed.split(/[^0-9]+/).filter(Boolean);
  if (numbers.length !== 3) return null;
  const order = iso ? (['year', 'month', 'day'] as const) : numericDateOrder(locale);
  const value = { day: 0, month: 0, year: 0 };
  let yearDigits = 0;
  order.forEach((part, index) => {
    value[part] = Number(numbers[index]);
    if (part === 'year') yearDigits = numbers[index]?.length ?? 0;
  });
  // "26" is 2026; "202", typed on the way to "2026", is no year yet.
  if (yearDigits === 2) value.year += 2000;
  else if (yearDigits !== 4) return null;
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (
    date.getUTCFullYear() !== value.year ||
    date.getUTCMonth() !== value.month - 1 ||
    date.getUTCDate() !== value.day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

/** "1 hour 30 minutes", "24 hours", "45 minutes", "2 days": a duration as a sentence says it. */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (whole >= 2 * 1440 && whole % 1440 === 0) return plural(whole / 1440, 'day');
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const pieces = [];
  if (hours > 0) pieces.push(plural(hours, 'hour'));
  if (rest > 0 || hours === 0) pieces.push(plural(rest, 'minute'));
  return pieces.join(' ');
}

const ISO_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

/** The calendar date of an instant in a zone. */
export function calendarDateOf(instant: InstantLike, timeZone: string): CalendarDate {
  const get = parts(instant, timeZone, 'en-US', ISO_DATE);
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Today in the zone. */
export const todayIn = (timeZone: string, now: InstantLike = Date.now()): CalendarDate =>
  calendarDateOf(now, timeZone);
