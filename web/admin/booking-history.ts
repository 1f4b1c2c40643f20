import { formatShortDateTime } from '../../src/shared/business-time';
import type { Actor, Channel, HistoryEntry } from '../shared/api-types';

const WHAT: Record<HistoryEntry['type'], string> = {
  created: 'Booked',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  completed: 'Completed',
  reschedule_requested: 'Asked to reschedule',
  reschedule_request_declined: 'Reschedule request declined',
  reschedule_request_expired: 'Reschedule request expired',
  reschedule_request_withdrawn: 'Reschedule request withdrawn',
};

const WHO: Record<Actor, string> = { admin: 'admin', customer: 'customer', system: 'Rebook' };

const THROUGH: Record<Channel, string | null> = {
  admin: 'admin portal',
  portal: 'customer portal',
  email_link: 'email link',
  api: 'API',
  system: null,
};

/**
 * One history entry as a sentence, e.g. "Rescheduled by customer via email link: Tue 1 Dec 10:00 → Thu 3 Dec
 * 14:00, from Maya Lopez to Tom Becker, reason: car broke down". Times are in the business time zone, like
 * everything else in the admin.
 */
export function describeHistoryEntry(
  entry: HistoryEntry,
  timeZone: string,
  locale: string,
  staffName: (id: string) => string,
): string {
  const channel = THROUGH[entry.channel];
  let sentence = `${WHAT[entry.type]} by ${WHO[entry.actor]}${channel ? ` via ${channel}` : ''}`;
  const from = entry.fromStartsAt ? formatShortDateTime(entry.fromStartsAt, timeZone, locale) : undefined;
  const to = entry.toStartsAt ? formatShortDateTime(entry.toStartsAt, timeZone, locale) : undefined;
  if (entry.type === 'rescheduled' && from && to) sentence += `: ${from} → ${to}`;
  // A move to another staff member says so: who does the work changed as much as when.
  if (entry.fromStaffId && entry.toStaffId && entry.fromStaffId !== entry.toStaffId) {
    sentence += `, from ${staffName(entry.fromStaffId)} to ${staffName(entry.toStaffId)}`;
  }
  if (entry.requestId && entry.type === 'rescheduled') sentence += ' (answering a reschedule request)';
  else if (entry.type === 'created' && to) sentence += ` for ${to}`;
  if (entry.reason) sentence += `, reason: ${entry.reason}`;
  return sentence;
}
