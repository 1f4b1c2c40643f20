import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { minutesSinceMidnight, weekdayOf } from './working-hours.js';

describe('weekdayOf', () => {
  it('names the ISO weekday of a date', () => {
    const weekdays = [
      '2026-06-15',
      '2026-06-16',
      '2026-06-17',
      '2026-06-18',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
    ].map((date) => weekdayOf(Temporal.PlainDate.from(date)));
    expect(weekdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });
});

describe('minutesSinceMidnight', () => {
  it('reads HH:MM, with 24:00 as the end of the day', () => {
    expect(['00:00', '09:05', '23:59', '24:00'].map(minutesSinceMidnight)).toEqual([0, 545, 1439, 1440]);
  });

  it('rejects anything else', () => {
    expect(() => minutesSinceMidnight('9:05')).toThrow(RangeError);
  });
});
