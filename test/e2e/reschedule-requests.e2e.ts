import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot } from '../support/browser.js';
import { type E2eServer, startE2eServer } from '../support/e2e-server.js';
import { TEST_ADMIN } from '../support/test-app.js';

// The business is in New York; the server's clock stands at Tue 1 Dec 2026, 09:00 EST (14:00Z). The portal
// writes its dates and times as the business's locale does (en-US by default).
/** Intl writes a narrow no-break space before AM/PM in newer ICU: compared as a plain space. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');
const ALICE = 'alice@example.com';
const OFFICE = 'office@test-cleaning.example';
const nineToFive = [{ start: '09:00', end: '17:00' }];

describe('the office asks, the customer picks: from the request email on a phone', () => {
  let server: E2eServer;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let bookingId: string;

  async function admin(method: string, path: string, body?: unknown, status = 200) {
    const response = await server.api(method, path, body);
    const json = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(status);
    return json;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), openBrowser({ width: 1280, height: 800 })]);
    page = browser.page;
    page.setDefaultTimeout(8_000);
    await admin('PATCH', '/settings', {
      businessName: 'Test Cleaning',
      timezone: 'America/New_York',
      slotIntervalMinutes: 30,
      notificationEmail: OFFICE,
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
    const service = await admin('POST', '/services', { name: 'Standard clean', durationMinutes: 60 }, 201);
    const maya = await admin('POST', '/staff', { name: 'Maya', serviceIds: [service.id] }, 201);
    const alice = await admin('POST', '/customers', { name: 'Alice Moreno', email: ALICE }, 201);
    // Thu 3 Dec 10:00 New York.
    const booking = await admin(
      'POST',
      '/bookings',
      { customerId: alice.id, serviceId: service.id, staffId: maya.id, startsAt: '2026-12-03T15:00:00Z' },
      201,
    );
    bookingId = booking.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks from Booking Details, the customer taps a suggested time and confirms, the office sees it accepted', async () => {
    // The office: Booking Details › Ask customer to reschedule.
    await page.goto(`${server.baseUrl}/admin/bookings/${bookingId}`);
    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Booking Details' }).waitFor();
    await page.getByRole('button', { name: 'Ask customer to reschedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask customer to reschedule' });
    await dialog.getByLabel('Message to the customer (optional)').fill('Maya is ill on Thursday, sorry!');
    await dialog.getByRole('button', { name: 'Ask customer to reschedule' }).click();
    await page.getByText('Alice Moreno has been asked to pick a new time (3 suggested).').waitFor();
    await page.getByText('The customer was asked to reschedule').waitFor();

    // The customer's email, caught by the SMTP sink: one link per suggested time.
    await server.deliverMail();
    const email = server.sink.to(ALICE).find((mail) => mail.subject?.startsWith('Please choose a new time'));
    expect(email, 'the request email reached the sink').toBeDefined();
    expect(email?.text).toContain('Maya is ill on Thursday, sorry!');
    const links = [
      ...String(email?.text).matchAll(/(http:\/\/127\.0\.0\.1:\d+\/portal\/bookings\/\S+&startsAt=\S+)/g),
    ].map((match) => match[1] as string);
    expect(links).toHaveLength(3);
    expect(decodeURIComponent((links[0] as string).split('&startsAt=')[1] ?? '')).toBe(
      '2026-12-03T14:00:00.000Z',
    );

    // On a phone: tap the first suggested time, 09:00; the page shows it ready to confirm.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(links[0] as string);
    await expect.poll(() => page.url()).toContain(`/portal/bookings/${bookingId}?startsAt=`);
    const banner = page.getByTestId('request-banner');
    await banner.getByRole('heading', { name: 'Your new time, ready to confirm' }).waitFor();
    expect(await banner.textContent()).toContain('Maya is ill on Thursday, sorry!');
    expect(plain(await page.getByTestId('booking-time').textContent())).toBe('10:00 AM – 11:00 AM EST');
    await screenshot(page, 'portal-reschedule-request-390');
    await banner.getByRole('button', { name: 'Confirm reschedule' }).first().click();
    await page.getByText('Your booking has been rescheduled').waitFor();
    await expect
      .poll(async () => plain(await page.getByTestId('booking-time').textContent()))
      .toBe('9:00 AM – 10:00 AM EST');
    expect(await page.getByTestId('booking-date').textContent()).toBe('Thursday, December 3, 2026');
    expect(await page.getByTestId('request-banner').count()).toBe(0);
    await screenshot(page, 'portal-reschedule-request-confirmed-390');

    // The office got its notice, and the Reschedule requests list shows who answered and how.
    await server.deliverMail();
    const notice = server.sink
      .to(OFFICE)
      .find((mail) => mail.subject?.startsWith('Alice Moreno picked a new time'));
    expect(notice, "the office's notice reached the sink").toBeDefined();
    expect(notice?.text).toContain('Alice Moreno accepted your reschedule request');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.baseUrl}/admin/reschedule-requests`);
    await page.getByRole('heading', { level: 1, name: 'Reschedule requests' }).waitFor();
    const row = page.locator('tbody tr').filter({ hasText: 'Alice Moreno' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Accepted by the customer from the email link');
    await page.getByLabel('Status').selectOption('accepted');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'admin-reschedule-requests-1280');
  });

  it('asks every customer of a staff member for a day from the calendar, marks the bookings and shows progress', async () => {
    const alice = (await admin('GET', '/customers')).find((each: { email: string }) => each.email === ALICE);
    const first = await admin('GET', `/bookings/${bookingId}`);
    // Fri 4 Dec 10:00 and 14:00 New York, with Maya.
    for (const startsAt of ['2026-12-04T15:00:00Z', '2026-12-04T19:00:00Z']) {
      await admin(
        'POST',
        '/bookings',
        { customerId: alice.id, serviceId: first.serviceId, staffId: first.staffId, startsAt },
        201,
      );
    }
    await page.goto(`${server.baseUrl}/admin/bookings?view=day&date=2026-12-04`);
    await page.getByRole('heading', { level: 1, name: 'Bookings' }).waitFor();
    await page.getByRole('button', { name: 'Ask customers to reschedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask customers to reschedule' });
    expect(await dialog.getByLabel('Staff member').inputValue()).toBe(first.staffId);
    // The dialog's days and times are written as the business's locale (en-US) writes them, like every admin field.
    expect(await dialog.getByLabel('From').inputValue()).toBe('12/04/2026');
    expect(await dialog.getByLabel('At').inputValue()).toBe('12:00 PM');
    // A day that names no date is refused on its field, with an example, before anything is sent.
    await dialog.getByLabel('To (included)').fill('');
    await dialog.getByRole('button', { name: 'Ask customers to reschedule' }).click();
    await dialog.getByText('Enter a date, e.g. 12/04/2026').waitFor();
    expect(await page.locator('a.calendar-booking.booking-asked').count()).toBe(0);
    await dialog.getByLabel('To (included)').fill('12/04/2026');
    await dialog.getByRole('button', { name: 'Ask customers to reschedule' }).click();
    await page.getByText('2 customers asked to pick a new time.').waitFor();
    await expect.poll(() => page.locator('a.calendar-booking.booking-asked').count()).toBe(2);
    expect(
      await page.locator('a.calendar-booking.booking-asked').first().getAttribute('aria-label'),
    ).toContain('asked to reschedule');
    await screenshot(page, 'admin-calendar-asked-1280');
    await page.getByRole('link', { name: 'See their answers' }).click();
    await page.getByTestId('batch-progress').getByText('0 of 2 answered').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
  });
});
