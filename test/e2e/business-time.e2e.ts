import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src/shared/business-time.js';
import { openBrowser } from '../support/browser.js';
import { type E2eServer, startE2eServer } from '../support/e2e-server.js';
import { linkIn } from '../support/smtp-sink.js';
import { TEST_ADMIN } from '../support/test-app.js';

// A business in Johannesburg: the zone the pages used to write as "GMT+2" while the emails said "SAST".
const ZONE = 'Africa/Johannesburg';
const STARTS_AT = '2026-12-08T08:00:00Z'; // 10:00 in Johannesburg
const WHEN = 'Tuesday 8 December 2026, 10:00 SAST';

describe('one way of writing a time, in the emails and on the pages', () => {
  let server: E2eServer;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let confirmation: ParsedMail;
  let bookingId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), openBrowser({ width: 1280, height: 900 })]);
    const call = async (method: string, path: string, body: unknown) => {
      const response = await server.api(method, path, body);
      expect(response.status, path).toBeLessThan(300);
      return response.json();
    };
    // A new business works Monday to Friday, 09:00 to 17:00.
    // Written in British English: the same words in the email and on both apps' pages.
    await call('PATCH', '/settings', { timezone: ZONE, locale: 'en-GB' });
    const service = await call('POST', '/services', { name: 'Standard clean', durationMinutes: 60 });
    const staff = await call('POST', '/staff', { name: 'Thandi', serviceIds: [service.id] });
    const customer = await call('POST', '/customers', { name: 'Sipho Dube', email: 'sipho@example.com' });
    const booking = await call('POST', '/bookings', {
      serviceId: service.id,
      staffId: staff.id,
      customerId: customer.id,
      startsAt: STARTS_AT,
    });
    bookingId = booking.id;
    await server.deliverMail();
    confirmation = server.sink.to('sipho@example.com')[0] as ParsedMail;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is the shared formatter’s, and the confirmation email says it', () => {
    expect(formatDateTime(STARTS_AT, ZONE)).toBe(WHEN);
    expect(confirmation.text).toContain(`When: ${WHEN}`);
  });

  it('reads the same on the admin’s Booking Details', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/admin/bookings/${bookingId}`);
    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('booking-time').textContent()).toBe(WHEN);
  });

  it('and, in its parts, on the customer’s booking page opened from the email', async () => {
    const { page } = browser;
    await page.goto(linkIn(confirmation, 'Reschedule or change booking details') as string);
    await expect.poll(() => page.getByTestId('booking-date').textContent()).toBe('Tuesday 8 December 2026');
    expect(await page.getByTestId('booking-time').textContent()).toBe('10:00 – 11:00 SAST');
  });
});
