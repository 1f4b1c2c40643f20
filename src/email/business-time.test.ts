import { describe, expect, it } from 'vitest';
import { formatBusinessTimeShort, formatDuration, zoneAbbreviation } from './business-time.js';
import { formatBusinessTime } from './email-context.js';

describe('formatBusinessTime', () => {
  it.each([
    ['America/New_York', Date.UTC(2026, 11, 1, 15), 'Tuesday 1 December 2026, 10:00 EST'],
    ['America/New_York', Date.UTC(2026, 6, 14, 14), 'Tuesday 14 July 2026, 10:00 EDT'],
    ['Europe/London', Date.UTC(2026, 0, 15, 10), 'Thursday 15 January 2026, 10:00 GMT'],
    ['Europe/London', Date.UTC(2026, 6, 14, 9), 'Tuesday 14 July 2026, 10:00 BST'],
    ['Europe/Berlin', Date.UTC(2026, 0, 15, 9), 'Thursday 15 January 2026, 10:00 CET'],
    ['Europe/Berlin', Date.UTC(2026, 6, 14, 8), 'Tuesday 14 July 2026, 10:00 CEST'],
    ['Asia/Kolkata', Date.UTC(2026, 0, 15, 4, 30), 'Thursday 15 January 2026, 10:00 IST'],
    ['UTC', Date.UTC(2026, 0, 15, 5), 'Thursday 15 January 2026, 05:00 UTC'],
  ])('writes %s at %i as %s', (zone, instant, expected) => {
    expect(formatBusinessTime(instant, zone)).toBe(expected);
  });

  it('follows the clock and the abbreviation across a DST change', () => {
    expect(formatBusinessTime(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York')).toBe(
      'Sunday 8 March 2026, 01:59 EST',
    );
    expect(formatBusinessTime(Date.UTC(2026, 2, 8, 7), 'America/New_York')).toBe(
      'Sunday 8 March 2026, 03:00 EDT',
    );
    expect(formatBusinessTime(Date.UTC(2026, 9, 25, 0, 59), 'Europe/Berlin')).toBe(
      'Sunday 25 October 2026, 02:59 CEST',
    );
    expect(formatBusinessTime(Date.UTC(2026, 9, 25, 1), 'Europe/Berlin')).toBe(
      'Sunday 25 October 2026, 02:00 CET',
    );
  });

  it('writes midnight as 00:00 on the local date, not the UTC one', () => {
    expect(formatBusinessTime(Date.UTC(2026, 0, 15, 15), 'Asia/Tokyo')).toBe(
      'Friday 16 January 2026, 00:00 GMT+9',
    );
    expect(formatBusinessTime(Date.UTC(2026, 0, 15, 5), 'America/New_York')).toBe(
      'Thursday 15 January 2026, 00:00 EST',
    );
  });

  it('throws for a zone that does not exist', () => {
    expect(() => formatBusinessTime(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('zoneAbbreviation', () => {
  it('uses the name people in the zone use, and the offset where English has none', () => {
    const winter = Date.UTC(2026, 0, 15);
    expect(
      ['America/Los_Angeles', 'Australia/Sydney', 'Africa/Johannesburg', 'Asia/Singapore', 'Asia/Tokyo'].map(
        (zone) => zoneAbbreviation(winter, zone),
      ),
    ).toEqual(['PST', 'AEDT', 'SAST', 'SGT', 'GMT+9']);
  });
});

describe('formatBusinessTimeShort', () => {
  it('abbreviates the day and month and leaves out the year', () => {
    expect(formatBusinessTimeShort(Date.UTC(2026, 11, 1, 15), 'America/New_York')).toBe(
      'Tue 1 Dec, 10:00 EST',
    );
    expect(formatBusinessTimeShort(Date.UTC(2026, 6, 14, 9), 'Europe/London')).toBe('Tue 14 Jul, 10:00 BST');
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes in words', () => {
    expect([1, 45, 60, 90, 120, 0].map(formatDuration)).toEqual([
      '1 minute',
      '45 minutes',
      '1 hour',
      '1 hour 30 minutes',
      '2 hours',
      '0 minutes',
    ]);
  });
});
