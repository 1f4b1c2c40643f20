import { describe, expect, it } from 'vitest';
import { needsReminder, reminderDueAt, reminderStillWanted, remindersDueFor } from './reminder-time.js';

const MINUTE = 60_000;
const START = 100 * 60 * MINUTE;

describe('reminders', () => {
  it('are due the lead time before the start', () => {
    expect(reminderDueAt(START, 60)).toBe(START - 60 * MINUTE);
    expect(remindersDueFor(START - 60 * MINUTE, 60)).toBe(START);
  });

  it('are scheduled only when they would go out after now, and only with a lead time', () => {
    expect(needsReminder(START, 60, START - 61 * MINUTE)).toBe(true);
    expect(needsReminder(START, 60, START - 60 * MINUTE)).toBe(false);
    expect(needsReminder(START, 0, 0)).toBe(false);
  });

  it('still go out late, but only for an active booking still at that time', () => {
    const booking = { status: 'confirmed' as const, startsAt: START };
    expect(reminderStillWanted({ startsAt: START }, booking, START - 1)).toBe(true);
    expect(reminderStillWanted({ startsAt: START }, booking, START)).toBe(false);
    expect(reminderStillWanted({ startsAt: START - MINUTE }, booking, 0)).toBe(false);
    expect(reminderStillWanted({ startsAt: START }, { ...booking, status: 'cancelled' }, 0)).toBe(false);
    expect(reminderStillWanted({ startsAt: START }, undefined, 0)).toBe(false);
  });
});
