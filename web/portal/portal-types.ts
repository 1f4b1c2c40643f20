/** The portal API's shapes, as src/portal/portal-routes.ts answers them. */

export type BookingStatus = 'confirmed' | 'cancelled' | 'completed';

export interface ActionDecision {
  allowed: boolean;
  code?: string;
  message?: string;
}

export interface HistoryEntry {
  type: 'created' | 'rescheduled' | 'cancelled' | 'completed' | string;
  actor: 'admin' | 'customer' | 'system' | string;
  channel: 'admin' | 'portal' | 'email_link' | 'api' | 'system' | string;
  at: string;
  fromStartsAt: string | null;
  toStartsAt: string | null;
  reason: string | null;
}

export interface PortalBooking {
  id: string;
  reference: string;
  serviceId: string;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  notes: string | null;
  timezone: string;
  customerTimezone: string | null;
  service: { id: string; name: string; durationMinutes: number };
  staff: { name: string };
  rescheduleCount: number;
  version: number;
  history: HistoryEntry[];
  actions: { reschedule: ActionDecision; cancel: ActionDecision; scheduleNew: ActionDecision };
  policy: { minimumNoticeMinutes: number; changeBlockedMessage: string };
}

export interface BookingSummary {
  id: string;
  reference: string;
  serviceName: string;
  staffName: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
}

export interface Customer {
  id: string;
  name: string;
  email: string;
  timezone: string | null;
}

export interface Slot {
  startsAt: string;
  endsAt: string;
}

export interface SlotAnswer {
  timezone: string;
  mode: 'real_time' | 'working_hours';
  slots: Slot[];
}

export interface OfferedService {
  id: string;
  name: string;
  durationMinutes: number;
}
