import { afterAll, beforeAll, expect, it } from 'vitest';
import { mintBookingLink } from '../src/bookings/booking-link-repository.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { PortalClient } from './support/portal-client.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

// Friday 4 December 2026, 17:30 in New York (22:30Z).
const STARTS_AT = '2026-12-04T22:30:00Z';

/**
 * The contract: the booking page's first HTML response (with the cookie) already contains the business name,
 * the service name and the booking's date and time as the business's locale writes them. `npm test` builds
 * the pages first.
 */
describeEachDatabase('portal first paint', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  let bookingId: string;
  let customer: PortalClient;

  beforeAll(async () => {
    t = await startTestApp(kind);
    business = await setUpBusiness(t);
    bookingId = (await book(t, business, STARTS_AT)).id;
    customer = new PortalClient(t.app);
    const { url } = await mintBookingLink(t.store.db, TEST_PUBLIC_URL, bookingId, t.clock.now());
    const opened = await customer.open(url.slice(TEST_PUBLIC_URL.length));
    expect(opened.statusCode).toBe(303);
  });
  afterAll(() => t.close());

  const page = async (client: PortalClient, path = `/portal/bookings/${bookingId}`) => {
    const response = await client.open(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    return response.body;
  };
  const root = (html: string) => /<div id="root">([\s\S]*?)<\/div>\s*<noscript>/.exec(html)?.[1] ?? '';

  it('writes the business, service, date and time into the booking page, in the business’s locale', async () => {
    await t.api('PATCH', '/settings', { businessName: 'Bright Side Cleaning', locale: 'en-US' });
    const html = await page(customer);
    expect(html).toContain('<title>Your booking · Bright Side Cleaning</title>');
    const shown = root(html);
    for (const text of [
      'Bright Side Cleaning',
      'Standard clean',
      'Friday, December 4, 2026',
      '5:30 PM – 6:30 PM EST',
      'Maya',
    ]) {
      expect(shown).toContain(text);
    }

    await t.api('PATCH', '/settings', { locale: 'de-DE' });
    const german = root(await page(customer));
    expect(german).toContain('Freitag, 4. Dezember 2026');
    expect(german).toContain('17:30 – 18:30 EST');
    await t.api('PATCH', '/settings', { locale: 'en-GB' });
    const british = root(await page(customer));
    expect(british).toContain('Friday 4 December 2026');
    expect(british).toContain('17:30 – 18:30 EST');
    await t.api('PATCH', '/settings', { locale: 'en-US' });
  });

  it('shows a browser without the booking’s cookie only the business’s name', async () => {
    for (const stranger of [
      new PortalClient(t.app),
      new PortalClient(t.app, { rebook_booking_x: 'nonsense' }),
    ]) {
      const html = await page(stranger);
      const shown = root(html);
      expect(shown).toContain('Bright Side Cleaning');
      expect(shown).not.toContain('Standard clean');
      expect(shown).not.toContain('December');
      expect(html).toContain('<title>Your booking · Bright Side Cleaning</title>');
    }
    // Another booking of the same customer: its link's cookie does not open this one.
    const other = await book(t, business, '2026-12-07T15:00:00Z');
    const shown = root(await page(customer, `/portal/bookings/${other.id}`));
    expect(shown).not.toContain('Standard clean');
  });

  it('escapes what the office typed', async () => {
    await t.api('PATCH', '/settings', { businessName: 'Tom & Jerry <script>alert(1)</script>' });
    const html = await page(customer);
    expect(html).not.toContain('<script>alert(1)');
    expect(root(html)).toContain('Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '<title>Your booking · Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
    await t.api('PATCH', '/settings', { businessName: 'Bright Side Cleaning' });
  });

  it('gives the portal’s styles the accent colour as --accent, darkened where white text would not read', async () => {
    expect(await page(customer, '/portal')).toContain('<style>:root{--accent:#1d4ed8}</style>');
    await t.api('PATCH', '/settings', { branding: { accentColor: '#0F766E' } });
    expect(await page(customer, '/portal/sign-in')).toContain('<style>:root{--accent:#0f766e}</style>');
    // Yellow: 1.5:1 against white; the lightest shade of it that reaches 4.5:1.
    await t.api('PATCH', '/settings', { branding: { accentColor: '#facc15' } });
    expect(await page(customer)).toContain('<style>:root{--accent:#8c720c}</style>');
  });
});
