import { afterAll, beforeAll, expect, it } from 'vitest';
import { mintBookingLink } from '../src/bookings/booking-link-repository.js';
import { PORTAL_BOOTSTRAP_ID, type PortalBootstrap } from '../src/shared/portal-bootstrap.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { PortalClient } from './support/portal-client.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

// The portal's first HTML says which language the page speaks and carries what it needs to start: the
// server decides (the customer's language, else the business's; Accept-Language before it knows who it is).
// Needs the built web pages (npm test builds them before the tests run).

const NOW = '2026-12-01T14:00:00Z';

interface Shell {
  status: number;
  lang: string | undefined;
  title: string | undefined;
  bootstrap: PortalBootstrap;
}

function shellOf(response: { statusCode: number; body: string }): Shell {
  const script = new RegExp(
    `<script type="application/json" id="${PORTAL_BOOTSTRAP_ID}">(.*?)</script>`,
  ).exec(response.body);
  return {
    status: response.statusCode,
    lang: /<html lang="([^"]*)"/.exec(response.body)?.[1],
    title: /<title>([^<]*)<\/title>/.exec(response.body)?.[1],
    bootstrap: JSON.parse(script?.[1] ?? 'null') as PortalBootstrap,
  };
}

describeEachDatabase('portal shell: language, title and bootstrap', (kind) => {
  let t: TestApp;
  let biz: BusinessFixture;
  let bookingId: string;

  const page = async (
    path: string,
    client = new PortalClient(t.app),
    headers: Record<string, string> = {},
  ) => {
    const cookie = client.cookieHeader();
    return shellOf(
      await t.app.inject({ method: 'GET', url: path, headers: { ...headers, ...(cookie && { cookie }) } }),
    );
  };
  /** A browser that opened this booking's emailed link. */
  const byLink = async (id: string) => {
    const link = await mintBookingLink(t.store.db, TEST_PUBLIC_URL, id, t.clock.now());
    const client = new PortalClient(t.app);
    expect((await client.open(link.url)).statusCode).toBe(303);
    return client;
  };
  const customerLanguage = async (language: string | null) => {
    const response = await t.api('PATCH', `/customers/${biz.customerId}`, { language });
    expect(response.statusCode, response.body).toBe(200);
  };
  const settings = async (patch: Record<string, unknown>) => {
    const response = await t.api('PATCH', '/settings', patch);
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp(kind, NOW);
    biz = await setUpBusiness(t);
    bookingId = (await book(t, biz, '2026-12-04T22:30:00Z')).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a stranger gets the browser’s language, the business’s name in the title, and no session', async () => {
    await settings({ locale: 'en-US', businessName: 'Bright Side <Cleaning> & Co' });
    const shell = await page('/portal/sign-in', undefined, {
      'accept-language': 'fr-CH, es;q=0.8, en;q=0.5',
    });
    expect(shell.status).toBe(200);
    expect(shell.lang).toBe('fr');
    expect(shell.title).toBe('Connexion · Bright Side &lt;Cleaning&gt; &amp; Co');
    expect(shell.bootstrap).toMatchObject({
      language: 'fr',
      locale: 'en-US',
      businessName: 'Bright Side <Cleaning> & Co',
      contactPhone: null,
      hasLogo: false,
      signedIn: false,
      linkedBookingIds: [],
    });
    expect(shell.bootstrap.messages).toMatchObject({ portal: { signIn: { title: 'Connexion' } } });
    await settings({ businessName: 'Test Cleaning' });
  });

  it('without a language the browser asks for, the business’s own', async () => {
    await settings({ locale: 'de-DE' });
    const shell = await page('/portal/book', undefined, { 'accept-language': 'pt-BR, ja' });
    expect([shell.lang, shell.title]).toEqual(['de', 'Termin vereinbaren · Test Cleaning']);
    await settings({ locale: 'en-US' });
    expect((await page('/portal')).title).toBe('My bookings · Test Cleaning');
    expect((await page('/portal/sign-in?link=expired')).title).toBe(
      'This link no longer works · Test Cleaning',
    );
  });

  it('once the booking link is opened: the customer’s own language, whatever the browser says', async () => {
    await customerLanguage('es');
    const client = await byLink(bookingId);
    const shell = await page(`/portal/bookings/${bookingId}`, client, { 'accept-language': 'fr' });
    expect(shell.lang).toBe('es');
    expect(shell.title).toBe('Su reserva · Test Cleaning');
    expect(shell.bootstrap).toMatchObject({ language: 'es', signedIn: false, linkedBookingIds: [bookingId] });
    // The same browser on another page of the portal is still known by its link.
    expect((await page('/portal/book', client, { 'accept-language': 'fr' })).lang).toBe('es');
  });

  it('a customer without a language of their own gets the business’s, not the browser’s', async () => {
    await customerLanguage(null);
    await settings({ locale: 'de-DE' });
    const client = await byLink(bookingId);
    const shell = await page(`/portal/bookings/${bookingId}`, client, { 'accept-language': 'es' });
    expect([shell.lang, shell.title]).toEqual(['de', 'Ihre Buchung · Test Cleaning']);
    await settings({ locale: 'en-US' });
  });

  it('words the booking view’s refusals in the customer’s language, with the business’s own words after them', async () => {
    await customerLanguage('es');
    await settings({
      customerPortal: { allowReschedule: false, changeBlockedMessage: 'Llámenos, por favor.' },
    });
    const client = await byLink(bookingId);
    const view = (await client.api('GET', `/bookings/${bookingId}`)).json();
    expect(view.actions.reschedule).toEqual({
      allowed: false,
      code: 'reschedule_disabled',
      message: 'Esta reserva no se puede reprogramar en línea. Llámenos, por favor.',
    });
    expect(view.actions.cancel).toEqual({ allowed: true });
    await settings({ customerPortal: { allowReschedule: true } });
    await customerLanguage(null);
  });
});
