import type { paths } from './api/openapi-types';

/**
 * Names for what the API answers, taken from the server's OpenAPI document: nothing here restates a field,
 * so a field renamed on the server breaks every page that reads it at `tsc`.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of an operation's success answer. */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]> : never;

/** The JSON body an operation accepts. */
export type RequestOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? NonNullable<JsonOf<NonNullable<B>>> : never;

/** The query string an operation accepts. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> = NonNullable<
  Operation<P, M> extends { parameters: { query?: infer Q } } ? Q : never
>;

export type SlotAnswer = ResponseOf<'/api/v1/availability'>;
export type Slot = SlotAnswer['slots'][number];
export type BookingStatus = ResponseOf<'/api/v1/bookings/{id}'>['status'];

// The admin API
export type BusinessSettings = ResponseOf<'/api/v1/settings'>;
export type SettingsChange = RequestOf<'/api/v1/settings', 'patch'>;
export type NewBooking = RequestOf<'/api/v1/bookings', 'post'>;
export type WorkingHours = BusinessSettings['workingHours'];
export type Weekday = keyof WorkingHours;
export type TimeRange = WorkingHours[Weekday][number];
export type CustomerPortalSettings = BusinessSettings['customerPortal'];
export type Service = ResponseOf<'/api/v1/services/{id}'>;
export type StaffMember = ResponseOf<'/api/v1/staff/{id}'>;
export type Customer = ResponseOf<'/api/v1/customers/{id}'>;
export type BlockedEvent = ResponseOf<'/api/v1/blocked-events'>[number];
export type Booking = ResponseOf<'/api/v1/bookings'>[number];
export type BookingDetails = ResponseOf<'/api/v1/bookings/{id}'>;
export type HistoryEntry = BookingDetails['history'][number];
export type Actor = HistoryEntry['actor'];
export type Channel = HistoryEntry['channel'];
export type EmailTemplate = ResponseOf<'/api/v1/email-templates/{kind}'>;
export type EmailKind = EmailTemplate['kind'];
export type TemplateVariable = ResponseOf<'/api/v1/email-templates/variables'>[number];
export type RenderedEmail = ResponseOf<'/api/v1/email-templates/{kind}/preview', 'post'>;
export type OutboxEmail = ResponseOf<'/api/v1/outbox'>[number];
export type OutboxStatus = OutboxEmail['status'];
export type OutboxEmailContent = ResponseOf<'/api/v1/outbox/{id}'>;

// The Customer Portal API
export type PortalBooking = ResponseOf<'/api/v1/portal/bookings/{id}'>;
export type PortalHistoryEntry = PortalBooking['history'][number];
export type BookingSummary = ResponseOf<'/api/v1/portal/bookings'>[number];
export type SignedInCustomer = ResponseOf<'/api/v1/portal/me'>;
export type OfferedService = ResponseOf<'/api/v1/portal/services'>[number];
