import {
  calendarDateOf,
  formatDate,
  formatShortDateTime,
  formatTimeRange,
} from '../../src/shared/business-time';
import type { PortalHistoryEntry as HistoryEntry } from '../shared/api-types';
import type { PortalWords } from './portal-words';

/**
 * The customer's own clock, only where it reads differently from the business's (another zone with the
 * same offset and abbreviation would just repeat the same time).
 */
export function customerTimeOf(
  startsAt: string,
  endsAt: string,
  businessZone: string,
  customerZone: string | null,
  locale: string,
): string | null {
  if (!differentClock(startsAt, businessZone, customerZone)) return null;
  const zone = customerZone as string;
  return `${formatDate(startsAt, zone, locale)}, ${formatTimeRange(startsAt, endsAt, zone, locale)}`;
}

/** Whether the customer's zone writes this instant differently from the business's. */
export function differentClock(instant: string, businessZone: string, customerZone: string | null): boolean {
  if (!customerZone || customerZone === businessZone) return false;
  const write = (zone: string) =>
    `${calendarDateOf(instant, zone)} ${formatTimeRange(instant, instant, zone)}`;
  return write(customerZone) !== write(businessZone);
}

const EVENT_KEY = {
  created: 'history.created',
  rescheduled: 'history.rescheduled',
  cancelled: 'history.cancelled',
  completed: 'history.completed',
  reschedule_requested: 'history.requested',
  reschedule_request_declined: 'history.requestDeclined',
  reschedule_request_expired: 'history.requestExpired',
  reschedule_request_withdrawn: 'history.requestWithdrawn',
} as const;
const ACTOR_KEY = {
  customer: 'history.byCustomer',
  admin: 'history.byAdmin',
  system: 'history.bySystem',
} as const;
const CHANNEL_KEY = { email_link: 'history.viaEmailLink', portal: 'history.viaPortal' } as const;

const keyOf = <T extends object>(table: T, key: string): T[keyof T] | undefined =>
  Object.hasOwn(table, key) ? table[key as keyof T] : undefined;

/** "Rescheduled by you via email link: Tue 1 Dec 10:00 → Thu 3 Dec 14:00" */
export function historySentence(entry: HistoryEntry, timeZone: string, { t, locale }: PortalWords): string {
  const what = t(keyOf(EVENT_KEY, entry.type) ?? 'history.updated');
  const actor = keyOf(ACTOR_KEY, entry.actor);
  const channel = entry.actor === 'customer' ? keyOf(CHANNEL_KEY, entry.channel) : undefined;
  const head = [what, actor && t(actor), channel && t(channel)].filter(Boolean).join(' ');
  const from = entry.fromStartsAt && formatShortDateTime(entry.fromStartsAt, timeZone, locale);
  const to = entry.toStartsAt && formatShortDateTime(entry.toStartsAt, timeZone, locale);
  if (entry.type === 'rescheduled' && from && to) return `${head}: ${from} → ${to}`;
  if (to) return `${head}: ${to}`;
  if (from) return `${head}: ${from}`;
  return head;
}
