import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, openBrowser, screenshot as saveScreenshot } from '../support/browser.js';
import { type E2eServer, startE2eServer } from '../support/e2e-server.js';
import { TEST_ADMIN } from '../support/test-app.js';

const nineToFive = [{ start: '09:00', end: '17:00' }];

let server: E2eServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let bookingId: string;
let otherId: string;

async function created(path: string, body: unknown): Promise<{ id: string }> {
  const response = await server.api('POST', path, body);
  expect(response.status, path).toBe(201);
  return response.json();
}

async function screenshot(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, name);
}

async function noHorizontalOverflow(name: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} overflows horizontally`).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  server = await startE2eServer();
  expect(
    (
      await server.api('PATCH', '/settings', {
        businessName: 'Test Cleaning',
        timezone: 'America/New_York',
        // The dates and times these tests read are British English (the default is en-US).
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
      })
    ).status,
  ).toBe(200);
  const service = await created('/services', {
    name: 'Standard clean',
    durationMinutes: 60,
    bufferAfterMinutes: 15,
  });
  const maya = await created('/staff', { name: 'Maya', serviceIds: [service.id] });
  await created('/staff', { name: 'Tom', serviceIds: [service.id] });
  const alice = await created('/customers', { name: 'Alice Moreno', email: 'alice@example.com' });
  const bob = await created('/customers', { name: 'Bob Stone', email: 'bob@example.com' });

  // Tue 8 Dec 10:00 New York, booked by the office; the customer gets the confirmation with her link.
  const booking = await created('/bookings', {
    customerId: alice.id,
    serviceId: service.id,
    staffId: maya.id,
    startsAt: '2026-12-08T15:00:00Z',
  });
  bookingId = booking.id;
  await server.deliverMail();
  const mail = server.sink.messages.find((message) =>
    message.subject?.startsWith('Your booking is confirmed'),
  );
  const link = /(http:\/\/127\.0\.0\.1:\d+\/portal\/bookings\/[^\s?]+\?token=[^\s"<]+)/.exec(
    mail?.text ?? '',
  )?.[1];
  expect(link).toBeDefined();

  // She opens the link from the email and moves the booking to Thu 10 Dec 14:00.
  const opened = await fetch(link as string, { redirect: 'manual' });
  expect(opened.status).toBe(303);
  const cookie = opened.headers
    .getSetCookie()
    .map((each) => each.split(';')[0])
    .join('; ');
  const moved = await fetch(`${server.baseUrl}/api/v1/portal/bookings/${bookingId}/reschedule`, {
    method: 'POST',
    headers: { cookie, origin: server.baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ startsAt: '2026-12-10T19:00:00Z', reason: 'Car broke down' }),
  });
  expect(moved.status).toBe(200);

  // The office squeezes Bob in at the same time anyway: a conflict to resolve.
  const other = await created('/bookings', {
    customerId: bob.id,
    serviceId: service.id,
    staffId: maya.id,
    startsAt: '2026-12-10T19:30:00Z',
    allowConflict: true,
  });
  otherId = other.id;
  await server.deliverMail();

  browser = await openBrowser({ width: 1280, height: 900 });
  page = browser.page;
  page.setDefaultTimeout(8_000);
  await page.goto(`${server.baseUrl}/admin/bookings?view=list&from=2026-12-01&to=2026-12-31`);
  await page.getByLabel('Email address').fill(TEST_ADMIN.email);
  await page.getByLabel('Password').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bookings' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Bookings › Booking Details', () => {
  test('a booking the customer rescheduled by email link shows its new time, history, conflict and emails', async () => {
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const alicesRow = rows.filter({ hasText: 'Alice Moreno' });
    expect(await alicesRow.textContent()).toContain('Thu 10 Dec 14:00–15:00');
    await screenshot('admin-bookings-list-1280');
    await alicesRow.getByRole('link').first().click();

    await page.getByRole('heading', { level: 1, name: 'Booking Details' }).waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/admin/bookings/${bookingId}`);
    expect(await page.getByTestId('booking-time').textContent()).toBe('Thursday 10 December 2026, 14:00 EST');
    const history = page.getByRole('region', { name: 'History' });
    await history
      .getByText(
        'Rescheduled by customer via email link: Tue 8 Dec 10:00 → Thu 10 Dec 14:00, reason: Car broke down',
      )
      .waitFor();
    await history.getByText('Booked by admin via API for Tue 8 Dec 10:00').waitFor();

    const conflict = page.getByRole('status').filter({ hasText: 'This booking has a conflict' });
    await conflict.getByText('Overlaps another booking: Thu 10 Dec 14:30–15:30').waitFor();
    expect(await conflict.getByRole('link', { name: 'Open that booking' }).getAttribute('href')).toBe(
      `/admin/bookings/${otherId}`,
    );

    const emails = page.getByRole('region', { name: 'Emails' });
    await emails.getByRole('link', { name: 'Booking Rescheduled' }).waitFor();
    await emails.getByRole('link', { name: 'Booking Confirmation' }).waitFor();
    expect(await emails.getByText('Sent', { exact: true }).count()).toBe(2);
    await expectAccessible(page);
    await screenshot('admin-booking-details-1280');
  });

  test('the office moves it to a free time from the availability picker', async () => {
    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule booking' });
    await dialog.getByRole('button', { name: 'Friday 11 December 2026' }).click();
    await dialog.getByRole('group', { name: 'Free times on Friday 11 December 2026' }).waitFor();
    await dialog.getByRole('radio', { name: '10:00' }).check();
    await dialog.getByLabel('Reason (optional)').fill('Maya is off on Thursday afternoon');
    await expectAccessible(page, 'dialog');
    await saveScreenshot(page, 'admin-reschedule-dialog-1280');
    await dialog.getByRole('button', { name: 'Reschedule', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText('Rescheduled to Friday 11 December 2026, 10:00 EST.').waitFor();
    expect(await page.getByTestId('booking-time').textContent()).toBe('Friday 11 December 2026, 10:00 EST');
    await page
      .getByRole('region', { name: 'History' })
      .getByText(
        'Rescheduled by admin via admin portal: Thu 10 Dec 14:00 → Fri 11 Dec 10:00, reason: Maya is off on Thursday afternoon',
      )
      .waitFor();
    // Moved away from Bob's booking, the conflict is gone.
    expect(await page.getByText('This booking has a conflict').count()).toBe(0);
    const details = await (await server.api('GET', `/bookings/${bookingId}`)).json();
    expect(details).toMatchObject({ startsAt: '2026-12-11T15:00:00.000Z', rescheduleCount: 2 });
    expect(details.history.at(-1)).toMatchObject({ actor: 'admin', channel: 'admin' });
  });

  test('the day calendar shows the booking in Maya’s column, and the week calendar shows her week', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookings' }).click();
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByLabel('Date').fill('2026-12-11');
    const maya = page.getByRole('region', { name: 'Maya' });
    await maya.getByRole('link', { name: /^10:00–11:00, Alice Moreno, Standard clean/ }).waitFor();
    expect(await page.getByRole('region', { name: 'Tom' }).getByRole('link').count()).toBe(0);
    await noHorizontalOverflow('day calendar at 1280');
    await screenshot('admin-calendar-day-1280');

    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await page.getByRole('heading', { name: /Mon 7 Dec – Sun 13 Dec · Maya/ }).waitFor();
    await page
      .getByRole('region', { name: 'Thu 10 Dec' })
      .getByRole('link', { name: /Bob Stone/ })
      .waitFor();
    await page
      .getByRole('region', { name: 'Fri 11 Dec' })
      .getByRole('link', { name: /Alice Moreno/ })
      .waitFor();
    await screenshot('admin-calendar-week-1280');

    await page.setViewportSize({ width: 768, height: 900 });
    await noHorizontalOverflow('week calendar at 768');
    await screenshot('admin-calendar-week-768');
  });

  test('cancelling the other booking, and the details page at 768 pixels wide', async () => {
    await page.goto(`${server.baseUrl}/admin/bookings/${otherId}`);
    await page.getByRole('heading', { level: 1, name: 'Booking Details' }).waitFor();
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this booking?' });
    await dialog.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByText('The booking is cancelled.').waitFor();
    await page
      .getByRole('region', { name: 'History' })
      .getByText('Cancelled by admin via admin portal')
      .waitFor();
    expect((await (await server.api('GET', `/bookings/${otherId}`)).json()).status).toBe('cancelled');
    expect(await page.getByRole('button', { name: 'Reschedule', exact: true }).count()).toBe(0);
    await noHorizontalOverflow('Booking Details at 768');
    await screenshot('admin-booking-details-768');
  });

  test('the office books Bob in by phone on a free time, and he is sent a confirmation', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookings' }).click();
    await page.getByRole('button', { name: 'New booking' }).click();
    const dialog = page.getByRole('dialog', { name: 'New booking' });
    await dialog.getByLabel('Find customer').fill('bob');
    await dialog
      .getByLabel('Customer', { exact: true })
      .selectOption({ label: 'Bob Stone — bob@example.com' });
    await dialog.getByLabel('Staff member').selectOption({ label: 'Tom' });
    await dialog.getByRole('button', { name: 'Monday 14 December 2026' }).click();
    await dialog.getByRole('radio', { name: '11:30' }).check();
    await dialog.getByRole('button', { name: 'Book and send confirmation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Booking Details' }).waitFor();
    expect(await page.getByTestId('booking-time').textContent()).toBe('Monday 14 December 2026, 11:30 EST');
    await page
      .getByRole('region', { name: 'History' })
      .getByText('Booked by admin via admin portal for Mon 14 Dec 11:30')
      .waitFor();
    await page
      .getByRole('region', { name: 'Emails' })
      .getByRole('link', { name: 'Booking Confirmation' })
      .waitFor();
  });

  test('a move to another staff member says from whom to whom in the history', async () => {
    // Bob, booked with Tom, moves himself to Maya from his confirmation's link (customers may change staff).
    const bobsId = page.url().split('/').at(-1) as string;
    const staff = (await (await server.api('GET', '/staff')).json()) as { id: string; name: string }[];
    const maya = staff.find((member) => member.name === 'Maya');
    const allowed = await server.api('PATCH', '/settings', { customerPortal: { allowStaffChange: true } });
    expect(allowed.status).toBe(200);
    await server.deliverMail();
    const mail = server.sink.messages.find(
      (message) => message.subject?.startsWith('Your booking is confirmed') && message.text?.includes(bobsId),
    );
    const link = new RegExp(`(http://127\\.0\\.0\\.1:\\d+/portal/bookings/${bobsId}\\?token=[^\\s"<]+)`).exec(
      mail?.text ?? '',
    )?.[1];
    const opened = await fetch(link as string, { redirect: 'manual' });
    const cookie = opened.headers
      .getSetCookie()
      .map((each) => each.split(';')[0])
      .join('; ');
    const moved = await fetch(`${server.baseUrl}/api/v1/portal/bookings/${bobsId}/reschedule`, {
      method: 'POST',
      headers: { cookie, origin: server.baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ startsAt: '2026-12-14T18:00:00Z', staffId: maya?.id }),
    });
    expect(moved.status, await moved.text()).toBe(200);
    await page.reload();
    await page
      .getByRole('region', { name: 'History' })
      .getByText(
        'Rescheduled by customer via email link: Mon 14 Dec 11:30 → Mon 14 Dec 13:00, from Tom to Maya',
        {
          exact: true,
        },
      )
      .waitFor();
  });
});
