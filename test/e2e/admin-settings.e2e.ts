import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot as saveScreenshot } from '../support/browser.js';
import { type E2eServer, startE2eServer } from '../support/e2e-server.js';
import { TEST_ADMIN } from '../support/test-app.js';

const RESCHEDULE_LABEL = 'Allow customers to reschedule bookings through the customer portal and email links';
const BUTTON_TEXT = 'Reschedule or change booking details';
const nineToFive = [{ start: '09:00', end: '17:00' }];

let server: E2eServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let ids: { serviceId: string; staffId: string; customerId: string };

async function created(path: string, body: unknown): Promise<{ id: string }> {
  const response = await server.api('POST', path, body);
  expect(response.status, path).toBe(201);
  return response.json();
}

/** A booking made by the office, and the confirmation email the customer got for it. */
async function bookWithConfirmation(startsAt: string): Promise<{ id: string; mail: ParsedMail }> {
  const booking = await created('/bookings', { ...ids, startsAt });
  const before = server.sink.messages.length;
  await server.deliverMail();
  const mail = server.sink.messages
    .slice(before)
    .find((message) => message.subject?.startsWith('Your booking is confirmed'));
  if (!mail) throw new Error('no confirmation email was delivered');
  return { id: booking.id, mail };
}

/** Opens the emailed booking link as the customer's browser would, keeping the cookie it sets. */
async function openBookingLink(mail: ParsedMail): Promise<string> {
  const link = /(http:\/\/127\.0\.0\.1:\d+\/portal\/bookings\/[^\s?]+\?token=[^\s"<]+)/.exec(
    mail.text ?? '',
  )?.[1];
  expect(link, 'booking link in the email').toBeDefined();
  const response = await fetch(link as string, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function portalBooking(id: string, cookie: string) {
  const response = await fetch(`${server.baseUrl}/api/v1/portal/bookings/${id}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as { actions: { reschedule: { allowed: boolean; code?: string } } };
}

/** Sticky toolbars draw where the page was scrolled to; a person looks at the page from its top. */
async function screenshot(target: Page, name: string) {
  await target.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(target, name);
}

async function noHorizontalOverflow(name: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} overflows horizontally`).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  server = await startE2eServer();
  const settings = await server.api('PATCH', '/settings', {
    businessName: 'Test Cleaning',
    timezone: 'America/New_York',
    locale: 'en-GB',
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
  expect(settings.status).toBe(200);
  const service = await created('/services', {
    name: 'Standard clean',
    durationMinutes: 60,
    bufferAfterMinutes: 15,
  });
  const staff = await created('/staff', { name: 'Maya', serviceIds: [service.id] });
  const customer = await created('/customers', { name: 'Alice Moreno', email: 'alice@example.com' });
  ids = { serviceId: service.id, staffId: staff.id, customerId: customer.id };
  browser = await openBrowser({ width: 1280, height: 800 });
  page = browser.page;
  page.setDefaultTimeout(8_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Settings › Customer Portal › Flags & Permissions', () => {
  test('the office turns online rescheduling off and on again, as the help article describes', async () => {
    const earlier = await bookWithConfirmation('2026-12-08T15:00:00Z');
    expect(earlier.mail.text).toContain(BUTTON_TEXT);
    const cookie = await openBookingLink(earlier.mail);
    expect((await portalBooking(earlier.id, cookie)).actions.reschedule.allowed).toBe(true);

    // Sign in through the page; a wrong password is refused with a message.
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByLabel('Email address').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('email address or password is wrong');
    await screenshot(page, 'admin-sign-in-refused');
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bookings' }).waitFor();

    // Go to Settings > Customer Portal > Flags & Permissions.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Customer Portal' }).waitFor();
    await page.getByRole('link', { name: 'Flags & Permissions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flags & Permissions' }).waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/admin/settings/customer-portal/flags-permissions`);
    const trail = await page.getByRole('navigation', { name: 'Breadcrumb' }).textContent();
    expect(trail?.replace(/\s*›\s*/g, ' › ')).toBe('Settings › Customer Portal › Flags & Permissions');
    await page.getByRole('heading', { level: 2, name: 'Booking flags' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-flags-1280');

    // In Booking flags, turn off "Allow customers to reschedule…", and save.
    const allowReschedule = page.getByLabel(RESCHEDULE_LABEL, { exact: true });
    expect(await allowReschedule.isChecked()).toBe(true);
    await allowReschedule.uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await (await server.api('GET', '/settings')).json()).customerPortal.allowReschedule).toBe(false);

    // The customer's booking page no longer offers rescheduling, and a new confirmation has no button.
    const refused = await portalBooking(earlier.id, cookie);
    expect(refused.actions.reschedule).toMatchObject({ allowed: false, code: 'reschedule_disabled' });
    const attempt = await fetch(`${server.baseUrl}/api/v1/portal/bookings/${earlier.id}/reschedule`, {
      method: 'POST',
      headers: { cookie, origin: server.baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ startsAt: '2026-12-09T15:00:00Z' }),
    });
    expect(attempt.status).toBe(403);
    const later = await bookWithConfirmation('2026-12-09T16:00:00Z');
    expect(later.mail.text).not.toContain(BUTTON_TEXT);
    expect(String(later.mail.html)).not.toContain(BUTTON_TEXT);

    // Turn it on again: the same booking page allows it, and new emails carry the button again.
    await allowReschedule.check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await portalBooking(earlier.id, cookie)).actions.reschedule.allowed).toBe(true);
    const again = await bookWithConfirmation('2026-12-10T16:00:00Z');
    expect(again.mail.text).toContain(BUTTON_TEXT);
    expect(String(again.mail.html)).toContain(BUTTON_TEXT);
  });

  test('real-time availability, minimum notice and the reschedule limit are saved, with errors next to the fields', async () => {
    const realTime = page.getByRole('switch', { name: 'Real-time availability' });
    expect(await realTime.getAttribute('aria-checked')).toBe('true');
    const description = await realTime.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain('existing bookings and blocked events are taken into account');
    await realTime.click();
    expect(await realTime.getAttribute('aria-checked')).toBe('false');
    await page.getByText('Conflicts are not checked', { exact: false }).waitFor();

    const notice = page.getByRole('group', { name: 'Minimum notice time' });
    await notice.getByLabel('hours').fill('2');
    await notice.getByLabel('minutes').fill('75');
    const limit = page.getByLabel('Maximum reschedules per booking');
    await limit.fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Minutes must be between 0 and 59').waitFor();
    await page.getByText('Enter a number from 1 to 100, or leave it empty for no limit').waitFor();
    expect(await limit.getAttribute('aria-invalid')).toBe('true');
    // Nothing was sent: the server still has the old values.
    expect((await (await server.api('GET', '/settings')).json()).customerPortal.realTimeAvailability).toBe(
      true,
    );
    await screenshot(page, 'admin-flags-errors');

    await notice.getByLabel('minutes').fill('30');
    await limit.fill('');
    await page.getByLabel('Message shown when a change is refused').fill('Please call us on (555) 010-4477.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const portal = (await (await server.api('GET', '/settings')).json()).customerPortal;
    expect(portal).toMatchObject({
      realTimeAvailability: false,
      minimumNoticeMinutes: 150,
      maxReschedulesPerBooking: null,
      changeBlockedMessage: 'Please call us on (555) 010-4477.',
    });
  });

  test('the page fits at 1280 and 768 pixels wide', async () => {
    await noHorizontalOverflow('Flags & Permissions at 1280');
    await page.setViewportSize({ width: 768, height: 900 });
    await noHorizontalOverflow('Flags & Permissions at 768');
    await screenshot(page, 'admin-flags-768');
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await noHorizontalOverflow('Settings at 768');
    await screenshot(page, 'admin-settings-768');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('Settings › Business › General', () => {
  test('the business name is saved and shown in the navigation', async () => {
    await page.getByRole('link', { name: 'General' }).click();
    await page.getByRole('heading', { level: 1, name: 'General' }).waitFor();
    await page.getByLabel('Business name').fill('Bright Side Cleaning');
    await page.getByLabel('Send the reminder (hours before)').fill('48');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('banner').getByText('Bright Side Cleaning').waitFor();
    const settings = await (await server.api('GET', '/settings')).json();
    expect(settings).toMatchObject({ businessName: 'Bright Side Cleaning', reminderLeadMinutes: 2880 });
  });
});
