import type { Kysely } from 'kysely';
import { findBookingFacts, listBookings } from '../bookings/booking-repository.js';
import { listServices } from '../catalog/service-repository.js';
import { listStaff } from '../catalog/staff-repository.js';
import type { Database } from '../db/schema.js';
import type { Language } from '../i18n/languages.js';
import { bookingReference } from '../scheduling/booking-rules.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import { businessFacts } from './business-facts.js';
import type { EmailFacts } from './email-context.js';
import { type EmailKind, OFFICE_EMAIL_KINDS } from './email-kind.js';
import { sampleFacts } from './sample-booking.js';

const DAY = 86_400_000;

/**
 * What the editor's preview renders: the business as it is (its name, zone, colours, words) and its next
 * real booking when there is one; otherwise the sample booking, moved into the business's zone and named
 * after its own first service and staff member. Nothing is minted: links point at the pages, without a token.
 */
export async function previewFacts(
  db: Kysely<Database>,
  settings: BusinessSettings,
  publicUrl: string,
  now: number,
  kind: EmailKind,
  language: Language,
): Promise<EmailFacts> {
  const sample = sampleFacts(now, kind, settings.timezone);
  const forOffice = kind === 'email_undeliverable' || OFFICE_EMAIL_KINDS.includes(kind);
  const business = businessFacts(settings, publicUrl);
  const upcoming = (await listBookings(db, { from: now, status: 'confirmed', limit: 5 })).find(
    (booking) => booking.startsAt > now,
  );
  const real = upcoming && (await findBookingFacts(db, upcoming.id));
  if (!real) {
    const [services, staff] = await Promise.all([listServices(db), listStaff(db)]);
    const service = services.find((s) => s.active);
    const member = staff[0];
    return {
      ...sample,
      business,
      language,
      ...(sample.booking &&
        service && {
          service: { name: service.name, durationMinutes: service.durationMinutes },
          booking: { ...sample.booking, endsAt: sample.booking.startsAt + service.durationMinutes * 60_000 },
        }),
      // No made-up staff member: a business without staff yet sees the row left out.
      staff: { name: member?.name ?? '' },
      links: {
        ...sample.links,
        booking: forOffice
          ? `${publicUrl}/admin/bookings/${sample.booking?.id ?? ''}`
          : `${publicUrl}/portal/bookings/${sample.booking?.id ?? ''}`,
        signIn: `${publicUrl}/portal/sign-in`,
        bookAgain: `${publicUrl}/portal/book`,
      },
    };
  }
  const { booking } = real;
  const cancelled = kind === 'booking_cancelled';
  return {
    ...sample,
    business,
    language,
    customer: { name: real.customer.name, email: real.customer.email, timeZone: real.customer.timezone },
    booking: {
      id: booking.id,
      status: cancelled ? 'cancelled' : booking.status,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      notes: booking.notes,
      reference: bookingReference(booking.id),
    },
    service: {
      name: real.serviceName ?? 'Appointment',
      durationMinutes: Math.round((booking.endsAt - booking.startsAt) / 60_000),
    },
    staff: { name: real.staffName ?? '' },
    ...(sample.change && {
      change: {
        ...sample.change,
        previousStartsAt: sample.change.previousStartsAt === null ? null : booking.startsAt - DAY,
      },
    }),
    links: {
      ...sample.links,
      booking: forOffice
        ? `${publicUrl}/admin/bookings/${booking.id}`
        : `${publicUrl}/portal/bookings/${booking.id}`,
      signIn: `${publicUrl}/portal/sign-in`,
      bookAgain: `${publicUrl}/portal/book`,
    },
    ...(sample.undeliverable && {
      undeliverable: { ...sample.undeliverable, recipient: real.customer.email },
    }),
  };
}
