import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodePng } from '../../src/branding/default-favicon.js';
import { expectAccessible, openBrowser, screenshot as saveScreenshot } from '../support/browser.js';
import { type E2eServer, startE2eServer } from '../support/e2e-server.js';
import { TEST_ADMIN } from '../support/test-app.js';

// A New York business on the default locale, en-US: the admin writes "December 8" and "10:00 AM", and its date
// and time fields read and take them that way, not as the browser would.
let server: E2eServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let bookingId: string;
let mayaId: string;
let aliceId: string;

async function created(path: string, body: unknown): Promise<{ id: string }> {
  const response = await server.api('POST', path, body);
  expect(response.status, path).toBe(201);
  return response.json();
}

async function json(path: string) {
  const response = await server.api('GET', path);
  expect(response.status, path).toBe(200);
  return response.json();
}

/** Looked at on a laptop and on a phone, where nothing may stick out sideways. */
async function screenshots(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} overflows horizontally at 390`).toBeLessThanOrEqual(0);
  await saveScreenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  server = await startE2eServer();
  const settings = await server.api('PATCH', '/settings', {
    businessName: 'Bright Side Cleaning',
    timezone: 'America/New_York',
  });
  expect(settings.status).toBe(200);
  expect((await settings.json()).locale).toBe('en-US');
  const service = await created('/services', { name: 'Standard clean', durationMinutes: 60 });
  mayaId = (await created('/staff', { name: 'Maya', serviceIds: [service.id] })).id;
  aliceId = (await created('/customers', { name: 'Alice Moreno', email: 'alice@example.com' })).id;
  bookingId = (
    await created('/bookings', {
      customerId: aliceId,
      serviceId: service.id,
      staffId: mayaId,
      startsAt: '2026-12-08T15:00:00Z',
    })
  ).id;

  browser = await openBrowser({ width: 1280, height: 900 });
  page = browser.page;
  page.setDefaultTimeout(8_000);
  await page.goto(`${server.baseUrl}/admin/bookings/${bookingId}`);
  await page.getByLabel('Email address').fill(TEST_ADMIN.email);
  await page.getByLabel('Password').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Booking Details' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the business’s locale in the admin', () => {
  test('Booking Details writes the time as en-US does, and the title names the business', async () => {
    await expect
      .poll(() => page.getByTestId('booking-time').textContent())
      .toBe('Tuesday, December 8, 2026, 10:00 AM EST');
    await expect.poll(() => page.title()).toBe('Booking Details · Bright Side Cleaning · Rebook admin');
  });

  test('working hours and blocked time are typed and shown on a 12-hour clock, dates month first', async () => {
    await page.goto(`${server.baseUrl}/admin/availability`);
    const hours = page.getByRole('group', { name: 'Business working hours' });
    expect(await hours.getByLabel('Monday range 1 from').inputValue()).toBe('9:00 AM');
    expect(await hours.getByLabel('Monday range 1 until').inputValue()).toBe('5:00 PM');
    await hours.getByLabel('Monday range 1 until').fill('6:30 pm');
    await page.getByRole('button', { name: 'Save working hours' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
    expect((await json('/settings')).workingHours.mon).toEqual([{ start: '09:00', end: '18:30' }]);
    await hours.getByLabel('Monday range 1 until').blur();
    expect(await hours.getByLabel('Monday range 1 until').inputValue()).toBe('6:30 PM');

    const from = page.getByLabel('From date');
    expect(await from.getAttribute('placeholder')).toBe('MM/DD/YYYY');
    await from.fill('12/9/2026');
    await page.getByLabel('From time').fill('9:00 am');
    await page.getByLabel('Until date').fill('12/09/2026');
    await page.getByLabel('Until time').fill('11:30 AM');
    await page.getByRole('button', { name: 'Block this time' }).click();
    await page.getByRole('cell', { name: 'Wed, Dec 9 9:00 AM – 11:30 AM', exact: true }).waitFor();
    expect(await json('/blocked-events')).toMatchObject([
      { staffId: null, startsAt: '2026-12-09T14:00:00.000Z', endsAt: '2026-12-09T16:30:00.000Z' },
    ]);
    await screenshots('admin-availability-en-us');
  });

  test('the customer editor offers the customer’s language, the business’s by default', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('button', { name: 'Edit Alice Moreno' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Alice Moreno' });
    const language = dialog.getByLabel('Language');
    expect(await language.locator('option:checked').textContent()).toBe('The business’s (English)');
    await language.selectOption({ label: 'Español (Spanish)' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Alice Moreno is saved.').waitFor();
    expect((await json(`/customers/${aliceId}`)).language).toBe('es');
  });
});

describe('Settings › Business', () => {
  test('holds the phone, the accent colour and the locale, with a live example of the locale', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Business', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Business' }).waitFor();
    const sample = page.getByTestId('locale-sample');
    expect(await sample.textContent()).toBe('Friday, December 4, 2026, 5:30 PM EST');
    await page.getByLabel('Locale').selectOption('en-GB');
    expect(await sample.textContent()).toBe('Friday 4 December 2026, 17:30 EST');
    await page.getByLabel('Locale').selectOption('de-DE');
    expect(await sample.textContent()).toBe('Freitag, 4. Dezember 2026, 17:30 EST');

    await page.getByLabel('Accent colour').fill('#12345');
    await page.getByLabel('Phone number for customers').fill('(555) 010-4477');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // The server's own schema refuses the colour, before anything is sent: nothing saved.
    await page.getByText('Must be a colour #RRGGBB, e.g. #1d4ed8').waitFor();
    expect((await json('/settings')).locale).toBe('en-US');

    await page.getByLabel('Accent colour').fill('#0F766E');
    await page.getByLabel('Locale').selectOption('en-GB');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const settings = await json('/settings');
    expect(settings).toMatchObject({
      locale: 'en-GB',
      contactPhone: '(555) 010-4477',
      branding: { accentColor: '#0f766e', hasLogo: false },
    });
    await expectAccessible(page);
    await screenshots('admin-settings-business');
  });

  test('uploads a logo with a preview, refuses an SVG and a large image in words, and removes it', async () => {
    const chooser = page.getByLabel('Choose a logo');
    await chooser.setInputFiles({
      name: 'drawing.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    await page.getByAltText('The chosen logo, not saved yet').waitFor();
    await page.getByRole('button', { name: 'Save logo' }).click();
    await page
      .getByText('This file is not a PNG, JPEG or WebP image (SVG is not accepted). Choose another.')
      .waitFor();

    const large = Buffer.concat([encodePng(4, 4, new Uint8Array(64).fill(90)), Buffer.alloc(600 * 1024)]);
    await page
      .getByLabel('Choose a logo')
      .setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: large });
    await page.getByRole('button', { name: 'Save logo' }).click();
    await page
      .getByText('This image is larger than 512 KB. Choose a smaller one, or save it smaller.')
      .waitFor();
    expect((await json('/settings')).branding.hasLogo).toBe(false);

    const logo = encodePng(40, 10, new Uint8Array(40 * 10 * 4).fill(30));
    await page
      .getByLabel('Choose a logo')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
    await page.getByRole('button', { name: 'Save logo' }).click();
    await page.getByRole('status').filter({ hasText: 'Logo saved.' }).waitFor();
    await page.getByAltText('Bright Side Cleaning logo').waitFor();
    expect((await json('/settings')).branding.hasLogo).toBe(true);
    const served = await fetch(`${server.baseUrl}/api/v1/branding/logo`);
    expect(Buffer.from(await served.arrayBuffer()).equals(logo)).toBe(true);
    await screenshots('admin-settings-business-logo');

    await page.getByRole('button', { name: 'Remove logo' }).click();
    await page.getByRole('status').filter({ hasText: 'Logo removed.' }).waitFor();
    expect((await json('/settings')).branding.hasLogo).toBe(false);
  });

  test('the admin follows the saved locale at once: British dates and a 24-hour clock', async () => {
    await page.goto(`${server.baseUrl}/admin/bookings/${bookingId}`);
    await expect
      .poll(() => page.getByTestId('booking-time').textContent())
      .toBe('Tuesday 8 December 2026, 10:00 EST');
    await page.goto(`${server.baseUrl}/admin/availability`);
    const hours = page.getByRole('group', { name: 'Business working hours' });
    expect(await hours.getByLabel('Monday range 1 until').inputValue()).toBe('18:30');
    expect(await page.getByLabel('From date').getAttribute('placeholder')).toBe('DD/MM/YYYY');
  });
});
