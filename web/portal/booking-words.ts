import { formatClock, formatDate, localDate, zoneAbbreviation } from '../shared/business-time';

export { formatDate, formatDateTime } from '../shared/business-time';

import type { BookingStatus, PortalHistoryEntry as HistoryEntry } from '../shared/api-types';

const formats = new Map<string, Intl.DateTimeFormat>();

function partsOf(iso: string, timeZone: string, style: 'long' | 'short') {
  const key = `${style} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      'en-GB',
      style === 'long'
        ? { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
        : { timeZone, weekday: 'short', day: 'numeric', month: 'short' },
    );
    formats.set(key, format);
  }
  const parts = format.formatToParts(new Date(iso));
  return (type: string) => parts.find((p) => p.type === type)?.value ?? '';
}

// Dates are joined from their parts, as the server does for emails: newer ICU writes "Thursday, 3 December
// 2026" for en-GB, and the page must say the same as the email the customer just read.

/** "Thu 3 Dec" */
export function formatShortDate(iso: string, timeZone: string): string {
  const part = partsOf(iso, timeZone, 'short');
  return `${part('weekday')} ${part('day')} ${part('month')}`;
}

/** "Thu 3 Dec 14:00" */
export const formatShortDateTime = (iso: string, timeZone: string) =>
  `${formatShortDate(iso, timeZone)} ${formatClock(iso, timeZone)}`;

/** "14:00 – 15:00" */
export const formatClockRange = (startsAt: string, endsAt: string, timeZone: string) =>
  `${formatClock(startsAt, timeZone)} – ${formatClock(endsAt, timeZone)}`;

/** "14:00 – 15:00 EST" */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string): string {
  return `${formatClock(startsAt, timeZone)} – ${formatClock(endsAt, timeZone)} ${zoneAbbreviation(startsAt, timeZone)}`;
}

/** "Thursday 3 December 2026 at 14:00 EST" */
export function formatWhen(iso: string, timeZone: string): string {
  return `${formatDate(iso, timeZone)} at ${formatClock(iso, timeZone)} ${zoneAbbreviation(iso, timeZone)}`;
}

/** "New York time": what people call a zone, from its IANA name. */
export function zoneCity(timeZone: string): string {
  const city = timeZone.split('/').pop()?.replaceAll('_', ' ');
  return city && city !== timeZone.toUpperCase() ? `${city} time` : timeZone;
}

/**
 * The customer's own clock, only where it reads differently from the business's (another zone with the
 * same offset and abbreviation would just repeat the same time).
 */
export function customerTimeOf(
  startsAt: string,
  endsAt: string,
  businessZone: string,
  customerZone: string | null,
): string | null {
  if (!customerZone || customerZone === businessZone) return null;
  const theirs = `${localDate(startsAt, customerZone)} ${formatTimeRange(startsAt, endsAt, customerZone)}`;
  const ours = `${localDate(startsAt, businessZone)} ${formatTimeRange(startsAt, endsAt, businessZone)}`;
  if (theirs === ours) return null;
  return `${formatDate(startsAt, customerZone)}, ${formatTimeRange(startsAt, endsAt, customerZone)}`;
}

export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (rest > 0 || hours === 0) parts.push(`${rest} ${rest === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}

/** "24 hours", "90 minutes", "2 days", as the server's own messages say it. */
export function formatNotice(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes % (24 * 60) === 0 && minutes >= 48 * 60) return plural(minutes / (24 * 60), 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

export const STATUS_LABEL: Record<BookingStatus, string> = {
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

const EVENT_WORD: Record<string, string> = {
  created: 'Booked',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

const ACTOR_WORDS: Record<string, string> = {
  customer: 'by you',
  admin: 'by our team',
  system: 'automatically',
};

const CHANNEL_WORDS: Record<string, string> = {
  email_link: 'via email link',
  portal: 'in the Customer Portal',
};

/** "Rescheduled by you via email link: Tue 1 Dec 10:00 → Thu 3 Dec 14:00" */
export function historySentence(entry: HistoryEntry, timeZone: string): string {
  const what = EVENT_WORD[entry.type] ?? 'Updated';
  const who = ACTOR_WORDS[entry.actor];
  const through = entry.actor === 'customer' ? CHANNEL_WORDS[entry.channel] : undefined;
  const head = [what, who, through].filter(Boolean).join(' ');
  const from = entry.fromStartsAt && formatShortDateTime(entry.fromStartsAt, timeZone);
  const to = entry.toStartsAt && formatShortDateTime(entry.toStartsAt, timeZone);
  if (entry.type === 'rescheduled' && from && to) return `${head}: ${from} → ${to}`;
  if (to) return `${head}: ${to}`;
  if (from) return `${head}: ${from}`;
  return head;
}
