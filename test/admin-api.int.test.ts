import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, TEST_ADMIN, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

describeEachDatabase('admin API', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;

  beforeAll(async () => {
    t = await startTestApp(kind);
    business = await setUpBusiness(t);
  });
  afterAll(() => t.close());

  describe('auth', () => {
    it('refuses anonymous callers and bad tokens with 401 problem+json', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/settings' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      expect(anonymous.json()).toMatchObject({ status: 401, code: 'unauthorized' });
      const forged = await t.app.inject({
        method: 'GET',
        url: '/api/v1/settings',
        headers: { authorization: 'Bearer not-a-real-token' },
      });
      expect(forged.statusCode).toBe(401);
    });

    it('refuses a wrong password without saying which part was wrong', async () => {
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        payload: { email: TEST_ADMIN.email, password: 'nope' },
      });
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        payload: { email: 'nobody@rebook.test', password: 'nope' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().detail).toBe(unknown.json().detail);
    });

    it('accepts a session cookie, but a change only from our own origin', async () => {
      const session = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/session',
        payload: TEST_ADMIN,
      });
      expect(session.statusCode).toBe(201);
      const cookie = session.cookies.find((c) => c.name === 'rebook_admin');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      const cookieHeader = `rebook_admin=${cookie?.value}`;
      const read = await t.app.inject({
        method: 'GET',
        url: '/api/v1/services',
        headers: { cookie: cookieHeader },
      });
      expect(read.statusCode).toBe(200);
      const crossSite = await t.app.inject({
        method: 'POST',
        url: '/api/v1/services',
        headers: { cookie: cookieHeader, origin: 'https://evil.example' },
        payload: { name: 'Sneaky', durationMinutes: 30 },
      });
      expect(crossSite.statusCode).toBe(403);
      expect(crossSite.json().code).toBe('forbidden');
      const noOrigin = await t.app.inject({
        method: 'POST',
        url: '/api/v1/services',
        headers: { cookie: cookieHeader },
        payload: { name: 'Sneaky', durationMinutes: 30 },
      });
      expect(noOrigin.statusCode).toBe(403);
      const sameSite = await t.app.inject({
        method: 'POST',
        url: '/api/v1/services',
        headers: { cookie: cookieHeader, origin: TEST_PUBLIC_URL },
        payload: { name: 'Window clean', durationMinutes: 30, active: false },
      });
      expect(sameSite.statusCode).toBe(201);
      const foreignSignOut = await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/auth/session',
        headers: { cookie: cookieHeader, origin: 'https://evil.example' },
      });
      expect(foreignSignOut.statusCode).toBe(403);
      const signOut = await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/auth/session',
        headers: { cookie: cookieHeader, origin: TEST_PUBLIC_URL },
      });
      expect(signOut.statusCode).toBe(204);
      const after = await t.app.inject({
        method: 'GET',
        url: '/api/v1/services',
        headers: { cookie: cookieHeader },
      });
      expect(after.statusCode).toBe(401);
    });
  });

  describe('validation', () => {
    it('names an unknown field with 422 validation_failed', async () => {
      const response = await t.api('PATCH', '/settings', { businessName: 'X', colour: 'blue' });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'colour', message: 'is not a known field' }],
      });
    });

    it('names a malformed nested value', async () => {
      const response = await t.api('PATCH', '/settings', {
        customerPortal: { minimumNoticeMinutes: -5 },
        workingHours: { mon: [{ start: '09:00', end: '25:00' }] },
      });
      expect(response.statusCode).toBe(422);
      const fields = (response.json().errors as Array<{ field: string }>).map((e) => e.field).sort();
      expect(fields).toEqual(['customerPortal.minimumNoticeMinutes', 'workingHours.mon.0.end']);
    });

    it('refuses an unknown time zone and overlapping ranges', async () => {
      const zone = await t.api('PATCH', '/settings', { timezone: 'Mars/Olympus_Mons' });
      expect(zone.statusCode).toBe(422);
      expect(zone.json().errors[0].field).toBe('timezone');
      const overlap = await t.api('PATCH', '/settings', {
        workingHours: {
          tue: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '17:00' },
          ],
        },
      });
      expect(overlap.statusCode).toBe(422);
      expect(overlap.json().errors[0].field).toBe('workingHours.tue');
    });

    it('answers malformed JSON and unknown endpoints as problems, not 500s', async () => {
      const broken = await t.app.inject({
        method: 'POST',
        url: '/api/v1/services',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
        payload: '{"name": ',
      });
      expect(broken.statusCode).toBe(422);
      expect(broken.json().code).toBe('validation_failed');
      const missing = await t.api('GET', '/no-such-thing');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('not_found');
    });

    it('refuses an instant without an offset', async () => {
      const response = await t.api('POST', '/bookings', {
        customerId: business.customerId,
        serviceId: business.serviceId,
        staffId: business.staffId,
        startsAt: '2026-12-02T10:00:00',
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0].field).toBe('startsAt');
    });
  });

  describe('settings', () => {
    it('merges a PATCH and keeps what it does not mention', async () => {
      const response = await t.api('PATCH', '/settings', { customerPortal: { allowCancel: false } });
      expect(response.statusCode).toBe(200);
      const settings = response.json();
      expect(settings.customerPortal.allowCancel).toBe(false);
      expect(settings.customerPortal.allowReschedule).toBe(true);
      expect(settings.timezone).toBe('America/New_York');
      expect(settings.workingHours.mon).toEqual([{ start: '09:00', end: '17:00' }]);
      const again = await t.api('GET', '/settings');
      expect(again.json()).toEqual(settings);
      await t.api('PATCH', '/settings', { customerPortal: { allowCancel: true } });
    });
  });

  describe('catalog', () => {
    it('creates, changes and lists services', async () => {
      const created = await t.api('POST', '/services', { name: 'Oven clean', durationMinutes: 45 });
      expect(created.json()).toMatchObject({
        name: 'Oven clean',
        durationMinutes: 45,
        bufferBeforeMinutes: 0,
        active: true,
      });
      const patched = await t.api('PATCH', `/services/${created.json().id}`, { bufferBeforeMinutes: 10 });
      expect(patched.json()).toMatchObject({ durationMinutes: 45, bufferBeforeMinutes: 10 });
      const names = (await t.api('GET', '/services')).json().map((s: { name: string }) => s.name);
      expect(names).toContain('Oven clean');
      expect((await t.api('DELETE', `/services/${created.json().id}`)).statusCode).toBe(204);
      expect((await t.api('GET', `/services/${created.json().id}`)).statusCode).toBe(404);
    });

    it('keeps a service that has bookings and says how to retire it', async () => {
      await book(t, business, '2026-12-10T15:00:00Z');
      const response = await t.api('DELETE', `/services/${business.serviceId}`);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('in_use');
    });

    it('refuses a staff member with an unknown service', async () => {
      const response = await t.api('POST', '/staff', { name: 'Ghost', serviceIds: ['nope'] });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0].field).toBe('serviceIds');
    });

    it('stores staff working hours and their services', async () => {
      const hours = {
        mon: [{ start: '08:00', end: '12:00' }],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [{ start: '10:00', end: '14:00' }],
        sun: [],
      };
      const created = await t.api('POST', '/staff', {
        name: 'Priya',
        email: 'PRIYA@x.example',
        serviceIds: [business.serviceId],
        workingHours: hours,
      });
      expect(created.statusCode).toBe(201);
      const fetched = (await t.api('GET', `/staff/${created.json().id}`)).json();
      expect(fetched).toEqual({
        id: created.json().id,
        name: 'Priya',
        email: 'priya@x.example',
        serviceIds: [business.serviceId],
        workingHours: hours,
      });
      const cleared = await t.api('PATCH', `/staff/${created.json().id}`, {
        workingHours: null,
        serviceIds: [],
      });
      expect(cleared.json()).toMatchObject({ workingHours: null, serviceIds: [] });
    });

    it('keeps customer emails unique regardless of case', async () => {
      const duplicate = await t.api('POST', '/customers', {
        name: 'Alice Again',
        email: 'ALICE@example.com',
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({ code: 'already_exists', errors: [{ field: 'email' }] });
    });

    it('blocks time for one staff member or for everyone', async () => {
      const missingEnd = await t.api('POST', '/blocked-events', {
        staffId: null,
        startsAt: '2026-12-24T00:00:00Z',
        endsAt: '2026-12-23T00:00:00Z',
      });
      expect(missingEnd.statusCode).toBe(422);
      expect(missingEnd.json().errors[0].field).toBe('endsAt');
      const holiday = await t.api('POST', '/blocked-events', {
        staffId: null,
        startsAt: '2026-12-24T05:00:00-05:00',
        endsAt: '2026-12-26T00:00:00-05:00',
        reason: 'Holidays',
      });
      expect(holiday.json()).toMatchObject({
        startsAt: '2026-12-24T10:00:00.000Z',
        endsAt: '2026-12-26T05:00:00.000Z',
        staffId: null,
      });
      const listed = await t.api(
        'GET',
        `/blocked-events?from=2026-12-20T00:00:00Z&to=2026-12-31T00:00:00Z&staffId=${business.staffId}`,
      );
      expect(listed.json().map((e: { id: string }) => e.id)).toEqual([holiday.json().id]);
      expect((await t.api('DELETE', `/blocked-events/${holiday.json().id}`)).statusCode).toBe(204);
    });
  });

  describe('bookings', () => {
    it('creates a booking with its end from the service duration and a created history entry', async () => {
      const response = await t.api('POST', '/bookings', {
        customerId: business.customerId,
        serviceId: business.serviceId,
        staffId: business.staffId,
        startsAt: '2026-12-02T10:00:00-05:00',
        notes: 'Key under the mat',
      });
      expect(response.statusCode).toBe(201);
      expect(response.headers.etag).toBe('"1"');
      expect(response.json()).toMatchObject({
        startsAt: '2026-12-02T15:00:00.000Z',
        endsAt: '2026-12-02T16:00:00.000Z',
        status: 'confirmed',
        notes: 'Key under the mat',
        rescheduleCount: 0,
        version: 1,
        history: [
          { type: 'created', actor: 'admin', channel: 'api', toStartsAt: '2026-12-02T15:00:00.000Z' },
        ],
        conflicts: [],
      });
    });

    it('refuses an overlap, counting the buffer, with 409 slot_unavailable', async () => {
      await book(t, business, '2026-12-03T15:00:00Z');
      // 16:00-16:15 is the first booking's buffer after.
      const inBuffer = await t.api('POST', '/bookings', {
        customerId: business.customerId,
        serviceId: business.serviceId,
        staffId: business.staffId,
        startsAt: '2026-12-03T16:00:00Z',
      });
      expect(inBuffer.statusCode).toBe(409);
      expect(inBuffer.json().code).toBe('slot_unavailable');
      const afterBuffer = await book(t, business, '2026-12-03T16:15:00Z');
      expect(afterBuffer.startsAt).toBe('2026-12-03T16:15:00.000Z');
      const otherStaff = await book(t, business, '2026-12-03T15:00:00Z', { staffId: business.otherStaffId });
      expect(otherStaff.startsAt).toBe('2026-12-03T15:00:00.000Z');
    });

    it('places an overlap on request and reports it as a conflict on both bookings', async () => {
      const first = await book(t, business, '2026-12-04T15:00:00Z');
      const forced = await t.api('POST', '/bookings', {
        customerId: business.customerId,
        serviceId: business.serviceId,
        staffId: business.staffId,
        startsAt: '2026-12-04T15:30:00Z',
        allowConflict: true,
      });
      expect(forced.statusCode).toBe(201);
      expect(forced.json().conflicts).toEqual([
        {
          kind: 'booking',
          id: first.id,
          startsAt: '2026-12-04T15:00:00.000Z',
          endsAt: '2026-12-04T16:00:00.000Z',
        },
      ]);
      const firstNow = (await t.api('GET', `/bookings/${first.id}`)).json();
      expect(firstNow.conflicts.map((c: { id: string }) => c.id)).toEqual([forced.json().id]);
    });

    it('reschedules with history, a higher version and a stale If-Match refused', async () => {
      const booking = await book(t, business, '2026-12-07T15:00:00Z');
      const moved = await t.api(
        'POST',
        `/bookings/${booking.id}/reschedule`,
        { startsAt: '2026-12-08T19:00:00Z', reason: 'Customer asked by phone' },
        { 'if-match': '"1"' },
      );
      expect(moved.statusCode).toBe(200);
      expect(moved.headers.etag).toBe('"2"');
      expect(moved.json()).toMatchObject({
        startsAt: '2026-12-08T19:00:00.000Z',
        endsAt: '2026-12-08T20:00:00.000Z',
        rescheduleCount: 1,
        version: 2,
      });
      expect(moved.json().history[1]).toEqual({
        type: 'rescheduled',
        actor: 'admin',
        channel: 'api',
        at: '2026-12-01T08:00:00.000Z',
        fromStartsAt: '2026-12-07T15:00:00.000Z',
        toStartsAt: '2026-12-08T19:00:00.000Z',
        reason: 'Customer asked by phone',
      });
      const stale = await t.api(
        'POST',
        `/bookings/${booking.id}/reschedule`,
        { startsAt: '2026-12-09T15:00:00Z' },
        { 'if-match': '"1"' },
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('booking_changed');
      const unchanged = (await t.api('GET', `/bookings/${booking.id}`)).json();
      expect(unchanged.startsAt).toBe('2026-12-08T19:00:00.000Z');
      expect(unchanged.history).toHaveLength(2);
    });

    it('lets a booking move into its own old time range without blocking itself', async () => {
      const booking = await book(t, business, '2026-12-09T15:00:00Z');
      const moved = await t.api('POST', `/bookings/${booking.id}/reschedule`, {
        startsAt: '2026-12-09T15:30:00Z',
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json().conflicts).toEqual([]);
    });

    it('replays an Idempotency-Key instead of booking twice, and refuses the key for another body', async () => {
      const body = {
        customerId: business.customerId,
        serviceId: business.serviceId,
        staffId: business.otherStaffId,
        startsAt: '2026-12-10T18:00:00Z',
      };
      const headers = { 'idempotency-key': 'create-abc-123456' };
      const first = await t.api('POST', '/bookings', body, headers);
      const retry = await t.api('POST', '/bookings', body, headers);
      expect(first.statusCode).toBe(201);
      expect(retry.statusCode).toBe(201);
      expect(retry.json().id).toBe(first.json().id);
      const sameStart = await t.api(
        'GET',
        `/bookings?from=2026-12-10T18:00:00Z&to=2026-12-10T18:30:00Z&staffId=${business.otherStaffId}`,
      );
      expect(sameStart.json()).toHaveLength(1);
      const other = await t.api('POST', '/bookings', { ...body, startsAt: '2026-12-10T20:00:00Z' }, headers);
      expect(other.statusCode).toBe(422);
      expect(other.json().code).toBe('idempotency_key_reused');
    });

    it('cancels and completes once, then refuses further changes', async () => {
      const booking = await book(t, business, '2026-12-11T15:00:00Z');
      const cancelled = await t.api('POST', `/bookings/${booking.id}/cancel`, { reason: 'Moved away' });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', version: 2 });
      expect(cancelled.json().history.at(-1)).toMatchObject({
        type: 'cancelled',
        reason: 'Moved away',
        fromStartsAt: '2026-12-11T15:00:00.000Z',
      });
      const again = await t.api('POST', `/bookings/${booking.id}/cancel`, {});
      expect(again.statusCode).toBe(422);
      expect(again.json().code).toBe('booking_not_active');
      const move = await t.api('POST', `/bookings/${booking.id}/reschedule`, {
        startsAt: '2026-12-12T15:00:00Z',
      });
      expect(move.json().code).toBe('booking_not_active');
      // The cancelled booking no longer holds its time.
      const replacement = await book(t, business, '2026-12-11T15:00:00Z');
      const completed = await t.api('POST', `/bookings/${replacement.id}/complete`);
      expect(completed.json(), completed.body).toMatchObject({ status: 'completed' });
    });

    it('lists by business-zone date, status and staff', async () => {
      const list = await t.api(
        'GET',
        `/bookings?from=2026-12-03&to=2026-12-03&staffId=${business.staffId}&status=confirmed`,
      );
      expect(list.statusCode).toBe(200);
      expect(list.json().map((b: { startsAt: string }) => b.startsAt)).toEqual([
        '2026-12-03T15:00:00.000Z',
        '2026-12-03T16:15:00.000Z',
      ]);
      const badStatus = await t.api('GET', '/bookings?status=lost');
      expect(badStatus.statusCode).toBe(422);
      expect(badStatus.json().errors[0].field).toBe('status');
    });

    it('resends the confirmation of a confirmed booking, not of a cancelled one', async () => {
      const booking = await book(t, business, '2026-12-14T15:00:00Z');
      const resent = await t.api('POST', `/bookings/${booking.id}/resend-confirmation`);
      expect(resent.statusCode).toBe(202);
      const emails = (await t.api('GET', `/outbox?bookingId=${booking.id}`)).json();
      expect(emails.map((e: { kind: string; id: string }) => e.kind)).toEqual([
        'booking_confirmation',
        'booking_confirmation',
      ]);
      expect(emails.map((e: { id: string }) => e.id)).toContain(resent.json().emailId);
      await t.api('POST', `/bookings/${booking.id}/cancel`);
      const refused = await t.api('POST', `/bookings/${booking.id}/resend-confirmation`);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('booking_not_active');
    });

    it('returns 404 not_found for an unknown booking', async () => {
      const response = await t.api('GET', '/bookings/does-not-exist');
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    });

    it('offers the office the free times of a staff member', async () => {
      const response = await t.api(
        'GET',
        `/availability?serviceId=${business.serviceId}&staffId=${business.staffId}&from=2026-12-03&to=2026-12-03`,
      );
      expect(response.statusCode).toBe(200);
      const starts = response.json().slots.map((s: { startsAt: string }) => s.startsAt);
      // 10:00 and 11:15 EST are booked (each 60 min + 15 min buffer after), so 09:00 is out too: its own buffer
      // would run into 10:00. Working hours 09:00-17:00, 30-minute grid.
      expect(starts).toEqual([
        '2026-12-03T17:30:00.000Z',
        '2026-12-03T18:00:00.000Z',
        '2026-12-03T18:30:00.000Z',
        '2026-12-03T19:00:00.000Z',
        '2026-12-03T19:30:00.000Z',
        '2026-12-03T20:00:00.000Z',
        '2026-12-03T20:30:00.000Z',
        '2026-12-03T21:00:00.000Z',
      ]);
    });
  });

  describe('office availability while moving a booking', () => {
    it('does not let the booking being moved block its own neighbourhood', async () => {
      const booking = await book(t, business, '2026-12-16T15:00:00Z');
      const query = `/availability?serviceId=${business.serviceId}&staffId=${business.staffId}&from=2026-12-16&to=2026-12-16`;
      const blocked = (await t.api('GET', query)).json().slots.map((s: { startsAt: string }) => s.startsAt);
      const moving = (await t.api('GET', `${query}&exceptBookingId=${booking.id}`))
        .json()
        .slots.map((s: { startsAt: string }) => s.startsAt);
      expect(blocked).not.toContain('2026-12-16T15:30:00.000Z');
      expect(moving).toContain('2026-12-16T15:30:00.000Z');
      expect(moving).toContain('2026-12-16T15:00:00.000Z');
    });
  });

  describe('service endpoints', () => {
    it('serves health and the OpenAPI document', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
      const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
      expect(docs.statusCode).toBe(200);
      const paths = Object.keys(docs.json().paths);
      expect(paths).toEqual(
        expect.arrayContaining(['/api/v1/bookings', '/api/v1/bookings/{id}/reschedule', '/api/v1/settings']),
      );
    });
  });
});

describeEachDatabase('admin sign-in rate limit', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('answers 429 rate_limited after twenty sign-in attempts a minute from one client, whatever accounts it tries', async () => {
    const attempt = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/session',
        payload: { email: `guess-${i}@rebook.test`, password: 'guess' },
        remoteAddress: '198.51.100.77',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses).toEqual(Array<number>(20).fill(401));
    const limited = await attempt(20);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('60');
  });
});
