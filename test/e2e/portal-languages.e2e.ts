import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mintBookingLink } from '../../src/bookings/booking-link-repository.js';
import { mintSignInLink } from '../../src/portal/portal-session-repository.js';
import { expectAccessible, openBrowser, screenshot } from '../support/browser.js';
import { type E2eServer, startE2eServer } from '../support/e2e-server.js';

// A New York business (en-US) on a 390 × 844 phone. The server's clock stands at Tue 1 Dec 2026, 09:00 EST
// (14:00Z). Issue 10: the customer's language, the business's name and locale, the customer's own clock.
const WIDTH = 390;
const workday = [{ start: '08:00', end: '19:00' }];
const PHONE = '+1 (555) 010-0199';
/** Intl writes a narrow no-break space before AM/PM in newer ICU: compared as a plain space. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('customer portal: languages, locale and the customer’s own time', () => {
  let server: E2eServer;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let ids: { serviceId: string; staffId: string };
  /** Every answer of 400 or more the page received: none is expected. */
  let failed: string[] = [];

  async function admin(method: string, path: string, body?: unknown, status = 200) {
    const response = await server.api(method, path, body);
    const json = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(status);
    return json;
  }

  async function customer(name: string, extra: Record<string, unknown>): Promise<string> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`;
    return (await admin('POST', '/customers', { name, email, ...extra }, 201)).id;
  }

  /** Books through the office and opens the booking as its emailed link would. */
  async function bookAndOpen(customerId: string, startsAt: string, extra: Record<string, unknown> = {}) {
    const booking = await admin('POST', '/bookings', { ...ids, customerId, startsAt, ...extra }, 201);
    const link = await mintBookingLink(
      server.database.store.db,
      server.baseUrl,
      booking.id,
      server.clock.now(),
    );
    await page.goto(link.url);
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/portal/bookings/${booking.id}`);
    await page.getByRole('heading', { level: 1, name: 'Deep clean' }).waitFor();
    return booking.id as string;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), openBrowser({ width: WIDTH, height: 844 })]);
    page = browser.page;
    page.on('response', (response: Response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await admin('PATCH', '/settings', {
      businessName: 'Bright Side Cleaning',
      timezone: 'America/New_York',
      locale: 'en-US',
      contactPhone: PHONE,
      slotIntervalMinutes: 30,
      workingHours: {
        mon: workday,
        tue: workday,
        wed: workday,
        thu: workday,
        fri: workday,
        sat: [],
        sun: [],
      },
      customerPortal: { changeBlockedMessage: 'Please call us to change it.' },
    });
    const service = await admin('POST', '/services', { name: 'Deep clean', durationMinutes: 60 }, 201);
    const staff = await admin('POST', '/staff', { name: 'Maya', serviceIds: [service.id] }, 201);
    ids = { serviceId: service.id, staffId: staff.id };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await browser.context.clearCookies();
    await page.setViewportSize({ width: WIDTH, height: 844 });
    failed = [];
  });

  it('an en-US business writes "Friday, December 4" and "5:30 PM", and names itself in the header and title', async () => {
    const alice = await customer('Alice Moreno', {});
    await bookAndOpen(alice, '2026-12-04T22:30:00Z');
    expect(await page.getByTestId('booking-date').textContent()).toBe('Friday, December 4, 2026');
    expect(plain(await page.getByTestId('booking-time').textContent())).toBe('5:30 PM – 6:30 PM EST');
    expect(await page.title()).toBe('Your booking · Bright Side Cleaning');
    expect(await page.locator('.site-header .brand').textContent()).toBe('Bright Side Cleaning');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(failed).toEqual([]);
    await screenshot(page, 'portal-en-us-390');

    // The sign-in page and My bookings name the business too, and ask for nothing that must fail.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to your bookings' }).waitFor();
    expect(await page.title()).toBe('Sign in · Bright Side Cleaning');
    await page.goto(`${server.baseUrl}/portal`);
    await expect.poll(() => page.url()).toBe(`${server.baseUrl}/portal/sign-in`);
    await expect.poll(() => page.title()).toBe('Sign in · Bright Side Cleaning');
    expect(failed).toEqual([]);
  });

  it('a Spanish customer reads the booking page and the dialog in Spanish, dates in the business’s region', async () => {
    const lucia = await customer('Lucía Pérez', { language: 'es' });
    await bookAndOpen(lucia, '2026-12-03T22:30:00Z');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.title()).toBe('Su reserva · Bright Side Cleaning');
    expect(await page.getByTestId('booking-date').textContent()).toBe('jueves, 3 de diciembre de 2026');
    expect(plain(await page.getByTestId('booking-time').textContent())).toMatch(
      /^5:30 p\. ?m\. – 6:30 p\. ?m\. EST$/,
    );
    expect(await page.locator('#manage-heading').textContent()).toBe('Gestionar su reserva');
    expect(await page.locator('.action-note').textContent()).toBe(
      'Puede reprogramar o cancelar en línea hasta 24 horas antes de su cita.',
    );
    expect(await page.locator('.history-text').allTextContents()).toEqual([
      expect.stringMatching(/^Reservada por nuestro equipo: /),
    ]);
    await expectAccessible(page);
    await screenshot(page, 'portal-spanish-390');

    await page.getByRole('button', { name: 'Reprogramar', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reprogramar reserva' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'lunes, 7 de diciembre de 2026' }).click();
    await dialog.getByRole('heading', { name: 'lunes, 7 de diciembre' }).waitFor();
    expect(await dialog.locator('.slot-count').textContent()).toBe('21 horas disponibles');
    expect(await dialog.locator('.time-group-name').allTextContents()).toEqual(['Mañana', 'Tarde', 'Noche']);
    expect(await dialog.locator('.picker-note').textContent()).toBe(
      'Las horas se indican en hora de New York (EST).',
    );
    await expectAccessible(page, 'dialog');
    await screenshot(page, 'portal-spanish-dialog-390');
    await dialog.locator('.time-slot').first().click();
    await dialog.getByRole('heading', { name: 'Compruebe su nueva hora' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Confirmar el cambio' }).count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Atrás' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(failed).toEqual([]);
  });

  it('a Los Angeles customer sees both clocks and picks a Pacific time: the office has that instant', async () => {
    const sam = await customer('Sam Lee', { timezone: 'America/Los_Angeles' });
    const id = await bookAndOpen(sam, '2026-12-02T22:30:00Z');
    expect(plain(await page.locator('.when-theirs').textContent())).toBe(
      'Your time: Wednesday, December 2, 2026, 2:30 PM – 3:30 PM PST',
    );
    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule booking' });
    await dialog.getByRole('button', { name: 'Tuesday, December 8, 2026' }).click();
    await dialog.getByRole('heading', { name: 'Tuesday, December 8' }).waitFor();
    expect(await dialog.locator('.picker-note').textContent()).toBe(
      'Times are in New York time (EST). Under each time: your time (Los Angeles time).',
    );
    // 9:00 AM in Los Angeles is 12:00 PM in New York, 17:00Z.
    const pacific = dialog.locator('.time-slot').filter({ hasText: /9:00\sAM PST/ });
    expect(plain(await pacific.textContent())).toBe('12:00 PM EST9:00 AM PST');
    expect(plain(await pacific.getAttribute('aria-label'))).toBe('12:00 PM EST (9:00 AM PST)');
    await screenshot(page, 'portal-los-angeles-dialog-390');
    await pacific.click();
    await dialog.getByRole('heading', { name: 'Check your new time' }).waitFor();
    expect(plain(await dialog.getByTestId('new-time').textContent())).toBe(
      'Tuesday, December 8, 2026 at 12:00 PM EST (Your time: Tuesday, December 8, 2026, 9:00 AM PST)',
    );
    await dialog.getByRole('button', { name: 'Confirm reschedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await admin('GET', `/bookings/${id}`)).startsAt).toBe('2026-12-08T17:00:00.000Z');
    expect(failed).toEqual([]);
  });

  it('a booking already under way says so, with the business’s words and its phone as a tel: link', async () => {
    const ana = await customer('Ana Silva', {});
    // 08:30 EST: it started half an hour before the server's 09:00.
    // Signed in by email: a booking link's cookie lasts until the appointment ends, which the browser's own
    // clock (not the server's test clock) already sees as past.
    const booking = await admin(
      'POST',
      '/bookings',
      { ...ids, customerId: ana, startsAt: '2026-12-01T13:30:00Z' },
      201,
    );
    const signIn = await mintSignInLink(server.database.store.db, server.baseUrl, ana, server.clock.now());
    await page.goto(signIn.url);
    await page.getByRole('heading', { level: 1, name: 'My bookings' }).waitFor();
    await page.getByRole('link', { name: /^Deep clean/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Deep clean' }).waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/portal/bookings/${booking.id}`);
    const started = page.locator('.notice').filter({ hasText: 'Your appointment has already started' });
    expect(await started.textContent()).toBe(
      `Your appointment has already startedIt can no longer be changed online.Please call us to change it.Call us on ${PHONE}.`,
    );
    expect(await started.getByRole('link', { name: PHONE }).getAttribute('href')).toBe('tel:+15550100199');
    expect(await page.locator('#manage-heading').textContent()).toBe('Need another appointment?');
    expect(await page.getByRole('button', { name: 'Reschedule', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel booking', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Schedule an appointment' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'portal-started-390');
    expect(failed).toEqual([]);
  });

  it('a day’s times are one Tab stop, moved through with the arrow keys', async () => {
    const kim = await customer('Kim Park', {});
    await bookAndOpen(kim, '2026-12-04T15:00:00Z');
    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule booking' });
    await dialog.getByRole('button', { name: 'Wednesday, December 9, 2026' }).click();
    await dialog.getByRole('heading', { name: 'Wednesday, December 9' }).waitFor();
    const slots = dialog.locator('.time-slot');
    expect(await slots.count()).toBe(21);
    expect(await dialog.locator('.time-slot[tabindex="0"]').count()).toBe(1);
    await slots.first().focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, ' '));
    expect(await focused()).toBe('8:00 AM');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('8:30 AM');
    await page.keyboard.press('End');
    expect(await focused()).toBe('6:00 PM');
    // One Tab leaves the whole group.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('time-slot'))).toBe(false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
