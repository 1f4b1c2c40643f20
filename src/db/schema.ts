/**
 * Table shapes as both databases store them. Instants are UTC epoch milliseconds (BIGINT), flags are 0/1
 * integers and structured values are JSON text, so one set of types and queries serves SQLite and PostgreSQL
 * (see docs/decisions/0002-one-schema-two-databases.md).
 */
export interface BusinessSettingsTable {
  id: number;
  document: string;
  updated_at: number;
}

export interface ServiceTable {
  id: string;
  name: string;
  duration_minutes: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface StaffTable {
  id: string;
  name: string;
  email: string | null;
  working_hours: string | null;
  created_at: number;
  updated_at: number;
}

export interface StaffServiceTable {
  staff_id: string;
  service_id: string;
}

export interface CustomerTable {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  timezone: string | null;
  language: string | null;
  created_at: number;
  updated_at: number;
}

/** The business's logo (one row or none), served at /branding/logo. */
export interface BusinessLogoTable {
  id: number;
  content_type: string;
  image: Buffer;
  /** A digest of the image: the ETag it is served with. */
  etag: string;
  updated_at: number;
}

export interface BookingTable {
  id: string;
  customer_id: string;
  service_id: string;
  staff_id: string;
  starts_at: number;
  ends_at: number;
  /** The time the staff member is kept busy: the appointment plus the service's buffers. */
  occupied_from: number;
  occupied_until: number;
  status: string;
  /** 1 when this booking was placed without the real-time check, so the exclusion constraint leaves it be. */
  allows_overlap: number;
  notes: string | null;
  reschedule_count: number;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface BookingHistoryTable {
  id: string;
  booking_id: string;
  /** The booking's version after this change: orders entries that share a timestamp. */
  booking_version: number;
  type: string;
  actor: string;
  channel: string;
  at: number;
  from_starts_at: number | null;
  to_starts_at: number | null;
  reason: string | null;
  /** The reschedule request this entry is about (its creation, answer, or the move that accepted it). */
  request_id: string | null;
  /** Set when a move changed the staff member. */
  from_staff_id: string | null;
  to_staff_id: string | null;
  /** Orders entries of one booking version written at the same instant. */
  position: number;
}

/** The office asks a customer to move their booking; the customer picks one of the suggested times. */
export interface RescheduleRequestTable {
  id: string;
  booking_id: string;
  /** Shared by the requests of one "Ask customers to reschedule" for a staff member and a range. */
  batch_id: string | null;
  status: string;
  message: string | null;
  respond_by: number;
  /** JSON array of staff ids the booking may move to. */
  staff_ids: string;
  /** JSON array of {startsAt, endsAt, staffId}. */
  suggested_times: string;
  /** A bulk request's range: no suggestion falls inside it. */
  excluded_from: number | null;
  excluded_until: number | null;
  created_actor: string;
  created_channel: string;
  created_at: number;
  resolved_at: number | null;
  resolved_actor: string | null;
  resolved_channel: string | null;
  /** The customer's note when declining. */
  response_message: string | null;
  accepted_starts_at: number | null;
  accepted_staff_id: string | null;
}

export interface BlockedEventTable {
  id: string;
  staff_id: string | null;
  starts_at: number;
  ends_at: number;
  reason: string | null;
  created_at: number;
}

export interface AdminUserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
}

export interface AdminCredentialTable {
  id: string;
  admin_id: string;
  kind: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
  last_used_at: number;
}

export interface IdempotencyRecordTable {
  scope: string;
  key: string;
  request_fingerprint: string;
  response_status: number;
  response_body: string;
  created_at: number;
}

export interface OutboxMessageTable {
  id: string;
  kind: string;
  booking_id: string | null;
  recipient: string;
  /** JSON: what the email is about beyond the booking itself (the change it reports, the sign-in link's customer). */
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  /** While `sending`: the claim lapses at this instant, so a crashed worker's message is sent again. */
  lease_until: number | null;
  /** The first attempt of the current retry window (null until tried; reset when queued again by hand). */
  first_attempt_at: number | null;
  last_error: string | null;
  /** Stable across retries, so a repeated delivery is recognisable as the same message. */
  message_id: string;
  subject: string | null;
  html: string | null;
  text: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface BookingReminderTable {
  booking_id: string;
  /** The scheduled time this reminder is for: one reminder per booking and time. */
  starts_at: number;
  status: string;
  created_at: number;
  handled_at: number | null;
}

export interface BookingLinkTable {
  token_hash: string;
  booking_id: string;
  created_at: number;
  revoked_at: number | null;
}

export interface EmailTemplateTable {
  kind: string;
  language: string;
  mode: 'blocks' | 'html';
  subject: string;
  /** HTML mode: the Liquid as typed; blocks mode: empty (the blocks are compiled when read). */
  html: string;
  text: string;
  /** Blocks mode: the block list as JSON. */
  blocks: string | null;
  updated_at: number;
}

export interface CustomerSignInLinkTable {
  token_hash: string;
  customer_id: string;
  created_at: number;
  expires_at: number;
}

export interface PortalSessionTable {
  token_hash: string;
  customer_id: string;
  /** Set for a session opened by a booking link: it reaches that booking only. */
  booking_id: string | null;
  created_at: number;
  expires_at: number;
}

/** One rate-limit bucket (a limit and a hashed key): its hits in the window that ends at `window_ends_at`. */
export interface RateLimitCounterTable {
  bucket: string;
  hits: number;
  window_ends_at: number;
}

export interface Database {
  business_settings: BusinessSettingsTable;
  services: ServiceTable;
  staff: StaffTable;
  staff_services: StaffServiceTable;
  customers: CustomerTable;
  business_logo: BusinessLogoTable;
  bookings: BookingTable;
  booking_history: BookingHistoryTable;
  reschedule_requests: RescheduleRequestTable;
  blocked_events: BlockedEventTable;
  admin_users: AdminUserTable;
  admin_credentials: AdminCredentialTable;
  idempotency_records: IdempotencyRecordTable;
  outbox_messages: OutboxMessageTable;
  booking_reminders: BookingReminderTable;
  booking_links: BookingLinkTable;
  email_template_versions: EmailTemplateTable;
  customer_sign_in_links: CustomerSignInLinkTable;
  portal_sessions: PortalSessionTable;
  rate_limit_counters: RateLimitCounterTable;
}
