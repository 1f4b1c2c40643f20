import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBrowser, screenshot } from '../support/browser.js';
import { type E2eServer, startE2eServer } from '../support/e2e-server.js';
import { linkIn } from '../support/smtp-sink.js';

// The business is in New York; the server's clock stands at Tue 1 Dec 2026, 09:00 EST (14:00Z).
const ALICE = 'alice@example.com';
const BEN = 'ben@example.com';
const RESCHEDULE_LINK = 'Reschedule or change booking details';
const OPEN_LINK = 'open your booking';
const BLOCKED = 'Please call us on 555-0100 to change this booking.';
const nineToFive = [{ start: '09:00', end: '17:00' }];

describe('customer portal: what the business allows', () => {
  let server: E2eServer;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let ids: { serviceId: string; staffId: string; customerId: string };

  async function admin(method: string, path: string, body?: unknown, status = 200) {
    const response = await server.api(method, path, body);
    const json = status === 204 ? null : await response.json();
    expect(response.status, JSON.stringify(json)).toBe(status);
    return json;
  }

  const portalRules = (rules: Record<string, unknown>) =>
    admin('PATCH', '/settings', { customerPortal: rules });

  /** Books through the office and returns the booking and its delivered confirmation email. */
  async function book(
    startsAt: string,
    customer = { id: ids.customerId, email: ALICE },
  ): Promise<{ id: string; confirmation: ParsedMail }> {
    const booking = await admin('POST', '/bookings', { ...ids, customerId: customer.id, startsAt }, 201);
    await server.deliverMail();
    const confirmation = server.sink
      .to(customer.email)
      .find(
        (mail) =>
          mail.subject?.startsWith('Your booking is confirmed') && String(mail.html).includes(booking.id),
      );
    expect(confirmation, 'the confirmation email reached the sink').toBeDefined();
    return { id: booking.id, confirmation: confirmation as ParsedMail };
  }

  async function open(link: string | undefined, id: string): Promise<void> {
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/portal/bookings/${id}\\?token=`));
    await page.goto(link as string);
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/portal/bookings/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Standard clean' }).waitFor();
  }

  const buttonCount = (name: string) => page.getByRole('button', { name, exact: true }).count();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), openBrowser({ width: 360, height: 740 })]);
    page = browser.page;
    await admin('PATCH', '/settings', {
      businessName: 'Test Cleaning',
      locale: 'en-GB',
      timezone: 'America/New_York',
      slotIntervalMinutes: 30,
      notificationEmail: 'office@test-cleaning.example',
      workingHours: {
        mon: nineToFive,
        tue: nineToFive,
        wed: nineToFive,
        thu: nineToFive,
        fri: nineToFive,
        sat: [],
        sun: [],
      },
      customerPortal: { changeBlockedMessage: BLOCKED },
    });
    const service = await admin('POST', '/services', { name: 'Standard clean', durationMinutes: 60 }, 201);
    const staff = await admin('POST', '/staff', { name: 'Maya', serviceIds: [service.id] }, 201);
    const customer = await admin('POST', '/customers', { name: 'Alice Moreno', email: ALICE }, 201);
    ids = { serviceId: service.id, staffId: staff.id, customerId: customer.id };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    // Each test starts as a stranger to the portal, with the business's default rules.
    await browser.context.clearCookies();
    await portalRules({ allowReschedule: true, allowCancel: true, minimumNoticeMinutes: 24 * 60 });
  });

  it('with rescheduling off: no link in the email, no Reschedule button, and the API refuses with 403', async () => {
    await portalRules({ allowReschedule: false });
    const { id, confirmation } = await book('2026-12-03T15:00:00Z');
    expect(String(confirmation.html)).not.toContain(RESCHEDULE_LINK);
    expect(confirmation.text).not.toContain(RESCHEDULE_LINK);
    await open(linkIn(confirmation, OPEN_LINK), id);

    // With Cancel booking still there, only rescheduling is said to be unavailable (issue 10).
    const explanation = page.locator('.notice').filter({ hasText: 'Rescheduling online is not available' });
    expect(await explanation.textContent()).toBe(
      `Rescheduling online is not availableThis booking cannot be rescheduled online. ${BLOCKED}`,
    );
    expect(await buttonCount('Reschedule')).toBe(0);
    expect(await buttonCount('Cancel booking')).toBe(1);
    await screenshot(page, 'portal-reschedule-off-360');

    const answer = await page.evaluate(async (bookingId) => {
      const response = await fetch(`/api/v1/portal/bookings/${bookingId}/reschedule`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ startsAt: '2026-12-04T19:00:00Z' }),
      });
      return { status: response.status, body: await response.json() };
    }, id);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('reschedule_disabled');
    expect((await admin('GET', `/bookings/${id}`)).startsAt).toBe('2026-12-03T15:00:00.000Z');
  });

  it('inside the minimum notice: explains the 24-hour rule and offers no change', async () => {
    // 16:00 EST today: seven hours from the server's now.
    const { id, confirmation } = await book('2026-12-01T21:00:00Z');
    expect(linkIn(confirmation, RESCHEDULE_LINK)).toBeUndefined();
    await open(linkIn(confirmation, OPEN_LINK), id);

    const explanation = page.locator('.notice').filter({ hasText: 'Changes online are not available' });
    expect(await explanation.textContent()).toBe(
      `Changes online are not availableChanges can be made up to 24 hours before your appointment. ${BLOCKED}`,
    );
    expect(await buttonCount('Reschedule')).toBe(0);
    expect(await buttonCount('Cancel booking')).toBe(0);
    expect(await page.getByTestId('booking-time').textContent()).toBe('16:00 – 17:00 EST');
    await screenshot(page, 'portal-minimum-notice-360');
  });

  it('a cancelled booking, opened after signing in by email from My bookings, shows it is cancelled and offers no change', async () => {
    // Ben has his own bookings, so his list holds exactly these two.
    const ben = await admin('POST', '/customers', { name: 'Ben Ortiz', email: BEN }, 201);
    const { id } = await book('2026-12-09T15:00:00Z', ben);
    await book('2026-12-10T15:00:00Z', ben);
    await admin('POST', `/bookings/${id}/cancel`, { reason: 'Office closed' });

    await page.goto(`${server.baseUrl}/portal/sign-in`);
    await page.getByLabel('Email address').fill(BEN);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();
    await screenshot(page, 'portal-sign-in-sent-360');

    await server.deliverMail();
    const signIn = server.sink.to(BEN).find((mail) => mail.subject === 'Your sign-in link for Test Cleaning');
    const link = signIn && linkIn(signIn, 'Sign in');
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/portal/sign-in/verify\\?token=`));
    await page.goto(link as string);
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/portal`);
    await page.getByRole('heading', { level: 1, name: 'My bookings' }).waitFor();
    const upcoming = page.getByRole('region', { name: 'Upcoming' });
    const earlier = page.getByRole('region', { name: 'Past and cancelled' });
    await upcoming.getByRole('link').first().waitFor();
    expect(await upcoming.getByRole('link').allTextContents()).toEqual([
      'Standard cleanConfirmedThursday 10 December 2026, 10:00 – 11:00 ESTwith Maya›',
    ]);
    expect(await earlier.getByRole('link').allTextContents()).toEqual([
      'Standard cleanCancelledWednesday 9 December 2026, 10:00 – 11:00 ESTwith Maya›',
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'portal-my-bookings-360');

    await earlier.getByRole('link').click();
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/portal/bookings/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Standard clean' }).waitFor();
    expect(await page.locator('.badge').textContent()).toBe('Cancelled');
    expect(await page.locator('.notice').first().textContent()).toBe(
      'This booking was cancelledIt no longer takes place and cannot be changed online.',
    );
    expect(await buttonCount('Reschedule')).toBe(0);
    expect(await buttonCount('Cancel booking')).toBe(0);
    expect(await page.locator('.history-text').allTextContents()).toEqual([
      'Cancelled by our team: Wed 9 Dec 10:00',
      'Booked by our team: Wed 9 Dec 10:00',
    ]);
    expect(await page.locator('.history-reason').allTextContents()).toEqual(['“Office closed”']);
    await screenshot(page, 'portal-cancelled-360');
  });

  it('cancels after a confirm step, and the booking can then no longer be changed', async () => {
    const { id, confirmation } = await book('2026-12-22T15:00:00Z');
    await open(linkIn(confirmation, RESCHEDULE_LINK), id);
    await page.getByRole('button', { name: 'Cancel booking', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel booking' });
    expect(await dialog.locator('p').first().textContent()).toBe(
      'Cancel your Standard clean with Maya on Tuesday 22 December 2026 at 10:00 EST?',
    );
    await dialog.getByLabel('Reason (optional)').fill('Travelling');
    await screenshot(page, 'portal-cancel-dialog-360');
    await dialog.getByRole('button', { name: 'Yes, cancel booking' }).click();
    await dialog.waitFor({ state: 'detached' });

    expect(
      await page.getByRole('status').filter({ hasText: 'Your booking has been cancelled' }).textContent(),
    ).toBe('Your booking has been cancelledA cancellation email is on its way.');
    // One message about it: the banner, not a second "This booking was cancelled" stacked below (issue 10).
    expect(await page.locator('.notice').count()).toBe(1);
    expect(await page.locator('.badge').textContent()).toBe('Cancelled');
    expect(await buttonCount('Reschedule')).toBe(0);
    expect(await buttonCount('Cancel booking')).toBe(0);
    const stored = await admin('GET', `/bookings/${id}`);
    expect(stored.status).toBe('cancelled');
    expect(stored.history).toContainEqual(
      expect.objectContaining({
        type: 'cancelled',
        actor: 'customer',
        channel: 'email_link',
        reason: 'Travelling',
      }),
    );
  });

  it('with cancelling off, Schedule an appointment takes the place of Cancel booking and books a new appointment', async () => {
    await portalRules({ allowCancel: false });
    const { id, confirmation } = await book('2026-12-16T15:00:00Z');
    await open(linkIn(confirmation, RESCHEDULE_LINK), id);
    expect(await buttonCount('Cancel booking')).toBe(0);
    expect(await buttonCount('Reschedule')).toBe(1);
    expect(await page.locator('.action-note').first().textContent()).toBe(
      `This booking cannot be cancelled online. ${BLOCKED}`,
    );
    await screenshot(page, 'portal-cancel-off-360');

    await page.getByRole('link', { name: 'Schedule an appointment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule an appointment' }).waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/portal/book?near=2026-12-16`);
    const service = page.getByRole('radio', { name: 'Standard clean 1 hour' });
    await service.waitFor();
    expect(await service.isChecked()).toBe(true);
    await screenshot(page, 'portal-schedule-service-360');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('button', { name: 'Friday 18 December 2026' }).click();
    await page.getByRole('heading', { name: 'Friday 18 December' }).waitFor();
    expect(
      await page.getByRole('button', { name: 'Saturday 19 December 2026, no free times' }).isDisabled(),
    ).toBe(true);
    await screenshot(page, 'portal-schedule-time-360');
    await page.getByRole('button', { name: '11:00', exact: true }).click();

    await page.getByRole('heading', { name: 'Step 3 of 3: Confirm your appointment' }).waitFor();
    expect(await page.locator('.summary').textContent()).toBe(
      'ServiceStandard clean (1 hour)WhenFriday 18 December 2026 at 11:00 EST',
    );
    await page.getByLabel('Notes for us (optional)').fill('Side door, please');
    await screenshot(page, 'portal-schedule-confirm-360');
    await page.getByRole('button', { name: 'Confirm booking' }).click();

    await page.getByRole('status').filter({ hasText: 'Your appointment is booked' }).waitFor();
    const newId = page.url().split('/').pop() as string;
    expect(page.url()).toBe(`${server.baseUrl}/portal/bookings/${newId}`);
    expect(newId).not.toBe(id);
    expect(
      await page.getByRole('status').filter({ hasText: 'Your appointment is booked' }).textContent(),
    ).toBe(
      'Your appointment is bookedSee you on Friday 18 December 2026 at 11:00 EST. A confirmation email is on its way.',
    );
    expect(await page.getByTestId('booking-date').textContent()).toBe('Friday 18 December 2026');
    expect(await page.getByTestId('booking-time').textContent()).toBe('11:00 – 12:00 EST');
    expect(await page.locator('.notes').textContent()).toBe('Side door, please');
    await screenshot(page, 'portal-schedule-booked-360');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'portal-schedule-booked-1280');
    await page.setViewportSize({ width: 360, height: 740 });

    const created = await admin('GET', `/bookings/${newId}`);
    expect(created).toMatchObject({
      customerId: ids.customerId,
      serviceId: ids.serviceId,
      staffId: ids.staffId,
      startsAt: '2026-12-18T16:00:00.000Z',
      status: 'confirmed',
      notes: 'Side door, please',
    });
    expect(created.history).toEqual([expect.objectContaining({ type: 'created', actor: 'customer' })]);
    expect((await admin('GET', `/bookings/${id}`)).status).toBe('confirmed');
  });
});
