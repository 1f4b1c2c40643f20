import {
  calendarDateOf,
  formatClock,
  formatClockWithZone,
  formatDate,
  formatShortDateTime,
  formatTimeRange,
} from '../../src/shared/business-time';
import type { BookingStatus, PortalHistoryEntry as HistoryEntry } from '../shared/api-types';

/** "14:00 – 15:00" */
export const formatClockRange = (startsAt: string, endsAt: string, timeZone: string) =>
  `${formatClock(startsAt, timeZone)} – ${formatClock(endsAt, timeZone)}`;

/** "Thursday 3 December 2026 at 14:00 EST" */
export function formatWhen(iso: string, timeZone: string): string {
  return `${formatDate(iso, timeZone)} at ${formatClockWithZone(iso, timeZone)}`;
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
  const theirs = `${calendarDateOf(startsAt, customerZone)} ${formatTimeRange(startsAt, endsAt, customerZone)}`;
  const ours = `${calendarDateOf(startsAt, businessZone)} ${formatTimeRange(startsAt, endsAt, businessZone)}`;
  if (theirs === ours) return null;
  return `${formatDate(startsAt, customerZone)}, ${formatTimeRange(startsAt, endsAt, customerZone)}`;
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
  reschedule_requested: 'Asked to pick a new time',
  reschedule_request_declined: 'Request for a new time declined',
  reschedule_request_expired: 'Request for a new time expired',
  reschedule_request_withdrawn: 'Request for a new time withdrawn',
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
