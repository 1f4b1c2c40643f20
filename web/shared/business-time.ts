/** Instants shown in a given IANA time zone, the way the business and its emails write them. */

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    cache.set(key, format);
  }
  return format;
}

/** "EST", "CET", "GMT+5:30": the zone's short name at that instant. */
export function zoneAbbreviation(iso: string, timeZone: string): string {
  for (const locale of ['en-US', 'en-GB', 'en-AU', 'en-IN']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(iso))
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && !name.startsWith('GMT+') && !name.startsWith('GMT-') && !name.startsWith('UTC+')) return name;
  }
  return (
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(iso))
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  );
}

/** "Tuesday 1 December 2026" */
export function formatDate(iso: string, timeZone: string): string {
  // Joined from parts, as the emails are: newer ICU writes "Thursday, 3 December 2026" for en-GB, and the page
  // must say the same as the email the customer just read.
  const parts = formatter(timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** "10:00" */
export function formatClock(iso: string, timeZone: string): string {
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "Tuesday 1 December 2026, 10:00 EST" */
export function formatDateTime(iso: string, timeZone: string): string {
  return `${formatDate(iso, timeZone)}, ${formatClock(iso, timeZone)} ${zoneAbbreviation(iso, timeZone)}`;
}

/** The calendar date ("2026-12-01") of an instant in a zone. */
export function localDate(iso: string, timeZone: string): string {
  const parts = formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(iso),
  );
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${value('year')}-${value('month')}-${value('day')}`;
}
