import { describe, expect, it } from 'vitest';
import {
  calendarDateOf,
  formatCalendarDate,
  formatCalendarDateWithoutYear,
  formatClock,
  formatDate,
  formatDateTime,
  formatDuration,
  formatHourMark,
  formatNumericDate,
  formatShortDate,
  formatShortDateTimeWithZone,
  formatTimeRange,
  formatWallClock,
  numericDatePattern,
  parseNumericDate,
  parseWallClock,
  usesTwelveHourClock,
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

describe('the business locale (settings.locale)', () => {
  // The contract's examples: Friday 4 December 2026, 17:30 in New York.
  const friday = Date.UTC(2026, 11, 4, 22, 30);
  const zone = 'America/New_York';

  it.each([
    ['en-US', 'Friday, December 4, 2026', '5:30 PM', 'Fri, Dec 4'],
    ['en-GB', 'Friday 4 December 2026', '17:30', 'Fri 4 Dec'],
    ['de-DE', 'Freitag, 4. Dezember 2026', '17:30', 'Fr., 4. Dez.'],
    ['fr-FR', 'vendredi 4 décembre 2026', '17:30', 'ven. 4 déc.'],
    ['es-ES', 'viernes, 4 de diciembre de 2026', '17:30', 'vie, 4 dic'],
  ])('%s writes the date %s and the time %s', (locale, date, time, short) => {
    expect(formatDate(friday, zone, locale)).toBe(date);
    expect(formatClock(friday, zone, locale)).toBe(time);
    expect(formatShortDate(friday, zone, locale)).toBe(short);
    expect(formatCalendarDate('2026-12-04', locale)).toBe(date);
    expect(formatTimeRange(friday, friday + 90 * 60_000, zone, locale)).toBe(
      `${time} – ${formatClock(friday + 90 * 60_000, zone, locale)} EST`,
    );
  });

  it('writes "AM" and "PM" after a plain space, whatever the ICU version does', () => {
    for (const at of [friday, Date.UTC(2026, 11, 4, 14, 5)]) {
      const clock = formatClock(at, zone, 'en-US');
      expect(clock).toMatch(/^\d{1,2}:\d{2} [AP]M$/);
      expect(clock).not.toContain('\u202f');
    }
    expect(formatClock(Date.UTC(2026, 11, 4, 14, 5), zone, 'en-US')).toBe('9:05 AM');
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

describe('what the office types in a form, in the business’s locale', () => {
  it('writes wall-clock times on the locale’s clock, midnight as the end of the day', () => {
    expect(['09:00', '17:30', '00:00', '24:00'].map((time) => formatWallClock(time, 'en-US'))).toEqual([
      '9:00 AM',
      '5:30 PM',
      '12:00 AM',
      '12:00 AM (midnight)',
    ]);
    expect(['09:00', '17:30', '24:00'].map((time) => formatWallClock(time, 'en-GB'))).toEqual([
      '09:00',
      '17:30',
      '24:00',
    ]);
    expect(formatWallClock('17:30', 'de-DE')).toBe('17:30');
    expect([
      usesTwelveHourClock('en-US'),
      usesTwelveHourClock('en-GB'),
      usesTwelveHourClock('de-DE'),
    ]).toEqual([true, false, false]);
  });

  it('reads a typed time in either clock, and nothing that is not one', () => {
    expect(
      ['17:30', '5:30 pm', '5:30 PM', '5 pm', '9.15', '09:00', '12 am', '12:15 p.m.'].map((t) =>
        parseWallClock(t),
      ),
    ).toEqual(['17:30', '17:30', '17:30', '17:00', '09:15', '09:00', '00:00', '12:15']);
    expect(['24:00', '25:00', '9:60', '13 pm', '', 'noon', '9:3'].map((t) => parseWallClock(t))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(['24:00', '00:00', '12:00 AM', '17:00'].map((t) => parseWallClock(t, { endOfDay: true }))).toEqual(
      ['24:00', '24:00', '24:00', '17:00'],
    );
  });

  it('writes and reads numeric dates in the locale’s order, and always the ISO form', () => {
    expect(['en-US', 'en-GB', 'de-DE'].map((locale) => formatNumericDate('2026-12-09', locale))).toEqual([
      '12/09/2026',
      '09/12/2026',
      '09.12.2026',
    ]);
    expect(['en-US', 'en-GB', 'de-DE'].map((locale) => numericDatePattern(locale))).toEqual([
      'MM/DD/YYYY',
      'DD/MM/YYYY',
      'DD.MM.YYYY',
    ]);
    expect(parseNumericDate('12/9/2026', 'en-US')).toBe('2026-12-09');
    expect(parseNumericDate('9/12/26', 'en-GB')).toBe('2026-12-09');
    expect(parseNumericDate('9.12.2026', 'de-DE')).toBe('2026-12-09');
    expect(parseNumericDate('2026-12-09', 'de-DE')).toBe('2026-12-09');
    // Not a date: 31 November, a month 13, a year still being typed.
    expect(
      ['11/31/2026', '13/01/2026', '12/09/202', '12/09'].map((t) => parseNumericDate(t, 'en-US')),
    ).toEqual([null, null, null, null]);
  });

  it('marks the hours of a day’s timeline on the locale’s clock', () => {
    expect([7, 12, 17].map((hour) => formatHourMark(hour, 'en-US'))).toEqual(['7 AM', '12 PM', '5 PM']);
    expect([7, 12, 17].map((hour) => formatHourMark(hour, 'en-GB'))).toEqual(['07:00', '12:00', '17:00']);
  });

  it('names a near day without its year', () => {
    expect(
      ['en-US', 'en-GB', 'de-DE'].map((locale) => formatCalendarDateWithoutYear('2026-12-04', locale)),
    ).toEqual(['Friday, December 4', 'Friday 4 December', 'Freitag, 4. Dezember']);
  });
});
