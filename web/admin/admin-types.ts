/** The admin API's resources, as the pages read them (instants are ISO strings in UTC). */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export interface TimeRange {
  start: string;
  end: string;
}
export type WorkingHours = Record<Weekday, TimeRange[]>;

export interface CustomerPortalSettings {
  allowReschedule: boolean;
  allowCancel: boolean;
  realTimeAvailability: boolean;
  minimumNoticeMinutes: number;
  maxReschedulesPerBooking: number | null;
  changeBlockedMessage: string;
}

export interface BusinessSettings {
  businessName: string;
  timezone: string;
  notificationEmail: string | null;
  slotIntervalMinutes: number;
  bookingWindowDays: number;
  reminderLeadMinutes: number;
  workingHours: WorkingHours;
  customerPortal: CustomerPortalSettings;
}

export interface Service {
  id: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  active: boolean;
}

export interface StaffMember {
  id: string;
  name: string;
  email: string | null;
  serviceIds: string[];
  workingHours: WorkingHours | null;
}

export interface Customer {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  timezone: string | null;
}

export interface BlockedEvent {
  id: string;
  staffId: string | null;
  startsAt: string;
  endsAt: string;
  reason: string | null;
}

export type BookingStatus = 'confirmed' | 'cancelled' | 'completed';
export const BOOKING_STATUSES: readonly BookingStatus[] = ['confirmed', 'completed', 'cancelled'];

export interface Booking {
  id: string;
  customerId: string;
  serviceId: string;
  staffId: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  notes: string | null;
  rescheduleCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type Actor = 'admin' | 'customer' | 'system';
export type Channel = 'admin' | 'portal' | 'email_link' | 'api' | 'system';

export interface HistoryEntry {
  type: 'created' | 'rescheduled' | 'cancelled' | 'completed';
  actor: Actor;
  channel: Channel;
  at: string;
  fromStartsAt?: string;
  toStartsAt?: string;
  reason?: string;
}

export interface Conflict {
  kind: 'booking' | 'blocked_event';
  id: string;
  startsAt: string;
  endsAt: string;
}

export interface BookingDetails extends Booking {
  history: HistoryEntry[];
  conflicts: Conflict[];
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

export type EmailKind =
  | 'booking_confirmation'
  | 'booking_reminder'
  | 'booking_rescheduled'
  | 'booking_cancelled'
  | 'customer_sign_in'
  | 'business_notification';

export interface EmailTemplate {
  kind: EmailKind;
  title: string;
  subject: string;
  html: string;
  text: string;
  customized: boolean;
  updatedAt: string | null;
}

export interface TemplateVariable {
  name: string;
  description: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

export interface OutboxEmail {
  id: string;
  kind: EmailKind;
  bookingId: string | null;
  to: string;
  subject: string | null;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface OutboxEmailContent extends OutboxEmail {
  html: string | null;
  text: string | null;
}

/** The names the office sees for each kind of email (the same words as Settings › Communications). */
export const EMAIL_KIND_TITLES: Record<EmailKind, string> = {
  booking_confirmation: 'Booking Confirmation',
  booking_reminder: 'Booking Reminder',
  booking_rescheduled: 'Booking Rescheduled',
  booking_cancelled: 'Booking Cancelled',
  customer_sign_in: 'Customer Sign-in',
  business_notification: 'Business Notification',
};
export const EMAIL_KINDS = Object.keys(EMAIL_KIND_TITLES) as EmailKind[];

/** The reference customers quote, as the portal and emails show it. */
export const bookingReference = (id: string) => id.slice(0, 8).toUpperCase();
