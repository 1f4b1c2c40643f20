import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowser, screenshot as saveScreenshot } from '../support/browser.js';
import { type E2eServer, startE2eServer } from '../support/e2e-server.js';
import { TEST_ADMIN } from '../support/test-app.js';

let server: E2eServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let serviceId: string;
let mayaId: string;

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

/** Every page is looked at twice: as on a laptop, and as on a tablet, where nothing may stick out sideways. */
async function screenshots(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 768, height: 900 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} overflows horizontally at 768`).toBeLessThanOrEqual(0);
  await saveScreenshot(page, `${name}-768`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function go(section: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).click();
  await page.getByRole('heading', { level: 1, name: section }).waitFor();
}

beforeAll(async () => {
  server = await startE2eServer();
  expect(
    (
      await server.api('PATCH', '/settings', {
        businessName: 'Bright Side Cleaning',
        timezone: 'America/New_York',
        locale: 'en-GB',
      })
    ).status,
  ).toBe(200);
  serviceId = (
    await created('/services', { name: 'Deep clean', durationMinutes: 120, bufferBeforeMinutes: 15 })
  ).id;
  mayaId = (await created('/staff', { name: 'Maya', email: 'maya@example.com', serviceIds: [serviceId] })).id;
  const alice = await created('/customers', { name: 'Alice Moreno', email: 'alice@example.com' });
  await created('/customers', { name: 'Bob Stone', email: 'bob@example.com', phone: '555 0100' });
  await created('/bookings', {
    customerId: alice.id,
    serviceId,
    staffId: mayaId,
    startsAt: '2026-12-08T15:00:00Z',
  });

  browser = await openBrowser({ width: 1280, height: 900 });
  page = browser.page;
  page.setDefaultTimeout(8_000);
  await page.goto(`${server.baseUrl}/admin/availability`);
  await page.getByLabel('Email address').fill(TEST_ADMIN.email);
  await page.getByLabel('Password').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Availability' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('setting up the business', () => {
  test('Availability: a lunch break on Tuesdays, a refused overlap, the time zone, and blocked time', async () => {
    const hours = page.getByRole('group', { name: 'Business working hours' });
    await hours.getByRole('button', { name: 'Add a range on Tuesday' }).click();
    await hours.getByLabel('Tuesday range 1 until').fill('12:00');
    await hours.getByLabel('Tuesday range 2 from').fill('11:00');
    await hours.getByLabel('Tuesday range 2 until').fill('17:00');
    await page.getByRole('button', { name: 'Save working hours' }).click();
    await page.getByText('Two ranges overlap: make them follow each other').waitFor();
    expect(await hours.getByLabel('Tuesday range 2 from').getAttribute('aria-invalid')).toBe('true');

    await hours.getByLabel('Tuesday range 2 from').fill('13:00');
    await page.getByLabel('Time zone').selectOption('America/Chicago');
    await page.getByRole('button', { name: 'Save working hours' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
    const settings = await json('/settings');
    expect(settings.timezone).toBe('America/Chicago');
    expect(settings.workingHours.tue).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);

    await page.getByLabel('Who').selectOption({ label: 'Maya' });
    await page.getByLabel('Reason (optional)').fill('Dentist');
    await page.getByLabel('From date').fill('2026-12-09');
    await page.getByLabel('From time').fill('09:00');
    await page.getByLabel('Until date').fill('2026-12-09');
    await page.getByLabel('Until time').fill('11:30');
    await page.getByRole('button', { name: 'Block this time' }).click();
    await page.getByRole('cell', { name: 'Dentist' }).waitFor();
    const [blocked] = await json('/blocked-events');
    // 09:00 in Chicago is 15:00 UTC.
    expect(blocked).toMatchObject({
      staffId: mayaId,
      startsAt: '2026-12-09T15:00:00.000Z',
      endsAt: '2026-12-09T17:30:00.000Z',
    });
    await screenshots('admin-availability');

    await page.getByRole('button', { name: /^Delete blocked time/ }).click();
    await page
      .getByRole('dialog', { name: 'Delete this blocked time?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByText('No blocked time ahead.').waitFor();
    expect(await json('/blocked-events')).toEqual([]);
  });

  test('Staff: Maya gets her own hours, off on Fridays', async () => {
    await go('Staff');
    await page.getByRole('link', { name: 'Maya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maya' }).waitFor();
    await page.getByLabel('Own working hours').check();
    await page.getByRole('button', { name: /^Remove Friday/ }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const maya = await json(`/staff/${mayaId}`);
    expect(maya.workingHours.fri).toEqual([]);
    expect(maya.workingHours.tue).toHaveLength(2);
    await screenshots('admin-staff-member');
  });

  test('Services: a service with bookings cannot be deleted, and is deactivated instead', async () => {
    await go('Services');
    await page.getByRole('button', { name: 'Edit Deep clean' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Deep clean' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByText('This service has bookings').waitFor();
    await dialog.getByRole('button', { name: 'Deactivate instead' }).click();
    await page.getByText('Deep clean is no longer offered.').waitFor();
    expect((await json(`/services/${serviceId}`)).active).toBe(false);
    await screenshots('admin-services');
  });

  test('Customers: search, add and edit', async () => {
    await go('Customers');
    await page.getByLabel('Search customers').fill('bob');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'New customer' }).click();
    const add = page.getByRole('dialog', { name: 'New customer' });
    await add.getByLabel('Name').fill('Carla Diaz');
    await add.getByLabel('Email address').fill('alice@example.com');
    await add.getByRole('button', { name: 'Add customer' }).click();
    // The email is taken: the server's message stands next to the field.
    await add.getByText('Another customer already has this email').waitFor();
    await add.getByLabel('Email address').fill('carla@example.com');
    await add.getByRole('button', { name: 'Add customer' }).click();
    await page.getByText('Carla Diaz is added.').waitFor();

    await page.getByLabel('Search customers').fill('carla');
    await page.getByRole('button', { name: 'Edit Carla Diaz' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Carla Diaz' });
    await edit.getByLabel('Phone (optional)').fill('555 0199');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: '555 0199' }).waitFor();
    const [carla] = await json('/customers?search=carla');
    expect(carla).toMatchObject({ name: 'Carla Diaz', email: 'carla@example.com', phone: '555 0199' });
    await screenshots('admin-customers');
  });

  test('Outbox: the confirmation waits to be sent, then shows as sent with its content', async () => {
    await go('Outbox');
    await page.getByRole('cell', { name: 'Waiting to send' }).waitFor();
    await server.deliverMail();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('cell', { name: 'Sent', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Booking Confirmation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Booking Confirmation' }).waitFor();
    await page
      .frameLocator('iframe[title="The email as the customer sees it"]')
      .getByText('Your booking is confirmed')
      .first()
      .waitFor();
    await screenshots('admin-outbox-email');
  });

  test('a session that ends mid-work asks for the password over the page, then carries on', async () => {
    await page.evaluate(() => fetch('/api/v1/auth/session', { method: 'DELETE' }));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.getByLabel('Email address').fill(TEST_ADMIN.email);
    await dialog.getByLabel('Password').fill(TEST_ADMIN.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Sent', exact: true }).waitFor();
  });
});
