import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

/** The contract's "Settings and customers, added fields": locale, phone, branding, staff change, language. */
describeEachDatabase('brand settings and customer language', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

  describe('settings', () => {
    it('starts with the contract defaults', async () => {
      const settings = (await t.api('GET', '/settings')).json();
      expect(settings.locale).toBe('en-US');
      expect(settings.contactPhone).toBeNull();
      expect(settings.branding).toEqual({ accentColor: '#1d4ed8', hasLogo: false });
      expect(settings.customerPortal.allowStaffChange).toBe(false);
    });

    it('keeps a locale in its canonical form and refuses one Intl cannot write', async () => {
      const german = await t.api('PATCH', '/settings', { locale: 'de-de' });
      expect(german.statusCode, german.body).toBe(200);
      expect(german.json().locale).toBe('de-DE');
      expect((await t.api('GET', '/settings')).json().locale).toBe('de-DE');

      // Tags whose dates the admin's fields could not read back are refused too: a calendar extension,
      // Arabic digits, the Persian and Buddhist calendars.
      for (const locale of [
        'zz',
        'not a locale',
        'en_US',
        '',
        'x-private',
        'en-u-ca-islamic',
        'ar-EG',
        'fa-IR',
        'th-TH',
      ]) {
        const refused = await t.api('PATCH', '/settings', { locale });
        expect(refused.statusCode, locale).toBe(422);
        expect(refused.json().code).toBe('validation_failed');
        expect(fieldsOf(refused.json())).toEqual(['locale']);
      }
      expect((await t.api('GET', '/settings')).json().locale).toBe('de-DE');
      await t.api('PATCH', '/settings', { locale: 'en-US' });
    });

    it('takes a phone number people can dial, and clears it with null or an empty field', async () => {
      const set = await t.api('PATCH', '/settings', { contactPhone: ' (555) 010-4477 ' });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().contactPhone).toBe('(555) 010-4477');

      for (const contactPhone of ['call us', '12', '1'.repeat(21), `+1 555 0100\n9`, 5550100]) {
        const refused = await t.api('PATCH', '/settings', { contactPhone });
        expect(refused.statusCode, String(contactPhone)).toBe(422);
        expect(fieldsOf(refused.json())).toEqual(['contactPhone']);
      }
      expect((await t.api('GET', '/settings')).json().contactPhone).toBe('(555) 010-4477');

      expect((await t.api('PATCH', '/settings', { contactPhone: '' })).json().contactPhone).toBeNull();
      await t.api('PATCH', '/settings', { contactPhone: '+1 555 0100' });
      expect((await t.api('PATCH', '/settings', { contactPhone: null })).json().contactPhone).toBeNull();
    });

    it('takes an accent colour #RRGGBB and refuses a PATCH of hasLogo, which only the logo upload sets', async () => {
      const set = await t.api('PATCH', '/settings', { branding: { accentColor: '#0F766E' } });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().branding).toEqual({ accentColor: '#0f766e', hasLogo: false });

      for (const accentColor of ['teal', '#0f766', '#0f766e80', 'rgb(0,0,0)']) {
        const refused = await t.api('PATCH', '/settings', { branding: { accentColor } });
        expect(refused.statusCode, accentColor).toBe(422);
        expect(fieldsOf(refused.json())).toEqual(['branding.accentColor']);
      }
      const readOnly = await t.api('PATCH', '/settings', { branding: { hasLogo: true } });
      expect(readOnly.statusCode).toBe(422);
      expect(readOnly.json().errors).toEqual([
        { field: 'branding.hasLogo', message: 'is not a known field' },
      ]);
      expect((await t.api('GET', '/settings')).json().branding).toEqual({
        accentColor: '#0f766e',
        hasLogo: false,
      });
    });

    it('lets customers change staff only when the business says so', async () => {
      const on = await t.api('PATCH', '/settings', { customerPortal: { allowStaffChange: true } });
      expect(on.json().customerPortal.allowStaffChange).toBe(true);
      expect(on.json().customerPortal.allowReschedule).toBe(true);
      const refused = await t.api('PATCH', '/settings', { customerPortal: { allowStaffChange: 'yes' } });
      expect(fieldsOf(refused.json())).toEqual(['customerPortal.allowStaffChange']);
      await t.api('PATCH', '/settings', { customerPortal: { allowStaffChange: false } });
    });

    it('reads a document written before these fields existed with their defaults', async () => {
      const before = (await t.api('GET', '/settings')).json();
      const { locale: _l, contactPhone: _p, branding: _b, ...older } = before;
      const { allowStaffChange: _s, ...olderPortal } = before.customerPortal;
      const document = JSON.stringify({ ...older, customerPortal: olderPortal });
      await sql`update business_settings set document = ${document}`.execute(t.store.db);
      const read = (await t.api('GET', '/settings')).json();
      expect(read).toEqual({
        ...before,
        locale: 'en-US',
        contactPhone: null,
        branding: { accentColor: '#1d4ed8', hasLogo: false },
        customerPortal: { ...before.customerPortal, allowStaffChange: false },
      });
    });
  });

  describe('customers', () => {
    it('keeps a customer language, or none, and refuses one Rebook does not speak', async () => {
      const created = await t.api('POST', '/customers', {
        name: 'Lucía Ortega',
        email: 'lucia@example.com',
        language: 'es',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().language).toBe('es');
      const id = created.json().id;
      expect((await t.api('GET', `/customers/${id}`)).json().language).toBe('es');

      const plain = await t.api('POST', '/customers', { name: 'Sam Reed', email: 'sam@example.com' });
      expect(plain.json().language).toBeNull();

      for (const language of ['pt', 'ES', 'es-ES', '']) {
        const refused = await t.api('PATCH', `/customers/${id}`, { language });
        expect(refused.statusCode, language).toBe(422);
        expect(fieldsOf(refused.json())).toEqual(['language']);
      }
      const german = await t.api('PATCH', `/customers/${id}`, { language: 'de' });
      expect(german.json()).toMatchObject({ name: 'Lucía Ortega', language: 'de' });
      const cleared = await t.api('PATCH', `/customers/${id}`, { language: null });
      expect(cleared.json().language).toBeNull();
      const listed = (await t.api('GET', '/customers')).json() as Array<{ id: string; language: unknown }>;
      expect(listed.find((c) => c.id === id)?.language).toBeNull();
    });

    it('the database itself refuses a language Rebook does not speak', async () => {
      const created = (await t.api('POST', '/customers', { name: 'Ana', email: 'ana@example.com' })).json();
      await expect(
        sql`update customers set language = 'pt' where id = ${created.id}`.execute(t.store.db),
      ).rejects.toThrow(/customers_language/);
      await sql`update customers set language = 'fr' where id = ${created.id}`.execute(t.store.db);
      expect((await t.api('GET', `/customers/${created.id}`)).json().language).toBe('fr');
    });
  });
});
