import { describe, expect, it } from 'vitest';
import {
  type ChangeableBooking,
  type CustomerChangeRules,
  customerMayCancel,
  customerMayReschedule,
  officeMayChange,
} from './change-policy.js';

const HOUR = 3_600_000;
const now = Date.parse('2026-12-01T08:00:00Z');
const rules: CustomerChangeRules = {
  allowReschedule: true,
  allowCancel: true,
  minimumNoticeMinutes: 24 * 60,
  maxReschedulesPerBooking: 2,
};
const booking: ChangeableBooking = { status: 'confirmed', startsAt: now + 48 * HOUR, customerReschedules: 0 };

describe('customer change policy', () => {
  it('allows an upcoming confirmed booking outside the minimum notice', () => {
    expect(customerMayReschedule(booking, rules, now)).toEqual({ allowed: true });
    expect(customerMayCancel(booking, rules, now)).toEqual({ allowed: true });
  });

  it('refuses when the business turned the flag off, before anything else', () => {
    const cancelled = { ...booking, status: 'cancelled' as const };
    expect(customerMayReschedule(cancelled, { ...rules, allowReschedule: false }, now)).toEqual({
      allowed: false,
      code: 'reschedule_disabled',
    });
    expect(customerMayCancel(cancelled, { ...rules, allowCancel: false }, now)).toEqual({
      allowed: false,
      code: 'cancel_disabled',
    });
  });

  it('refuses cancelled, completed and started bookings', () => {
    for (const changed of [
      { ...booking, status: 'cancelled' as const },
      { ...booking, status: 'completed' as const },
      { ...booking, startsAt: now },
      { ...booking, startsAt: now - HOUR },
    ]) {
      expect(customerMayReschedule(changed, rules, now)).toEqual({
        allowed: false,
        code: 'booking_not_active',
      });
      expect(customerMayCancel(changed, rules, now)).toEqual({ allowed: false, code: 'booking_not_active' });
    }
  });

  it('draws the minimum notice line exactly', () => {
    const atLine = { ...booking, startsAt: now + 24 * HOUR };
    const justInside = { ...booking, startsAt: now + 24 * HOUR - 1 };
    expect(customerMayReschedule(atLine, rules, now)).toEqual({ allowed: true });
    expect(customerMayReschedule(justInside, rules, now)).toEqual({ allowed: false, code: 'minimum_notice' });
    expect(customerMayCancel(justInside, rules, now)).toEqual({ allowed: false, code: 'minimum_notice' });
  });

  it('counts only the customer own reschedules against the limit, and none when there is no limit', () => {
    expect(customerMayReschedule({ ...booking, customerReschedules: 1 }, rules, now)).toEqual({
      allowed: true,
    });
    expect(customerMayReschedule({ ...booking, customerReschedules: 2 }, rules, now)).toEqual({
      allowed: false,
      code: 'reschedule_limit_reached',
    });
    expect(
      customerMayReschedule(
        { ...booking, customerReschedules: 99 },
        { ...rules, maxReschedulesPerBooking: null },
        now,
      ),
    ).toEqual({ allowed: true });
    // Cancelling is never limited by the reschedule count.
    expect(customerMayCancel({ ...booking, customerReschedules: 2 }, rules, now)).toEqual({ allowed: true });
  });
});

describe('office change policy', () => {
  it('allows any confirmed booking, even one that has started, and nothing final', () => {
    expect(officeMayChange({ status: 'confirmed' })).toEqual({ allowed: true });
    expect(officeMayChange({ status: 'cancelled' })).toEqual({ allowed: false, code: 'booking_not_active' });
    expect(officeMayChange({ status: 'completed' })).toEqual({ allowed: false, code: 'booking_not_active' });
  });
});
