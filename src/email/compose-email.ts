import type { Kysely } from 'kysely';
import type { Booking } from '../bookings/booking.js';
import { mintBookingLink } from '../bookings/booking-link-repository.js';
import { findBooking, findBookingFacts, listHistory } from '../bookings/booking-repository.js';
import { findCustomer } from '../catalog/customer-repository.js';
import type { Database } from '../db/schema.js';
import { customerLanguage, type Language } from '../i18n/languages.js';
import { mintSignInLink } from '../portal/portal-session-repository.js';
import {
  bookingReference,
  customerRescheduleCount,
  isBookingLinkAlive,
} from '../scheduling/booking-rules.js';
import { customerMayReschedule } from '../scheduling/change-policy.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';
import { type BookingSnapshot, snapshotOf } from './booking-snapshot.js';
import { businessFacts, businessLanguage } from './business-facts.js';
import { calendarInvite } from './calendar-invite.js';
import type { EmailFacts } from './email-context.js';
import { OFFICE_EMAIL_KINDS } from './email-kind.js';
import type { EmailTemplate } from './email-template.js';
import type { OutgoingMail } from './mail-transport.js';
import type { OutboxMessage } from './outbox-repository.js';
import { renderEmail } from './render-email.js';
import { findTemplate } from './stored-templates.js';
import { composeUndeliverableNotice } from './undeliverable-notice.js';

export interface ComposeContext {
  db: Kysely<Database>;
  publicUrl: string;
  mailFrom: { name: string; address: string } | undefined;
  now: number;
  /** Settings and templates, read once for a whole batch of emails. */
  shared?: SharedReads;
}

export interface SharedReads {
  settings(): Promise<BusinessSettings>;
  template(kind: OutboxMessage['kind'], language: Language): Promise<EmailTemplate>;
}

/** Reads that every email of a batch needs, made once for the batch. */
export function sharedReads(db: Kysely<Database>): SharedReads {
  let settings: Promise<BusinessSettings> | undefined;
  const templates = new Map<string, Promise<EmailTemplate>>();
  return {
    settings: () => {
      settings ??= readSettings(db);
      return settings;
    },
    template: (kind, language) => {
      const key = `${kind} ${language}`;
      let template = templates.get(key);
      if (!template) {
        template = findTemplate(db, kind, language);
        templates.set(key, template);
      }
      return template;
    },
  };
}

/**
 * The language a customer's email is written in: their own, else the business's. The customer is read at
 * sending (a language chosen after the booking was made still counts).
 */
export async function languageForCustomer(
  db: Kysely<Database>,
  customerId: string | undefined,
  settings: BusinessSettings,
): Promise<Language> {
  const customer = customerId === undefined ? undefined : await findCustomer(db, customerId);
  return customerLanguage(customer?.language, settings.locale);
}

export interface ComposedEmail {
  mail: OutgoingMail;
  /** Secrets in the message (the booking link's token), for the caller to keep out of stored copies. */
  secrets: string[];
}

/** An email that can never be sent (its booking is gone): retrying will not help. */
export class UndeliverableEmail extends Error {}

/** Renders an outbox message: what it reports as it was when queued, with a fresh booking link. */
export async function composeEmail(context: ComposeContext, message: OutboxMessage): Promise<ComposedEmail> {
  if (message.kind === 'email_undeliverable') return composeUndeliverableNotice(context, message);
  return message.kind === 'customer_sign_in'
    ? composeSignIn(context, message)
    : composeBookingEmail(context, message);
}

async function composeSignIn(context: ComposeContext, message: OutboxMessage): Promise<ComposedEmail> {
  const { db, now } = context;
  const customerId = message.payload.customerId;
  const customer = customerId ? await findCustomer(db, customerId) : undefined;
  if (!customer) throw new UndeliverableEmail('the customer for this sign-in link no longer exists');
  const shared = context.shared ?? sharedReads(db);
  const settings = await shared.settings();
  const language = await languageForCustomer(db, customer.id, settings);
  const template = await shared.template(message.kind, language);
  const link = await mintSignInLink(db, context.publicUrl, customer.id, now);
  const rendered = await renderEmail(template, {
    business: businessFacts(settings, context.publicUrl),
    language,
    customer: { name: customer.name, email: customer.email, timeZone: customer.timezone },
    links: { booking: null, signIn: link.url },
    canReschedule: false,
    now,
  });
  return {
    mail: {
      messageId: message.messageId,
      from: senderOf(context, settings),
      to: message.recipient,
      ...rendered,
      language,
    },
    secrets: [link.token],
  };
}

export function senderOf(context: ComposeContext, settings: BusinessSettings): OutgoingMail['from'] {
  return context.mailFrom ?? { name: settings.businessName, address: 'bookings@localhost' };
}

/**
 * A booking email says what its snapshot says: the booking as it was when the email was queued (after its
 * change, or when its reminder fell due). Only what must be true at sending is read now: whether the booking
 * link still works, and whether the customer may still reschedule (the button).
 */
async function composeBookingEmail(context: ComposeContext, message: OutboxMessage): Promise<ComposedEmail> {
  const { db, now } = context;
  if (message.bookingId === null) throw new UndeliverableEmail(`${message.kind} needs a booking`);
  const shared = context.shared ?? sharedReads(db);
  const [settings, live, queued] = await Promise.all([
    shared.settings(),
    findBooking(db, message.bookingId),
    message.payload.snapshot ??
      // Queued before emails carried their snapshot: the booking as it is now is the best there is.
      findBookingFacts(db, message.bookingId).then((facts) => facts && snapshotOf(facts, now)),
  ]);
  if (!live || !queued) throw new UndeliverableEmail(`booking ${message.bookingId} no longer exists`);
  const snapshot: BookingSnapshot = queued;

  const forBusiness = OFFICE_EMAIL_KINDS.includes(message.kind);
  // The office reads its notices in the business's language; a customer reads theirs in their own.
  const language = forBusiness
    ? businessLanguage(settings)
    : await languageForCustomer(db, live.customerId, settings);
  const template = await shared.template(message.kind, language);
  const link =
    !forBusiness && isBookingLinkAlive(live, now)
      ? await mintBookingLink(db, context.publicUrl, live.id, now)
      : undefined;
  const canReschedule =
    link !== undefined && (await customerMayStillReschedule(db, live, snapshot, settings, now));

  const { version: _version, ...booking } = snapshot.booking;
  const facts: EmailFacts & Required<Pick<EmailFacts, 'service' | 'staff'>> = {
    business: businessFacts(settings, context.publicUrl),
    language,
    customer: snapshot.customer,
    booking: { ...booking, reference: bookingReference(booking.id) },
    service: snapshot.service,
    staff: snapshot.staff,
    ...(message.payload.change && { change: message.payload.change }),
    ...(message.payload.request && { request: message.payload.request }),
    links: {
      booking: forBusiness ? `${context.publicUrl}/admin/bookings/${booking.id}` : (link?.url ?? null),
      signIn: `${context.publicUrl}/portal/sign-in`,
      bookAgain: forBusiness ? null : `${context.publicUrl}/portal/book`,
    },
    canReschedule,
    now: snapshot.at,
  };
  const rendered = await renderEmail(template, facts);
  const calendar = forBusiness ? undefined : inviteFor(message.kind, snapshot, settings, facts, context);
  return {
    mail: {
      messageId: message.messageId,
      from: senderOf(context, settings),
      to: message.recipient,
      ...rendered,
      language,
      ...(calendar && { calendar }),
    },
    secrets: link ? [link.token] : [],
  };
}

/**
 * The button is about the booking as it is at sending. The snapshot's count of customer reschedules is
 * current unless the booking has changed since; only then is its history read again.
 */
async function customerMayStillReschedule(
  db: Kysely<Database>,
  live: Booking,
  snapshot: BookingSnapshot,
  settings: BusinessSettings,
  now: number,
): Promise<boolean> {
  const customerReschedules =
    live.version === snapshot.booking.version
      ? snapshot.customerReschedules
      : customerRescheduleCount(await listHistory(db, live.id));
  return customerMayReschedule({ ...live, customerReschedules }, settings.customerPortal, now).allowed;
}

/** The calendar event follows the booking: same UID always, SEQUENCE one higher with every change. */
function inviteFor(
  kind: OutboxMessage['kind'],
  { booking }: BookingSnapshot,
  settings: BusinessSettings,
  facts: EmailFacts & Required<Pick<EmailFacts, 'service' | 'staff'>>,
  context: ComposeContext,
): OutgoingMail['calendar'] {
  const method =
    kind === 'booking_cancelled'
      ? 'CANCEL'
      : kind === 'booking_confirmation' || kind === 'booking_rescheduled'
        ? 'REQUEST'
        : undefined;
  if (method === undefined) return undefined;
  if (method === 'REQUEST' && booking.status !== 'confirmed') return undefined;
  const host = new URL(context.publicUrl).hostname;
  const content = calendarInvite({
    method,
    uid: `booking-${booking.id}@${host}`,
    sequence: booking.version - 1,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    summary: `${facts.service.name} — ${settings.businessName}`,
    description: facts.staff.name ? `With ${facts.staff.name}` : facts.service.name,
    organizer: {
      name: context.mailFrom?.name ?? settings.businessName,
      email: context.mailFrom?.address ?? 'bookings@localhost',
    },
    attendee: { name: facts.customer.name, email: facts.customer.email },
    url: facts.links.booking,
    now: context.now,
  });
  return { method, content };
}
