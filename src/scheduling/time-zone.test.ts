import { describe, expect, it } from 'vitest';
import { isTimeZone } from './time-zone.js';

describe('isTimeZone', () => {
  it('accepts IANA region zones and UTC', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires', 'UTC']) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
  });
  it('refuses offsets, abbreviations, unknown names and junk', () => {
    for (const zone of ['+02:00', 'EST', 'Mars/Olympus', '', 'Europe/', '../etc/passwd']) {
      expect(isTimeZone(zone), zone).toBe(false);
    }
  });
});
