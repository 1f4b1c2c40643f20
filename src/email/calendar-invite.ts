import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';

export interface CalendarInviteInput {
  method: 'REQUEST' | 'CANCEL';
  /** Stable for the booking, so calendars update the event they already have instead of adding another. */
  uid: string;
  /** Must grow with every change, or calendars ignore the update as stale. */
  sequence: number;
  startsAt: number;
  endsAt: number;
  summary: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  url: string | null;
  now: number;
}

// A CN parameter is a quoted string that may not contain a double quote (RFC 5545 §3.1), and ical-generator
// writes one backslash-escaped, which readers such as ical.js cut short. A name cannot span lines either.
function displayName(name: string): string {
  return name
    .replace(/[\r\n]+/g, ' ')
    .replaceAll('"', "'")
    .trim();
}

/** The .ics text for nodemailer's `icalEvent: { method, content }` (same method there as here). */
export function calendarInvite(input: CalendarInviteInput): string {
  const cancel = input.method === 'CANCEL';
  const calendar = ical({
    prodId: { company: 'Rebook', product: 'Rebook', language: 'EN' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // No time zone is given, so ical-generator writes every time in UTC ("…Z"): no VTIMEZONE needed.
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: new Date(input.now),
    start: new Date(input.startsAt),
    end: new Date(input.endsAt),
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: input.summary,
    description: input.description,
    organizer: { name: displayName(input.organizer.name), email: input.organizer.email },
    attendees: [
      {
        name: displayName(input.attendee.name),
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        // Replies would go to the organizer address, where nothing reads them; changes go through the booking link.
        rsvp: false,
      },
    ],
    url: input.url,
  });
  return calendar.toString();
}
