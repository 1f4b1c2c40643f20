import type { Language } from '../i18n/languages.js';
import type { RescheduleRequest } from './reschedule-request-repository.js';

/** The booking as the product speaks of it; instants are epoch milliseconds. */
export const BOOKING_STATUSES = ['confirmed', 'cancelled', 'completed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const ACTORS = ['admin', 'customer', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

export const CHANNELS = ['admin', 'portal', 'email_link', 'api', 'system'] as const;
export type Channel = (typeof CHANNELS)[number];

export const HISTORY_TYPES = [
  'created',
  'rescheduled',
  'cancelled',
  'completed',
  // The office's reschedule requests (an accepted one is the `rescheduled` entry that carries its id).
  'reschedule_requested',
  'reschedule_request_declined',
  'reschedule_request_expired',
  'reschedule_request_withdrawn',
] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

export interface Booking {
  id: string;
  customerId: string;
  serviceId: string;
  staffId: string;
  startsAt: number;
  endsAt: number;
  status: BookingStatus;
  notes: string | null;
  rescheduleCount: number;
  version: number;
  /** Placed without the real-time availability check (working-hours mode or an admin override). */
  allowsOverlap: boolean;
  createdAt: number;
  updatedAt: number;
}

/** Who made a change and through which door. */
export interface ChangeOrigin {
  actor: Actor;
  channel: Channel;
}

export interface HistoryEntry {
  type: HistoryType;
  actor: Actor;
  channel: Channel;
  at: number;
  fromStartsAt: number | null;
  toStartsAt: number | null;
  reason: string | null;
  /** The reschedule request this entry is about; on a `rescheduled` entry, the request it accepted. */
  requestId?: string | null;
  /** A move to another staff member: from whom, to whom. */
  fromStaffId?: string | null;
  toStaffId?: string | null;
}

export interface Conflict {
  kind: 'booking' | 'blocked_event';
  id: string;
  startsAt: number;
  endsAt: number;
}

/** Something that keeps a staff member busy (`start`..`end`, buffers included), and what it is. */
export interface BusyTime extends Conflict {
  start: number;
  end: number;
}

/** A booking with its history and the names its pages and emails show (null: that row is gone). */
export interface BookingFacts {
  booking: Booking;
  history: HistoryEntry[];
  serviceName: string | null;
  staffName: string | null;
  customer: { name: string; email: string; timezone: string | null; language: Language | null };
}

export interface BookingDetails extends Booking {
  history: HistoryEntry[];
  conflicts: Conflict[];
  /** The pending reschedule request, or null. */
  rescheduleRequest: RescheduleRequest | null;
}
