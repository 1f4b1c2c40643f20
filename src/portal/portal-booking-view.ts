import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Booking, BookingFacts } from '../bookings/booking.js';
import { findBookingFacts, listBookings } from '../bookings/booking-repository.js';
import { bookingSchema, bookingView } from '../bookings/booking-schemas.js';
import { changeRefusalMessage } from '../bookings/refusal-messages.js';
import { findPendingRequest, type RescheduleRequest } from '../bookings/reschedule-request-repository.js';
import { allowsStaffChange } from '../bookings/staff-change.js';
import { listServices } from '../catalog/services.js';
import { listStaff } from '../catalog/staff.js';
import type { Database } from '../db/schema.js';
import { notFound, ok, type Result } from '../domain-error.js';
import { idField, instantOut, toIso } from '../field-schemas.js';
import { customerLanguage, type Language } from '../i18n/languages.js';
import { bookingReference, customerRescheduleCount } from '../scheduling/booking-rules.js';
import {
  type ChangeDecision,
  customerMayCancel,
  customerMayMoveTo,
  customerMayReschedule,
} from '../scheduling/change-policy.js';
import { isAnswerable } from '../scheduling/reschedule-requests.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';

const actionSchema = z.object({
  allowed: z.boolean(),
  code: z.string().optional(),
  message: z.string().optional(),
});

export const portalBookingSchema = bookingSchema.omit({ customerId: true }).extend({
  reference: z.string(),
  timezone: z.string(),
  customerTimezone: z.string().nullable(),
  service: z.object({ id: idField, name: z.string(), durationMinutes: z.number().int() }),
  staff: z.object({ name: z.string() }),
  history: z.array(
    z.object({
      type: z.string(),
      actor: z.string(),
      channel: z.string(),
      at: instantOut,
      fromStartsAt: instantOut.nullable(),
      toStartsAt: instantOut.nullable(),
      reason: z.string().nullable(),
    }),
  ),
  actions: z.object({ reschedule: actionSchema, cancel: actionSchema, scheduleNew: actionSchema }),
  /**
   * Whom the customer may move the booking to (the request's staff, or everyone who performs the service where
   * the business allows a change of staff member); one entry, the booking's own, when there is no choice.
   */
  staffChoices: z.array(z.object({ id: idField, name: z.string() })),
  /** The office's pending request that the customer move this booking, or null. */
  rescheduleRequest: z
    .object({
      id: idField,
      bookingId: idField,
      status: z.literal('pending'),
      message: z.string().nullable(),
      respondBy: instantOut,
      suggestedTimes: z.array(
        z.object({
          startsAt: instantOut,
          endsAt: instantOut,
          staffId: idField,
          staff: z.object({ name: z.string() }),
        }),
      ),
      createdAt: instantOut,
      resolvedAt: instantOut.nullable(),
    })
    .nullable(),
  /**
   * The business's rules and its own words, for the page to explain them before anyone asks and to word a
   * refused change (refusals catalogue) in the page's language; the phone for "call us".
   */
  policy: z.object({
    minimumNoticeMinutes: z.number().int(),
    maxReschedulesPerBooking: z.number().int().nullable(),
    bookingWindowDays: z.number().int(),
    changeBlockedMessage: z.string(),
    contactPhone: z.string().nullable(),
  }),
});
export type PortalBooking = z.infer<typeof portalBookingSchema>;

export const portalBookingSummarySchema = bookingSchema.omit({ customerId: true }).extend({
  reference: z.string(),
  serviceName: z.string(),
  staffName: z.string(),
});

function actionView(
  decision: ChangeDecision,
  settings: BusinessSettings,
  booking: Booking,
  language: Language,
) {
  return decision.allowed
    ? { allowed: true }
    : {
        allowed: false,
        code: decision.code,
        message: changeRefusalMessage(decision.code, settings, booking, language),
      };
}

/** The customer's booking view page: the booking, its history, and what they may do with it right now. */
export async function portalBookingView(
  db: Kysely<Database>,
  bookingId: string,
  customerId: string,
  now: number,
): Promise<Result<PortalBooking>> {
  // Three reads in all (the page is opened far more often than it is changed): the booking with its names,
  // its history, and the settings.
  const [facts, settings, pending] = await Promise.all([
    findBookingFacts(db, bookingId, customerId),
    readSettings(db),
    findPendingRequest(db, bookingId),
  ]);
  if (!facts) return notFound('booking');
  const request = pending && isAnswerable(pending, now) ? pending : null;
  const staff = request || allowsStaffChange(settings) ? await listStaff(db) : [];
  return ok(portalBookingViewOf(facts, settings, now, request && { request, staff }, staff));
}

/** The page's data from what is known about the booking: after a change, the change's own outcome. */
export function portalBookingViewOf(
  facts: BookingFacts,
  settings: BusinessSettings,
  now: number,
  pending: { request: RescheduleRequest; staff: ReadonlyArray<{ id: string; name: string }> } | null = null,
  everyone: ReadonlyArray<{ id: string; name: string; serviceIds: readonly string[] }> = [],
): PortalBooking {
  const { booking, history } = facts;
  // Refusals in the customer's words: their own language, else the business's.
  const language = customerLanguage(facts.customer.language, settings.locale);
  const changeable = {
    ...booking,
    customerReschedules: customerRescheduleCount(history),
    officeAsked: pending !== null,
  };
  const { customerId: _owner, ...view } = bookingView(booking);
  return {
    ...view,
    reference: bookingReference(booking.id),
    timezone: settings.timezone,
    customerTimezone: facts.customer.timezone,
    service: {
      id: booking.serviceId,
      name: facts.serviceName ?? 'Appointment',
      durationMinutes: Math.round((booking.endsAt - booking.startsAt) / 60_000),
    },
    staff: { name: facts.staffName ?? '' },
    history: history.map((entry) => ({
      type: entry.type,
      actor: entry.actor,
      channel: entry.channel,
      at: toIso(entry.at),
      fromStartsAt: entry.fromStartsAt === null ? null : toIso(entry.fromStartsAt),
      toStartsAt: entry.toStartsAt === null ? null : toIso(entry.toStartsAt),
      reason: entry.reason,
    })),
    actions: {
      reschedule: actionView(
        customerMayReschedule(changeable, settings.customerPortal, now),
        settings,
        booking,
        language,
      ),
      cancel: actionView(
        customerMayCancel(changeable, settings.customerPortal, now),
        settings,
        booking,
        language,
      ),
      scheduleNew: { allowed: true },
    },
    policy: {
      minimumNoticeMinutes: settings.customerPortal.minimumNoticeMinutes,
      maxReschedulesPerBooking: settings.customerPortal.maxReschedulesPerBooking,
      bookingWindowDays: settings.bookingWindowDays,
      changeBlockedMessage: settings.customerPortal.changeBlockedMessage,
      contactPhone: settings.contactPhone,
    },
    staffChoices: staffChoicesOf(facts, settings, pending?.request ?? null, everyone),
    rescheduleRequest: pending && requestView(pending.request, pending.staff),
  };
}

function staffChoicesOf(
  facts: BookingFacts,
  settings: BusinessSettings,
  request: RescheduleRequest | null,
  everyone: ReadonlyArray<{ id: string; name: string; serviceIds: readonly string[] }>,
): Array<{ id: string; name: string }> {
  const { booking } = facts;
  const rules = { allowStaffChange: allowsStaffChange(settings) };
  const choices = everyone
    .filter((member) => customerMayMoveTo(member, booking, rules, request))
    .map(({ id, name }) => ({ id, name }));
  return choices.length > 0 ? choices : [{ id: booking.staffId, name: facts.staffName ?? '' }];
}

function requestView(
  request: RescheduleRequest,
  staff: ReadonlyArray<{ id: string; name: string }>,
): NonNullable<PortalBooking['rescheduleRequest']> {
  const nameOf = new Map(staff.map((member) => [member.id, member.name]));
  return {
    id: request.id,
    bookingId: request.bookingId,
    status: 'pending',
    message: request.message,
    respondBy: toIso(request.respondBy),
    suggestedTimes: request.suggestedTimes.map((time) => ({
      startsAt: toIso(time.startsAt),
      endsAt: toIso(time.endsAt),
      staffId: time.staffId,
      staff: { name: nameOf.get(time.staffId) ?? '' },
    })),
    createdAt: toIso(request.createdAt),
    resolvedAt: null,
  };
}

/** "My bookings": every booking of the customer, upcoming and past, with the names a list shows. */
export async function portalBookingSummaries(
  db: Kysely<Database>,
  customerId: string,
): Promise<z.infer<typeof portalBookingSummarySchema>[]> {
  const [bookings, services, staff] = await Promise.all([
    listBookings(db, { customerId, limit: 500 }),
    listServices(db),
    listStaff(db),
  ]);
  const serviceName = new Map(services.map((service) => [service.id, service.name]));
  const staffName = new Map(staff.map((member) => [member.id, member.name]));
  return bookings.map((booking) => {
    const { customerId: _owner, ...view } = bookingView(booking);
    return {
      ...view,
      reference: bookingReference(booking.id),
      serviceName: serviceName.get(booking.serviceId) ?? 'Appointment',
      staffName: staffName.get(booking.staffId) ?? '',
    };
  });
}
