import { DEFAULT_LANGUAGE, type Language, languageOfLocale } from '../i18n/languages.js';
import { isTimeZone } from '../scheduling/time-zone.js';
import {
  DEFAULT_LOCALE,
  formatClockWithZone,
  formatDate,
  formatDateTime,
  formatShortDate,
  formatShortDateTimeWithZone,
  formatTimeRange,
} from '../shared/business-time.js';
import { emailWords } from './email-words.js';

export interface EmailFacts {
  business: {
    name: string;
    timeZone: string;
    notificationEmail: string | null;
    changeBlockedMessage: string;
    /** BCP 47, how the business writes dates (settings.locale); absent: Rebook's default. */
    locale?: string;
    /** #RRGGBB for buttons and the header rule; absent: Rebook's blue. */
    accentColor?: string;
    /** The business's phone, shown as a tel: link in the footer. */
    contactPhone?: string | null;
    /** Absolute URL of the logo, when the business has one. */
    logoUrl?: string | null;
  };
  /** The language the email is written in (the customer's, or the business's for the office's notices). */
  language?: Language;
  customer: { name: string; email: string; timeZone: string | null };
  /** Absent only for emails about the customer rather than a booking (the sign-in email). */
  booking?: {
    id: string;
    status: 'confirmed' | 'cancelled' | 'completed';
    startsAt: number;
    endsAt: number;
    notes: string | null;
    reference: string;
  };
  service?: { name: string; durationMinutes: number };
  staff?: { name: string };
  /** For rescheduled/cancelled/notification: the time before the change, and who made it. */
  change?: {
    previousStartsAt: number | null;
    actor: 'admin' | 'customer' | 'system';
    channel: string;
    reason: string | null;
    type: 'created' | 'rescheduled' | 'cancelled';
    /** Other work the booking overlaps after the change (the office's notice says so). */
    conflicts?: ReadonlyArray<{ kind: 'booking' | 'blocked_event'; startsAt: number; endsAt: number }>;
  };
  /** For the office's notice that an email finally failed: that email. */
  undeliverable?: {
    recipient: string;
    kind: string;
    /** The kind in words, e.g. Booking Reminder. */
    title: string;
    lastError: string | null;
    attempts: number;
    firstAttemptAt: number;
    /** The email in the admin Outbox, where Retry sends it again. */
    outboxLink: string;
  };
  /** For a reschedule request or the office's notice about one: the request as it was when queued. */
  request?: {
    status: string;
    message: string | null;
    respondBy: number;
    suggestedTimes: ReadonlyArray<{ startsAt: number; staffName: string }>;
    responseMessage: string | null;
  };
  /** Absolute URLs built by the caller. */
  /** `bookAgain`: the portal's Schedule an appointment page (it asks a stranger to sign in first). */
  links: { booking: string | null; signIn: string | null; bookAgain?: string | null };
  /** Whether the customer can still reschedule this booking right now (flag on, booking active, outside minimum notice...) — decided by the caller. */
  canReschedule: boolean;
  /** Epoch ms. */
  now: number;
}

/** What each variable holds, for the template editor; the examples are the sample booking's values. */
export const TEMPLATE_VARIABLES: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'business.name', description: 'Business name, e.g. Bright Clean Co.' },
  { name: 'business.time_zone', description: 'Business time zone, e.g. America/New_York' },
  {
    name: 'business.change_blocked_message',
    description:
      'Your own words for when a customer cannot change a booking online, e.g. how to call; empty if not set',
  },
  { name: 'business.contact_phone', description: 'Your phone number, if set in Settings › Business' },
  { name: 'customer.name', description: 'Customer name, e.g. Alice Moreno' },
  { name: 'customer.email', description: 'Customer email address' },
  { name: 'customer.time_zone', description: "Customer's own time zone, if known, e.g. America/Chicago" },
  { name: 'booking.id', description: 'Booking id' },
  { name: 'booking.reference', description: 'Booking reference to quote, e.g. BK-7Q4M2X' },
  { name: 'booking.status', description: 'confirmed, cancelled or completed' },
  { name: 'booking.starts_at', description: 'Start, e.g. Tuesday 1 December 2026, 10:00 EST' },
  {
    name: 'booking.starts_at_short',
    description: 'Start, short, e.g. Tue 1 Dec, 10:00 EST (good for subjects)',
  },
  { name: 'booking.date', description: 'Start date, e.g. Tuesday 1 December 2026' },
  { name: 'booking.time', description: 'Start time, e.g. 10:00 EST' },
  { name: 'booking.ends_at', description: 'End, e.g. Tuesday 1 December 2026, 11:30 EST' },
  { name: 'booking.end_time', description: 'End time, e.g. 11:30 EST' },
  { name: 'booking.duration', description: 'Length, e.g. 1 hour 30 minutes' },
  {
    name: 'booking.starts_at_customer',
    description:
      "Start in the customer's own time zone, e.g. Tuesday 1 December 2026, 09:00 CST; empty when it reads the same",
  },
  { name: 'booking.notes', description: 'Notes on the booking; empty if none' },
  {
    name: 'booking.change_help',
    description:
      'Your own words on how to change the booking, only when the customer cannot change it online; else empty',
  },
  { name: 'service.name', description: 'Service, e.g. Standard clean' },
  { name: 'service.duration_minutes', description: 'Service length in minutes, e.g. 90' },
  { name: 'staff.name', description: 'Staff member, e.g. Jordan Lee' },
  {
    name: 'change.type',
    description: 'What happened: created, rescheduled or cancelled; empty outside change emails',
  },
  { name: 'change.actor', description: 'Who made the change: admin, customer or system' },
  {
    name: 'change.actor_name',
    description: 'Who made the change, in words, e.g. Alice Moreno or An administrator',
  },
  {
    name: 'change.channel',
    description: 'Where the change was made: portal, email_link, admin, api or system',
  },
  { name: 'change.channel_label', description: 'Where, in words, e.g. email link or the customer portal' },
  { name: 'change.reason', description: 'The reason given for the change; empty if none' },
  {
    name: 'change.previous_starts_at',
    description: 'Start before the change, e.g. Monday 30 November 2026, 14:00 EST',
  },
  {
    name: 'change.previous_starts_at_short',
    description: 'Start before the change, short, e.g. Mon 30 Nov, 14:00 EST',
  },
  { name: 'change.at', description: 'When the change was made, e.g. Friday 27 November 2026, 10:00 EST' },
  { name: 'change.title', description: 'The change in two words, e.g. Booking rescheduled' },
  {
    name: 'change.headline',
    description:
      'The change in a few words, e.g. Alice Moreno rescheduled Standard clean to Tue 1 Dec, 10:00 EST',
  },
  {
    name: 'change.summary',
    description: 'The change in one sentence: who moved what from when to when, and through which channel',
  },
  {
    name: 'change.conflict_list',
    description:
      'Other work the booking now overlaps, e.g. another booking, Fri 4 Dec, 10:00 – 11:30 EST; else empty',
  },
  {
    name: 'change.conflict_warning',
    description: 'A sentence for the office when the booking now overlaps other work; else empty',
  },
  {
    name: 'undeliverable.to',
    description: 'Undeliverable-email notice: who the failed email was for, e.g. alice.moreno@example.com',
  },
  {
    name: 'undeliverable.title',
    description: 'Undeliverable-email notice: what it was, e.g. Booking Reminder',
  },
  { name: 'undeliverable.kind', description: 'Undeliverable-email notice: its kind, e.g. booking_reminder' },
  {
    name: 'undeliverable.last_error',
    description: "Undeliverable-email notice: the mail server's last answer, e.g. 550 mailbox unavailable",
  },
  { name: 'undeliverable.attempts', description: 'Undeliverable-email notice: how often it was tried' },
  {
    name: 'undeliverable.first_attempt_at',
    description:
      'Undeliverable-email notice: when it was first tried, e.g. Monday 30 November 2026, 14:00 EST',
  },
  {
    name: 'undeliverable.outbox_link',
    description: 'Undeliverable-email notice: the email in the admin Outbox, where Retry sends it again',
  },
  {
    name: 'request.message',
    description: "Reschedule request emails: the office's message to the customer; empty if none",
  },
  {
    name: 'request.respond_by',
    description: 'Reschedule request emails: answer by, e.g. Thursday 3 December 2026, 08:00 EST',
  },
  {
    name: 'request.suggestions',
    description:
      'Reschedule request emails: the suggested times, each with starts_at, starts_at_short, staff_name and link (opens the booking with that time ready to confirm)',
  },
  {
    name: 'request.status',
    description: "The request's state: pending, accepted, declined, expired or withdrawn",
  },
  { name: 'request.title', description: 'Reschedule request notices: what happened in two words' },
  {
    name: 'request.headline',
    description: 'Reschedule request notices: what happened, short, e.g. Alice Moreno picked a new time',
  },
  { name: 'request.summary', description: 'Reschedule request notices: what happened, in one sentence' },
  {
    name: 'request.customer_note',
    description:
      "Reschedule request notices: e.g. Alice Moreno wrote: … (the customer's note); empty if none",
  },
  {
    name: 'request.response_message',
    description: "Reschedule request notices: the customer's note when declining; empty if none",
  },
  { name: 'links.booking', description: "Link to the customer's booking page" },
  { name: 'links.sign_in', description: 'Sign-in link (sign-in emails only)' },
  { name: 'links.book_again', description: 'Link to book another appointment online (customer emails)' },
  { name: 'links.google_calendar', description: 'Adds the appointment to Google Calendar' },
  { name: 'links.outlook_calendar', description: 'Adds the appointment to Outlook.com' },
  { name: 'can_reschedule', description: 'true when the customer can still reschedule online right now' },
];

// Fields the templates may use besides the menu's: the whole objects (`{% if booking %}`), and values for the
// layout that the office sets elsewhere (colour, logo) rather than writes.
export const LAYOUT_FIELDS = [
  'language',
  'business.accent_color',
  'business.logo_url',
  'business.phone_link',
  'business.locale',
];
const KNOWN_FIELDS = new Set([...TEMPLATE_VARIABLES.map((v) => v.name), ...LAYOUT_FIELDS]);
const KNOWN_OBJECTS = new Set(
  [...KNOWN_FIELDS].flatMap((name) =>
    name
      .split('.')
      .slice(0, -1)
      .map((_, i, all) => all.slice(0, i + 1).join('.')),
  ),
);

/** Whether Rebook fills this merge field (or object) in some email. */
export function isKnownMergeField(name: string): boolean {
  // Liquid's own properties of any value (`request.suggestions.size`) are known wherever the value is.
  const base = name.replace(/\.(size|first|last)$/, '');
  return KNOWN_FIELDS.has(base) || KNOWN_OBJECTS.has(base);
}

/**
 * How an email in `language` writes dates: the business's own locale when it is in that language, else the
 * language with the business's region (`es` for an en-US business → es-US), so dates read naturally.
 */
export function emailLocale(language: Language, businessLocale: string | undefined): string {
  if (businessLocale === undefined) return language === 'en' ? DEFAULT_LOCALE : language;
  if (languageOfLocale(businessLocale) === language) return businessLocale;
  const region = businessLocale.split('-')[1];
  const candidate = region ? `${language}-${region}` : language;
  return Intl.DateTimeFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : language;
}

function durationIn(language: Language, minutes: number): string {
  const t = emailWords(language);
  const whole = Math.max(0, Math.round(minutes));
  if (whole >= 2 * 1440 && whole % 1440 === 0) return t('duration.day', { count: whole / 1440 });
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const pieces: string[] = [];
  if (hours > 0) pieces.push(t('duration.hour', { count: hours }));
  if (rest > 0 || hours === 0) pieces.push(t('duration.minute', { count: rest }));
  return pieces.join(' ');
}

/** Links that put the appointment in a web calendar (the .ics attachment covers the others). */
function calendarLinks(facts: EmailFacts): { google: string; outlook: string } | null {
  const { booking, service, business } = facts;
  if (booking?.status !== 'confirmed') return null;
  const title = `${service?.name ?? ''} — ${business.name}`;
  // No booking link in them: its token would travel to the calendar provider.
  const compact = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const google = new URL('https://calendar.google.com/calendar/render');
  google.search = new URLSearchParams({
    action: 'TEMPLATE',
    text: title,
    dates: `${compact(booking.startsAt)}/${compact(booking.endsAt)}`,
  }).toString();
  const outlook = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  outlook.search = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: title,
    startdt: new Date(booking.startsAt).toISOString(),
    enddt: new Date(booking.endsAt).toISOString(),
  }).toString();
  return { google: google.toString(), outlook: outlook.toString() };
}

// Liquid treats '' as true in {% if %}, so absent text is null: templates can write {% if booking.notes %}.
function textOrNull(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}

function customerStart(
  facts: EmailFacts,
  booking: NonNullable<EmailFacts['booking']>,
  locale: string,
): string | null {
  const zone = facts.customer.timeZone;
  // A customer's zone is their own data and may be stale or wrong; that must not stop the email.
  if (zone === null || !isTimeZone(zone)) return null;
  const theirs = formatDateTime(booking.startsAt, zone, locale);
  return theirs === formatDateTime(booking.startsAt, facts.business.timeZone, locale) ? null : theirs;
}

function changeVariables(
  facts: EmailFacts,
  language: Language,
  locale: string,
): Record<string, unknown> | null {
  const { change, business } = facts;
  if (change === undefined) return null;
  const t = emailWords(language);
  const zone = business.timeZone;
  const previous = change.previousStartsAt;
  const actorName = change.actor === 'customer' ? facts.customer.name : t(`actor.${change.actor}`);
  const channelLabel = t(`channel.${change.channel}`, { defaultValue: change.channel.replaceAll('_', ' ') });
  const startsAt = facts.booking?.startsAt;
  const conflicts = change.conflicts ?? [];
  const conflictList =
    conflicts.length === 0
      ? null
      : conflicts
          .map((c) =>
            t(c.kind === 'booking' ? 'change.conflictBooking' : 'change.conflictBlocked', {
              time: `${formatShortDate(c.startsAt, zone, locale)}, ${formatTimeRange(c.startsAt, c.endsAt, zone, locale)}`,
            }),
          )
          .join('; ');
  return {
    type: change.type,
    actor: change.actor,
    actor_name: actorName,
    channel: change.channel,
    channel_label: channelLabel,
    reason: textOrNull(change.reason),
    previous_starts_at: previous === null ? null : formatDateTime(previous, zone, locale),
    previous_starts_at_short: previous === null ? null : formatShortDateTimeWithZone(previous, zone, locale),
    at: formatDateTime(facts.now, zone, locale),
    title: t(`change.title_${change.type}`),
    headline: t(`change.headline_${change.type}`, {
      actor: actorName,
      service: facts.service?.name ?? '',
      to: startsAt === undefined ? '' : formatShortDateTimeWithZone(startsAt, zone, locale),
    }),
    summary: t(`change.summary_${change.type}`, {
      actor: actorName,
      service: facts.service?.name ?? '',
      from: previous === null ? '' : formatDateTime(previous, zone, locale),
      to: startsAt === undefined ? '' : formatDateTime(startsAt, zone, locale),
      channel: channelLabel,
    }),
    conflict_list: conflictList,
    conflict_warning:
      conflictList === null ? null : t('change.conflict', { count: conflicts.length, list: conflictList }),
  };
}

/**
 * A suggested time's link is the booking link with the time: opening it shows that time ready to confirm.
 * The office's notices get what happened in one sentence (accepted, declined, no answer), in its language.
 */
function requestVariables(
  facts: EmailFacts,
  request: NonNullable<EmailFacts['request']>,
  language: Language,
  locale: string,
): Record<string, unknown> {
  const t = emailWords(language);
  const zone = facts.business.timeZone;
  const bookingLink = facts.links.booking;
  const startsAt = facts.booking?.startsAt;
  const previous = facts.change?.previousStartsAt ?? null;
  const words = {
    customer: facts.customer.name,
    service: facts.service?.name ?? '',
    when: startsAt === undefined ? '' : formatDateTime(startsAt, zone, locale),
    short: startsAt === undefined ? '' : formatShortDateTimeWithZone(startsAt, zone, locale),
    respondBy: formatDateTime(request.respondBy, zone, locale),
  };
  const known = ['accepted', 'declined', 'expired'].includes(request.status) ? request.status : null;
  const responseMessage = textOrNull(request.responseMessage);
  return {
    status: request.status,
    message: textOrNull(request.message),
    respond_by: words.respondBy,
    response_message: responseMessage,
    customer_note:
      responseMessage === null
        ? null
        : t('request.customerWrote', { customer: words.customer, note: responseMessage }),
    title: known === null ? null : t(`request.title_${known}`),
    headline: known === null ? null : t(`request.headline_${known}`, words),
    summary:
      known === null
        ? null
        : `${t(`request.summary_${known}`, words)}${
            known === 'accepted' && previous !== null
              ? ` ${t('request.was', { time: formatDateTime(previous, zone, locale) })}`
              : ''
          }`,
    suggestions: request.suggestedTimes.map((time) => ({
      starts_at: formatDateTime(time.startsAt, zone, locale),
      starts_at_short: formatShortDateTimeWithZone(time.startsAt, zone, locale),
      staff_name: textOrNull(time.staffName),
      label: textOrNull(time.staffName)
        ? t('request.timeWith', { time: formatDateTime(time.startsAt, zone, locale), staff: time.staffName })
        : formatDateTime(time.startsAt, zone, locale),
      link:
        bookingLink === null
          ? null
          : `${bookingLink}${bookingLink.includes('?') ? '&' : '?'}startsAt=${encodeURIComponent(new Date(time.startsAt).toISOString())}`,
    })),
  };
}

/** What Liquid sees: the facts, snake_case, with times already written out in the business zone. */
export function templateVariables(facts: EmailFacts): Record<string, unknown> {
  const { business, customer, booking, service } = facts;
  const zone = business.timeZone;
  const language = facts.language ?? DEFAULT_LANGUAGE;
  const locale = emailLocale(language, business.locale);
  const phone = textOrNull(business.contactPhone);
  const calendar = calendarLinks(facts);
  return {
    language,
    business: {
      name: business.name,
      time_zone: zone,
      locale,
      change_blocked_message: textOrNull(business.changeBlockedMessage),
      accent_color: business.accentColor ?? null,
      contact_phone: phone,
      phone_link: phone === null ? null : `tel:${phone.replace(/[^\d+]/g, '')}`,
      logo_url: business.logoUrl ?? null,
    },
    customer: { name: customer.name, email: customer.email, time_zone: customer.timeZone },
    booking: booking && {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      starts_at: formatDateTime(booking.startsAt, zone, locale),
      starts_at_short: formatShortDateTimeWithZone(booking.startsAt, zone, locale),
      date: formatDate(booking.startsAt, zone, locale),
      time: formatClockWithZone(booking.startsAt, zone, locale),
      ends_at: formatDateTime(booking.endsAt, zone, locale),
      end_time: formatClockWithZone(booking.endsAt, zone, locale),
      duration: durationIn(language, (booking.endsAt - booking.startsAt) / 60_000),
      starts_at_customer: customerStart(facts, booking, locale),
      notes: textOrNull(booking.notes),
      change_help: facts.canReschedule ? null : textOrNull(business.changeBlockedMessage),
    },
    service: service ? { name: service.name, duration_minutes: service.durationMinutes } : null,
    staff: facts.staff ? { name: textOrNull(facts.staff.name) } : null,
    change: changeVariables(facts, language, locale),
    undeliverable: facts.undeliverable && {
      to: facts.undeliverable.recipient,
      kind: facts.undeliverable.kind,
      title: facts.undeliverable.title,
      last_error: textOrNull(facts.undeliverable.lastError),
      attempts: facts.undeliverable.attempts,
      first_attempt_at: formatDateTime(facts.undeliverable.firstAttemptAt, zone, locale),
      outbox_link: facts.undeliverable.outboxLink,
    },
    request: facts.request && requestVariables(facts, facts.request, language, locale),
    links: {
      booking: facts.links.booking,
      sign_in: facts.links.signIn,
      book_again: facts.links.bookAgain ?? null,
      google_calendar: calendar?.google ?? null,
      outlook_calendar: calendar?.outlook ?? null,
    },
    can_reschedule: facts.canReschedule,
  };
}
