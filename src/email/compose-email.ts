import type { Kysely } from 'kysely';
import type { Booking } from '../bookings/booking.js';
import { mintBookingLink } from '../bookings/booking-links.js';
import { countCustomerReschedules, findBooking } from '../bookings/booking-repository.js';
import { findService } from '../catalog/services.js';
import { findStaffMember } from '../catalog/staff.js';
import type { Database } from '../db/schema.js';
import { mintSignInLink } from '../portal/portal-sessions.js';
import { customerMayReschedule } from '../scheduling/change-policy.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { readSettings } from '../settings/settings-repository.js';
import { calendarInvite } from './calendar-invite.js';
import type { EmailFacts } from './email-context.js';
import type { EmailTemplate } from './email-template.js';
import type { OutgoingMail } from './mail-transport.js';
import type { OutboxMessage } from './outbox-repository.js';
import { renderEmail } from './render-email.js';
import { findTemplate } from './template-repository.js';

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
  template(kind: OutboxMessage['kind']): Promise<EmailTemplate>;
}

/** Reads that every email of a batch needs, made once for the batch. */
export function sharedReads(db: Kysely<Database>): SharedReads {
  let settings: Promise<BusinessSettings> | undefined;
  const templates = new Map<OutboxMessage['kind'], Promise<EmailTemplate>>();
  return {
    settings: () => {
      settings ??= readSettings(db);
      return settings;
    },
    template: (kind) => {
      let template = templates.get(kind);
      if (!template) {
        template = findTemplate(db, kind);
        templates.set(kind, template);
      }
      return template;
    },
  };
}

export interface ComposedEmail {
  mail: OutgoingMail;
  /** Secrets in the message (the booking link's token), for the caller to keep out of stored copies. */
  secrets: string[];
}

/** An email that can never be sent (its booking is gone): retrying will not help. */
export class UndeliverableEmail extends Error {}

/** Renders an outbox message as it should read now: current booking details, a fresh booking link. */
export async function composeEmail(context: ComposeContext, message: OutboxMessage): Promise<ComposedEmail> {
  return message.kind === 'customer_sign_in'
    ? composeSignIn(context, message)
    : composeBookingEmail(context, message);
}

async function composeSignIn(context: ComposeContext, message: OutboxMessage): Promise<ComposedEmail> {
  const { db, now } = context;
  const customerId = message.payload.customerId;
  const customer = customerId
    ? await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst()
    : undefined;
  if (!customer) throw new UndeliverableEmail('the customer for this sign-in link no longer exists');
  const shared = context.shared ?? sharedReads(db);
  const [settings, template] = await Promise.all([shared.settings(), shared.template(message.kind)]);
  const link = await mintSignInLink(db, context.publicUrl, customer.id, now);
  const rendered = await renderEmail(template, {
    business: businessFacts(settings),
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
    },
    secrets: [link.token],
  };
}

function businessFacts(settings: BusinessSettings): EmailFacts['business'] {
  return {
    name: settings.businessName,
    timeZone: settings.timezone,
    notificationEmail: settings.notificationEmail,
    changeBlockedMessage: settings.customerPortal.changeBlockedMessage,
  };
}

function senderOf(context: ComposeContext, settings: BusinessSettings): OutgoingMail['from'] {
  return context.mailFrom ?? { name: settings.businessName, address: 'bookings@localhost' };
}

async function composeBookingEmail(context: ComposeContext, message: OutboxMessage): Promise<ComposedEmail> {
  const { db, now } = context;
  if (message.bookingId === null) throw new UndeliverableEmail(`${message.kind} needs a booking`);
  const booking = await findBooking(db, message.bookingId);
  if (!booking) throw new UndeliverableEmail(`booking ${message.bookingId} no longer exists`);
  const shared = context.shared ?? sharedReads(db);
  const [settings, template, customer, service, staff, customerReschedules] = await Promise.all([
    shared.settings(),
    shared.template(message.kind),
    db.selectFrom('customers').selectAll().where('id', '=', booking.customerId).executeTakeFirstOrThrow(),
    findService(db, booking.serviceId),
    findStaffMember(db, booking.staffId),
    countCustomerReschedules(db, booking.id),
  ]);

  const forBusiness = message.kind === 'business_notification';
  const live = booking.status === 'confirmed' && now < booking.endsAt;
  const link =
    !forBusiness && live ? await mintBookingLink(db, context.publicUrl, booking.id, now) : undefined;
  const canReschedule =
    link !== undefined &&
    customerMayReschedule({ ...booking, customerReschedules }, settings.customerPortal, now).allowed;

  const facts: EmailFacts & Required<Pick<EmailFacts, 'service' | 'staff'>> = {
    business: businessFacts(settings),
    customer: { name: customer.name, email: customer.email, timeZone: customer.timezone },
    booking: {
      id: booking.id,
      status: booking.status,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      notes: booking.notes,
      reference: booking.id.slice(0, 8).toUpperCase(),
    },
    service: {
      name: service?.name ?? 'Appointment',
      durationMinutes: Math.round((booking.endsAt - booking.startsAt) / 60_000),
    },
    staff: { name: staff?.name ?? '' },
    ...(message.payload.change && { change: message.payload.change }),
    links: {
      booking: forBusiness ? `${context.publicUrl}/admin/bookings/${booking.id}` : (link?.url ?? null),
      signIn: `${context.publicUrl}/portal/sign-in`,
    },
    canReschedule,
    now,
  };
  const rendered = await renderEmail(template, facts);
  const calendar = forBusiness ? undefined : inviteFor(message.kind, booking, settings, facts, context);
  return {
    mail: {
      messageId: message.messageId,
      from: senderOf(context, settings),
      to: message.recipient,
      ...rendered,
      ...(calendar && { calendar }),
    },
    secrets: link ? [link.token] : [],
  };
}

/** The calendar event follows the booking: same UID always, SEQUENCE one higher with every change. */
function inviteFor(
  kind: OutboxMessage['kind'],
  booking: Booking,
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
