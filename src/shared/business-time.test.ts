import { describe, expect, it } from 'vitest';
import {
  calendarDateOf,
  formatCalendarDate,
  formatDateTime,
  formatDuration,
  formatShortDateTimeWithZone,
  zoneAbbreviation,
} from './business-time.js';
import { addDays, addMonths, instantAt, monthOf, startOfWeek, weekdayIndex } from './calendar-dates.js';

describe('formatDateTime', () => {
  const instant = Date.UTC(2026, 11, 1, 15); // Tuesday 1 December 2026, 15:00 UTC

  it.each([
    ['America/New_York', 'en-US', 'Tuesday, December 1, 2026, 10:00 AM EST'],
    ['America/New_York', 'en-GB', 'Tuesday 1 December 2026, 10:00 EST'],
    ['America/New_York', 'de-DE', 'Dienstag, 1. Dezember 2026, 10:00 EST'],
    ['Africa/Johannesburg', 'en-US', 'Tuesday, December 1, 2026, 5:00 PM SAST'],
    ['Africa/Johannesburg', 'en-GB', 'Tuesday 1 December 2026, 17:00 SAST'],
    ['Africa/Johannesburg', 'de-DE', 'Dienstag, 1. Dezember 2026, 17:00 SAST'],
    ['Australia/Lord_Howe', 'en-US', 'Wednesday, December 2, 2026, 2:00 AM LHDT'],
    ['Australia/Lord_Howe', 'en-GB', 'Wednesday 2 December 2026, 02:00 LHDT'],
    ['Australia/Lord_Howe', 'de-DE', 'Mittwoch, 2. Dezember 2026, 2:00 LHDT'],
    ['Asia/Kolkata', 'en-US', 'Tuesday, December 1, 2026, 8:30 PM IST'],
    ['Asia/Kolkata', 'en-GB', 'Tuesday 1 December 2026, 20:30 IST'],
    ['Asia/Kolkata', 'de-DE', 'Dienstag, 1. Dezember 2026, 20:30 IST'],
  ])('writes the instant in %s for %s as %s', (zone, locale, expected) => {
    expect(formatDateTime(instant, zone, locale)).toBe(expected);
  });

  it('writes en-GB by default, the same for epoch milliseconds and the API’s ISO strings', () => {
    expect(formatDateTime('2026-12-01T15:00:00.000Z', 'America/New_York')).toBe(
      formatDateTime(instant, 'America/New_York', 'en-GB'),
    );
  });

  it.each([
    ['America/New_York', Date.UTC(2026, 6, 14, 14), 'Tuesday 14 July 2026, 10:00 EDT'],
    ['Europe/London', Date.UTC(2026, 0, 15, 10), 'Thursday 15 January 2026, 10:00 GMT'],
    ['Europe/London', Date.UTC(2026, 6, 14, 9), 'Tuesday 14 July 2026, 10:00 BST'],
    ['Europe/Berlin', Date.UTC(2026, 6, 14, 8), 'Tuesday 14 July 2026, 10:00 CEST'],
    ['UTC', Date.UTC(2026, 0, 15, 5), 'Thursday 15 January 2026, 05:00 UTC'],
    ['Asia/Tokyo', Date.UTC(2026, 0, 15, 15), 'Friday 16 January 2026, 00:00 GMT+9'],
  ])('writes %s at %i as %s', (zone, at, expected) => {
    expect(formatDateTime(at, zone)).toBe(expected);
  });

  it('follows the clock and the abbreviation across a DST change', () => {
    expect(formatDateTime(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York')).toBe(
      'Sunday 8 March 2026, 01:59 EST',
    );
    expect(formatDateTime(Date.UTC(2026, 2, 8, 7), 'America/New_York')).toBe(
      'Sunday 8 March 2026, 03:00 EDT',
    );
  });

  it('throws for a zone that does not exist', () => {
    expect(() => formatDateTime(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('zoneAbbreviation', () => {
  it('names each zone the way people there do, one table for emails and pages', () => {
    const winter = Date.UTC(2026, 0, 15);
    const summer = Date.UTC(2026, 6, 15);
    expect(
      [
        'Africa/Johannesburg',
        'Asia/Singapore',
        'Asia/Hong_Kong',
        'Asia/Kolkata',
        'Australia/Sydney',
        'Asia/Tokyo',
      ].map((zone) => zoneAbbreviation(winter, zone)),
    ).toEqual(['SAST', 'SGT', 'HKT', 'IST', 'AEDT', 'GMT+9']);
    expect(zoneAbbreviation(summer, 'Europe/Dublin')).toBe('IST');
    expect(zoneAbbreviation(winter, 'Europe/Dublin')).toBe('GMT');
  });
});

describe('formatShortDateTimeWithZone', () => {
  it('abbreviates the day and month and leaves out the year', () => {
    expect(formatShortDateTimeWithZone(Date.UTC(2026, 11, 1, 15), 'America/New_York')).toBe(
      'Tue 1 Dec, 10:00 EST',
    );
  });
});

describe('formatDuration', () => {
  it('writes minutes, hours and whole days in words, as the emails, the portal and the admin do', () => {
    expect([0, 1, 45, 60, 90, 120, 1440, 2880, 2890, 10080].map(formatDuration)).toEqual([
      '0 minutes',
      '1 minute',
      '45 minutes',
      '1 hour',
      '1 hour 30 minutes',
      '2 hours',
      '24 hours',
      '2 days',
      '48 hours 10 minutes',
      '7 days',
    ]);
  });
});

describe('calendar dates', () => {
  it('step whole days and months across DST changes and month ends', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-12-15', -12)).toBe('2025-12-01');
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('start weeks on Monday', () => {
    expect(weekdayIndex('2026-12-07')).toBe(0);
    expect(weekdayIndex('2026-12-13')).toBe(6);
    expect(startOfWeek('2026-12-13')).toBe('2026-12-07');
  });

  it('read an instant’s date in the zone, not in UTC', () => {
    expect(calendarDateOf(Date.UTC(2026, 0, 15, 15), 'Asia/Tokyo')).toBe('2026-01-16');
    expect(calendarDateOf('2026-01-15T04:00:00Z', 'America/New_York')).toBe('2026-01-14');
    expect(formatCalendarDate('2026-12-01')).toBe('Tuesday 1 December 2026');
  });

  it('turn a wall-clock time into an instant: the earlier of a repeated time, an hour on for a skipped one', () => {
    expect(instantAt('2026-12-01', '10:00', 'America/New_York')).toBe('2026-12-01T15:00:00Z');
    expect(instantAt('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00Z');
    expect(instantAt('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00Z');
  });
});
