import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { calendarDateOf, epochDayOf, weekdayOfEpochDay } from './calendar-date.js';
import { weekdayOf } from './working-hours.js';

describe('calendar dates as epoch days', () => {
  it('counts days from 1970-01-01', () => {
    expect(['1969-12-31', '1970-01-01', '2000-03-01', '2026-03-08'].map(epochDayOf)).toEqual([
      -1, 0, 11_017, 20_520,
    ]);
  });

  it('agrees with Temporal on the date and the weekday, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_528, max: 2_932_896 }), (epochDay) => {
        const date = Temporal.PlainDate.from('1970-01-01').add({ days: epochDay });
        expect(calendarDateOf(epochDay)).toBe(date.toString());
        expect(epochDayOf(date.toString())).toBe(epochDay);
        expect(weekdayOfEpochDay(epochDay)).toBe(weekdayOf(date));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects dates that do not exist or are not YYYY-MM-DD', () => {
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '26-01-01',
      '2026-1-01',
      '2026-01-01T00:00',
    ]) {
      expect(() => epochDayOf(bad)).toThrow(RangeError);
    }
    expect(epochDayOf('2028-02-29')).toBe(epochDayOf('2028-03-01') - 1);
  });
});
