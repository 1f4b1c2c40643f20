import { describe, expect, it } from 'vitest';
import {
  bookingLinkAliveUntil,
  bookingReference,
  customerRescheduleCount,
  isActive,
  isBookingLinkAlive,
  isOpen,
  isServiceOffered,
} from './booking-rules.js';

const START = 1_000_000;
const END = 2_000_000;
const at = (status: 'confirmed' | 'cancelled' | 'completed') => ({ status, startsAt: START, endsAt: END });

describe('booking state', () => {
  it('is open while confirmed, whatever the time', () => {
    expect(isOpen(at('confirmed'))).toBe(true);
    expect(isOpen(at('cancelled'))).toBe(false);
    expect(isOpen(at('completed'))).toBe(false);
  });

  it('is active while confirmed and not yet started', () => {
    expect(isActive(at('confirmed'), START - 1)).toBe(true);
    expect(isActive(at('confirmed'), START)).toBe(false);
    expect(isActive(at('cancelled'), START - 1)).toBe(false);
    expect(isActive(at('completed'), START - 1)).toBe(false);
  });
});

describe('booking link', () => {
  it('works until the appointment ends, unless cancelled', () => {
    expect(bookingLinkAliveUntil(at('confirmed'))).toBe(END);
    expect(bookingLinkAliveUntil(at('completed'))).toBe(END);
    expect(bookingLinkAliveUntil(at('cancelled'))).toBeNull();
    expect(isBookingLinkAlive(at('confirmed'), END - 1)).toBe(true);
    expect(isBookingLinkAlive(at('confirmed'), END)).toBe(false);
    expect(isBookingLinkAlive(at('completed'), START)).toBe(true);
    expect(isBookingLinkAlive(at('cancelled'), 0)).toBe(false);
  });
});

describe('customer reschedule count', () => {
  it("counts only the customer's own reschedules", () => {
    expect(
      customerRescheduleCount([
        { type: 'created', actor: 'customer' },
        { type: 'rescheduled', actor: 'customer' },
        { type: 'rescheduled', actor: 'admin' },
        { type: 'rescheduled', actor: 'system' },
        { type: 'rescheduled', actor: 'customer' },
        { type: 'cancelled', actor: 'customer' },
      ]),
    ).toBe(2);
    expect(customerRescheduleCount([])).toBe(0);
  });
});

describe('service offered', () => {
  const cleaner = { serviceIds: ['clean'] };
  it('needs the service active and somebody who performs it', () => {
    expect(isServiceOffered({ id: 'clean', active: true }, [cleaner])).toBe(true);
    expect(isServiceOffered({ id: 'clean', active: false }, [cleaner])).toBe(false);
    expect(isServiceOffered({ id: 'clean', active: true }, [])).toBe(false);
    expect(isServiceOffered({ id: 'paint', active: true }, [cleaner])).toBe(false);
  });
});

describe('booking reference', () => {
  it("is the id's first eight characters in upper case", () => {
    expect(bookingReference('b7e1c2d4-5f60-4a8b-9c3d-2e1f0a9b8c7d')).toBe('B7E1C2D4');
  });
});
