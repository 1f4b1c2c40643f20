import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessible, openBrowser, screenshot } from '../support/browser.js';
import { type E2eServer, startE2eServer } from '../support/e2e-server.js';
import { linkIn } from '../support/smtp-sink.js';

// The business is in New York; the server's clock stands at Tue 1 Dec 2026, 09:00 EST (14:00Z).
const ALICE = 'alice@example.com';
const OFFICE = 'office@test-cleaning.example';
const RESCHEDULE_LINK = 'Reschedule or change booking details';
const nineToFive = [{ start: '09:00', end: '17:00' }];
/**
 * A time as the dialog lists it for Alice, who lives in Paris (six hours ahead of New York in December):
 * the business's clock, then hers (issue 10: the dialog shows each time in both zones).
 */
const bothClocks = (newYork: string) =>
  `${newYork} EST${String(Number(newYork.slice(0, 2)) + 6).padStart(2, '0')}${newYork.slice(2)} CET`;
/** The slot's accessible name: "14:00 EST (20:00 CET)". */
const slotName = (newYork: string) => bothClocks(newYork).replace(' EST', ' EST (').concat(')');

describe('customer portal: rescheduling from the email link', () => {
  let server: E2eServer;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let ids: { serviceId: string; staffId: string; customerId: string };

  async function admin(method: string, path: string, body?: unknown, status = 200) {
    const response = await server.api(method, path, body);
    const json = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(status);
    return json;
  }

  /** Books through the office, delivers the confirmation, and returns its booking link. */
  async function bookAndOpenLink(startsAt: string): Promise<string> {
    const booking = await admin('POST', '/bookings', { ...ids, startsAt }, 201);
    await server.deliverMail();
    const confirmation = server.sink
      .to(ALICE)
      .find(
        (mail) =>
          mail.subject?.startsWith('Your booking is confirmed') && String(mail.html).includes(booking.id),
      );
    expect(confirmation, 'the confirmation email reached the sink').toBeDefined();
    const link = linkIn(confirmation as ParsedMail, RESCHEDULE_LINK);
    expect(link).toMatch(
      new RegExp(`^${server.baseUrl}/portal/bookings/${booking.id}\\?token=[A-Za-z0-9_-]+$`),
    );
    await page.goto(link as string);
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/portal/bookings/${booking.id}`);
    await page.getByRole('heading', { level: 1, name: 'Standard clean' }).waitFor();
    return booking.id;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), openBrowser({ width: 360, height: 740 })]);
    page = browser.page;
    await admin('PATCH', '/settings', {
      businessName: 'Test Cleaning',
      locale: 'en-GB',
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
    const staff = await admin('POST', '/staff', { name: 'Maya', serviceIds: [service.id] }, 201);
    // Alice lives in Paris: her page also shows the time on her own clock.
    const customer = await admin(
      'POST',
      '/customers',
      { name: 'Alice Moreno', email: ALICE, timezone: 'Europe/Paris' },
      201,
    );
    ids = { serviceId: service.id, staffId: staff.id, customerId: customer.id };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await page.setViewportSize({ width: 360, height: 740 });
  });

  it('moves the booking from the confirmation email link, emails the new time and records who did it', async () => {
    const id = await bookAndOpenLink('2026-12-03T15:00:00Z');
    await expect.poll(() => page.getByTestId('booking-date').textContent()).toBe('Thursday 3 December 2026');
    expect(await page.getByTestId('booking-time').textContent()).toBe('10:00 – 11:00 EST');
    expect(await page.locator('.when-theirs').textContent()).toBe(
      'Your time: Thursday 3 December 2026, 16:00 – 17:00 CET',
    );
    expect(await page.locator('.history-text').allTextContents()).toEqual([
      'Booked by our team: Thu 3 Dec 10:00',
    ]);
    await screenshot(page, 'portal-booking-view-360');

    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule booking' });
    await dialog.waitFor();
    // Days without a free time cannot be chosen: Saturday, and Tuesday 1 December (inside the 24-hour notice).
    await dialog.getByRole('button', { name: 'Friday 4 December 2026' }).waitFor();
    expect(
      await dialog.getByRole('button', { name: 'Saturday 5 December 2026, no free times' }).isDisabled(),
    ).toBe(true);
    expect(
      await dialog.getByRole('button', { name: 'Tuesday 1 December 2026, no free times' }).isDisabled(),
    ).toBe(true);
    await dialog.getByRole('button', { name: 'Friday 4 December 2026' }).click();
    await dialog.getByRole('heading', { name: 'Friday 4 December' }).waitFor();
    expect(await dialog.locator('.time-slot').allTextContents()).toEqual(
      [
        '09:00',
        '09:30',
        '10:00',
        '10:30',
        '11:00',
        '11:30',
        '12:00',
        '12:30',
        '13:00',
        '13:30',
        '14:00',
        '14:30',
        '15:00',
        '15:30',
        '16:00',
      ].map(bothClocks),
    );
    await screenshot(page, 'portal-reschedule-dialog-times-360');
    await dialog.getByRole('button', { name: slotName('14:00'), exact: true }).click();

    await dialog.getByRole('heading', { name: 'Check your new time' }).waitFor();
    expect(await dialog.locator('.change-old').textContent()).toBe(
      'Thursday 3 December 2026 at 10:00 EST (Your time: Thursday 3 December 2026, 16:00 CET)',
    );
    expect(await dialog.locator('.change-new').textContent()).toBe(
      'Friday 4 December 2026 at 14:00 EST (Your time: Friday 4 December 2026, 20:00 CET)',
    );
    await dialog.getByLabel('Reason for the change (optional)').fill('Working late on Thursday');
    await screenshot(page, 'portal-reschedule-dialog-confirm-360');
    await dialog.getByRole('button', { name: 'Confirm reschedule' }).click();

    await dialog.waitFor({ state: 'detached' });
    const banner = page.getByRole('status').filter({ hasText: 'Your booking has been rescheduled' });
    expect(await banner.textContent()).toBe(
      'Your booking has been rescheduledIt is now on Friday 4 December 2026 at 14:00 EST. A confirmation email is on its way.',
    );
    expect(await page.getByTestId('booking-date').textContent()).toBe('Friday 4 December 2026');
    expect(await page.getByTestId('booking-time').textContent()).toBe('14:00 – 15:00 EST');
    expect(await page.locator('.history-text').allTextContents()).toEqual([
      'Rescheduled by you via email link: Thu 3 Dec 10:00 → Fri 4 Dec 14:00',
      'Booked by our team: Thu 3 Dec 10:00',
    ]);
    expect(await page.locator('.history-reason').allTextContents()).toEqual(['“Working late on Thursday”']);
    await screenshot(page, 'portal-rescheduled-360');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'portal-rescheduled-1280');

    await server.deliverMail();
    const rescheduled = server.sink
      .to(ALICE)
      .filter((mail) => mail.subject?.startsWith('Booking rescheduled'));
    expect(rescheduled.map((mail) => mail.subject)).toEqual([
      'Booking rescheduled: Standard clean is now on Fri 4 Dec, 14:00 EST',
    ]);
    expect(rescheduled[0]?.text).toContain(
      'When: Friday 4 December 2026, 14:00 EST\nYour time: Friday 4 December 2026, 20:00 CET\nPreviously: Thursday 3 December 2026, 10:00 EST\nReason: Working late on Thursday\n',
    );

    const stored = await admin('GET', `/bookings/${id}`);
    expect(stored.startsAt).toBe('2026-12-04T19:00:00.000Z');
    expect(stored.history).toContainEqual(
      expect.objectContaining({
        type: 'rescheduled',
        actor: 'customer',
        channel: 'email_link',
        fromStartsAt: '2026-12-03T15:00:00.000Z',
        toStartsAt: '2026-12-04T19:00:00.000Z',
        reason: 'Working late on Thursday',
      }),
    );
  });

  it('tells the customer when the chosen time was taken meanwhile, and offers the remaining times', async () => {
    const id = await bookAndOpenLink('2026-12-07T15:00:00Z');
    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule booking' });
    await dialog.getByRole('button', { name: 'Tuesday 8 December 2026' }).click();
    await dialog.getByRole('button', { name: slotName('13:00'), exact: true }).click();
    await dialog.getByRole('heading', { name: 'Check your new time' }).waitFor();
    // Someone else takes Tuesday 13:00 while Alice is reading the summary.
    await admin('POST', '/bookings', { ...ids, startsAt: '2026-12-08T18:00:00Z' }, 201);
    await dialog.getByRole('button', { name: 'Confirm reschedule' }).click();

    const alert = dialog.getByRole('alert');
    expect(await alert.textContent()).toBe(
      'Please choose another timeSorry, that time has just been taken. Please choose another.',
    );
    await dialog.getByRole('heading', { name: 'Tuesday 8 December' }).waitFor();
    await expect
      .poll(() => dialog.locator('.time-slot').allTextContents())
      .not.toContain(bothClocks('13:00'));
    // An hour from 12:30 or 13:30 would run into the new 13:00 booking, so those went too.
    expect(await dialog.locator('.time-slot').allTextContents()).toEqual(
      [
        '09:00',
        '09:30',
        '10:00',
        '10:30',
        '11:00',
        '11:30',
        '12:00',
        '14:00',
        '14:30',
        '15:00',
        '15:30',
        '16:00',
      ].map(bothClocks),
    );
    await screenshot(page, 'portal-reschedule-slot-taken-360');
    expect((await admin('GET', `/bookings/${id}`)).startsAt).toBe('2026-12-07T15:00:00.000Z');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('is operable by keyboard: Tab to Reschedule, Enter opens the dialog, focus stays inside, Escape returns it', async () => {
    await bookAndOpenLink('2026-12-14T15:00:00Z');
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    let presses = 0;
    while ((await focusedText()) !== 'Reschedule' && presses < 12) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focusedText()).toBe('Reschedule');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reschedule booking' });
    await dialog.waitFor();
    const focusInDialog = () =>
      page.evaluate(
        () => document.activeElement?.closest('dialog[open]')?.getAttribute('aria-labelledby') ?? null,
      );
    expect(await focusInDialog()).not.toBeNull();
    await dialog.getByRole('button', { name: 'Monday 14 December 2026' }).waitFor();
    // Round the dialog and further: focus never leaves it.
    const visited = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog(), `focus after ${i + 1} Tab presses`).not.toBeNull();
      visited.add(
        await page.evaluate(
          () =>
            document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
        ),
      );
    }
    expect(visited).toContain('Close');
    await page.keyboard.press('Shift+Tab');
    expect(await focusInDialog()).not.toBeNull();
    await screenshot(page, 'portal-reschedule-dialog-keyboard-360');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    expect(await focusedText()).toBe('Reschedule');
  });

  it('has no serious accessibility problem on the booking page or in the open dialog, and no sideways scroll at 360 px', async () => {
    await bookAndOpenLink('2026-12-15T15:00:00Z');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule booking' });
    await dialog.getByRole('button', { name: 'Wednesday 16 December 2026' }).click();
    await dialog.getByRole('heading', { name: 'Wednesday 16 December' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'dialog');
    await screenshot(page, 'portal-reschedule-dialog-axe-360');

    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'portal-reschedule-dialog-1280');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await screenshot(page, 'portal-booking-view-1280');
  });
});
