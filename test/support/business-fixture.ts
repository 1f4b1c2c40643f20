import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

const nineToFive = [{ start: '09:00', end: '17:00' }];

export interface BusinessFixture {
  serviceId: string;
  staffId: string;
  otherStaffId: string;
  customerId: string;
}

/** A small business in New York: one 60-minute service with a 15-minute buffer after, two staff, one customer. */
export async function setUpBusiness(t: TestApp): Promise<BusinessFixture> {
  const settings = await t.api('PATCH', '/settings', {
    businessName: 'Test Cleaning',
    timezone: 'America/New_York',
    slotIntervalMinutes: 30,
    workingHours: {
      mon: nineToFive,
      tue: nineToFive,
      wed: nineToFive,
      thu: nineToFive,
      fri: nineToFive,
      sat: [],
      sun: [],
    },
  });
  expect(settings.statusCode).toBe(200);
  const service = await t.api('POST', '/services', {
    name: 'Standard clean',
    durationMinutes: 60,
    bufferAfterMinutes: 15,
  });
  expect(service.statusCode).toBe(201);
  const serviceId = service.json().id as string;
  const staff = await t.api('POST', '/staff', { name: 'Maya', serviceIds: [serviceId] });
  const otherStaff = await t.api('POST', '/staff', { name: 'Tom', serviceIds: [serviceId] });
  const customer = await t.api('POST', '/customers', { name: 'Alice Moreno', email: 'Alice@Example.com' });
  expect([staff.statusCode, otherStaff.statusCode, customer.statusCode]).toEqual([201, 201, 201]);
  return {
    serviceId,
    staffId: staff.json().id,
    otherStaffId: otherStaff.json().id,
    customerId: customer.json().id,
  };
}

export async function book(
  t: TestApp,
  business: BusinessFixture,
  startsAt: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; version: number; startsAt: string }> {
  const response = await t.api('POST', '/bookings', {
    customerId: business.customerId,
    serviceId: business.serviceId,
    staffId: business.staffId,
    startsAt,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
