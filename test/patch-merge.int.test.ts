import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

/** PATCH means merge: the fields a request sends change, every other field keeps its value. */
describeEachDatabase('PATCH merges', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  /** Sends `patch`, then checks that GET shows exactly `before` with the patch applied. */
  async function patchKeepsTheRest(path: string, before: Record<string, unknown>, patch: object) {
    const patched = await t.api('PATCH', path, patch);
    expect(patched.statusCode, patched.body).toBe(200);
    const expected = { ...before, ...patch };
    expect(patched.json()).toEqual(expected);
    expect((await t.api('GET', path)).json()).toEqual(expected);
  }

  it('customers: a new name keeps the phone and time zone', async () => {
    const created = await t.api('POST', '/customers', {
      name: 'Alice Moreno',
      email: 'alice@example.com',
      phone: '+1 555 010 4477',
      timezone: 'America/Chicago',
    });
    expect(created.statusCode).toBe(201);
    const customer = created.json();
    await patchKeepsTheRest(`/customers/${customer.id}`, customer, { name: 'Alice M. Moreno' });
    await patchKeepsTheRest(
      `/customers/${customer.id}`,
      { ...customer, name: 'Alice M. Moreno' },
      { phone: null },
    );
  });

  it('services: a new name keeps the duration, buffers and active flag', async () => {
    const created = await t.api('POST', '/services', {
      name: 'Deep clean',
      durationMinutes: 120,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 20,
      active: false,
    });
    expect(created.statusCode).toBe(201);
    const service = created.json();
    await patchKeepsTheRest(`/services/${service.id}`, service, { name: 'Deep clean (spring)' });
  });

  it('staff: a new name keeps the email, services and own working hours', async () => {
    const service = (await t.api('POST', '/services', { name: 'Windows', durationMinutes: 30 })).json();
    const created = await t.api('POST', '/staff', {
      name: 'Maya',
      email: 'maya@example.com',
      serviceIds: [service.id],
      workingHours: {
        mon: [{ start: '08:00', end: '12:00' }],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const member = created.json();
    await patchKeepsTheRest(`/staff/${member.id}`, member, { name: 'Maya Lee' });
  });

  it('settings: one field, one weekday, one portal flag change and nothing else', async () => {
    const before = (await t.api('GET', '/settings')).json();
    await patchKeepsTheRest('/settings', before, { businessName: 'Bright Side Cleaning' });
    const named = { ...before, businessName: 'Bright Side Cleaning' };
    const patched = await t.api('PATCH', '/settings', {
      workingHours: { sat: [{ start: '10:00', end: '14:00' }] },
      customerPortal: { allowCancel: false },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const expected = {
      ...named,
      workingHours: { ...named.workingHours, sat: [{ start: '10:00', end: '14:00' }] },
      customerPortal: { ...named.customerPortal, allowCancel: false },
    };
    expect(patched.json()).toEqual(expected);
    expect((await t.api('GET', '/settings')).json()).toEqual(expected);
  });
});
