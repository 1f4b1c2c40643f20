import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarInviteInput, calendarInvite } from './calendar-invite.js';

const INPUT: CalendarInviteInput = {
  method: 'REQUEST',
  uid: 'booking-b7e1c2d4@rebook.example',
  sequence: 2,
  startsAt: Date.UTC(2026, 11, 1, 15),
  endsAt: Date.UTC(2026, 11, 1, 16, 30),
  summary: 'Standard clean — Bright Clean Co., side door; ring',
  description: 'With Jordan Lee\nBring: keys, code',
  organizer: { name: 'Bright Clean Co.', email: 'bookings@brightclean.example' },
  attendee: { name: 'Alice "Ally" Moreno', email: 'alice.moreno@example.com' },
  url: 'https://rebook.example/portal/bookings/b7e1c2d4?token=abc&x=1',
  now: Date.UTC(2026, 10, 27, 15, 0, 5),
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent');
  if (event === null) throw new Error('no VEVENT');
  const value = (name: string) => String(event.getFirstPropertyValue(name));
  return { calendar, event, value };
}

describe('calendarInvite', () => {
  it('writes a REQUEST that reads back with ical.js', () => {
    const { calendar, event, value } = parse(calendarInvite(INPUT));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(value('uid')).toBe('booking-b7e1c2d4@rebook.example');
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(value('dtstart')).toBe('2026-12-01T15:00:00Z');
    expect(value('dtend')).toBe('2026-12-01T16:30:00Z');
    expect(value('dtstamp')).toBe('2026-11-27T15:00:05Z');
    expect(value('status')).toBe('CONFIRMED');
    expect(value('summary')).toBe('Standard clean — Bright Clean Co., side door; ring');
    expect(value('description')).toBe('With Jordan Lee\nBring: keys, code');
    expect(value('url')).toBe('https://rebook.example/portal/bookings/b7e1c2d4?token=abc&x=1');
    expect(value('organizer')).toBe('mailto:bookings@brightclean.example');
    expect(event.getFirstProperty('organizer')?.getParameter('cn')).toBe('Bright Clean Co.');
    const attendee = event.getFirstProperty('attendee');
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe('mailto:alice.moreno@example.com');
    expect(attendee?.getParameter('cn')).toBe("Alice 'Ally' Moreno");
    expect(attendee?.getParameter('rsvp')).toBe('FALSE');
  });

  it('writes the times in UTC, with no time zone definition to resolve', () => {
    const ics = calendarInvite(INPUT);
    expect(ics).toContain('\r\nDTSTART:20261201T150000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20261201T163000Z\r\n');
    expect(ics).not.toContain('VTIMEZONE');
    expect(
      ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rebook//Rebook//EN\r\nMETHOD:REQUEST\r\n'),
    ).toBe(true);
  });

  it('writes a CANCEL for the same event with a higher sequence', () => {
    const { calendar, event, value } = parse(
      calendarInvite({ ...INPUT, method: 'CANCEL', sequence: 3, url: null }),
    );
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(value('uid')).toBe('booking-b7e1c2d4@rebook.example');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(value('status')).toBe('CANCELLED');
    expect(value('dtstart')).toBe('2026-12-01T15:00:00Z');
    expect(event.getFirstProperty('url')).toBeNull();
  });
});
