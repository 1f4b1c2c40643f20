// Times in emails are read by people in the business's zone, so they are written in that zone with the
// abbreviation people there use (EST, BST, CEST, IST...). CLDR only gives a locale the abbreviations
// its readers know: en-US has EST but writes London summer time as GMT+1, en-GB has BST and CEST but
// writes New York as GMT-5. So the abbreviation is taken from the first of these English locales that
// has a name for the zone; none of them disagree on any zone (checked over every IANA zone), and a zone
// none of them names keeps the offset form, e.g. GMT+9 for Tokyo.
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

const OFFSET_STYLE = /^GMT[+-]/;

// Building an Intl.DateTimeFormat costs far more than using one, and an email asks for a dozen.
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

function part(instant: number, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions) {
  const parts = formatter(locale, timeZone, options).formatToParts(instant);
  return (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
}

export function zoneAbbreviation(instant: number, timeZone: string): string {
  let fallback = '';
  for (const locale of ABBREVIATION_LOCALES) {
    const name = part(instant, timeZone, locale, { timeZoneName: 'short' })('timeZoneName');
    if (!OFFSET_STYLE.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

// The pieces are joined by hand rather than taking ICU's pattern: newer ICU writes "1 December 2026 at
// 10:00" for en-GB, and the wording must not change with the Node version.
const LONG_DATE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};
const SHORT_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** 'Tuesday 1 December 2026' */
export function formatBusinessDate(instant: number, timeZone: string): string {
  const get = part(instant, timeZone, 'en-GB', LONG_DATE);
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
}

/** '10:00 EST' */
export function formatBusinessClock(instant: number, timeZone: string): string {
  const get = part(instant, timeZone, 'en-GB', CLOCK);
  return `${get('hour')}:${get('minute')} ${zoneAbbreviation(instant, timeZone)}`;
}

/** 'Tuesday 1 December 2026, 10:00 EST' */
export function formatBusinessTime(instant: number, timeZone: string): string {
  return `${formatBusinessDate(instant, timeZone)}, ${formatBusinessClock(instant, timeZone)}`;
}

/** 'Tue 1 Dec, 10:00 EST' */
export function formatBusinessTimeShort(instant: number, timeZone: string): string {
  const get = part(instant, timeZone, 'en-GB', SHORT_DATE);
  return `${get('weekday')} ${get('day')} ${get('month')}, ${formatBusinessClock(instant, timeZone)}`;
}

/** '1 hour 30 minutes' */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const pieces = [];
  if (hours > 0) pieces.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (rest > 0 || hours === 0) pieces.push(`${rest} ${rest === 1 ? 'minute' : 'minutes'}`);
  return pieces.join(' ');
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
