import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/http/openapi-document.js';

const folder = join(import.meta.dirname, '..', 'web', 'shared', 'api');
const REGENERATE = 'the web apps read the API through stale types: run `npm run api:types`';

describe('the web apps’ API types', () => {
  it('are generated from the OpenAPI document the server builds now', async () => {
    const checkedIn: unknown = JSON.parse(readFileSync(join(folder, 'openapi.json'), 'utf8'));
    expect(checkedIn, REGENERATE).toEqual(await buildOpenApiDocument());

    const digest = createHash('sha256').update(JSON.stringify(checkedIn)).digest('hex');
    const types = readFileSync(join(folder, 'openapi-types.ts'), 'utf8');
    expect(types.split('\n')[0], REGENERATE).toContain(`sha256 ${digest}`);
  });

  it('name each shared response shape once, as a component every route that answers it refers to', async () => {
    const document = (await buildOpenApiDocument()) as {
      components: { schemas: Record<string, unknown> };
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(document.components.schemas).sort()).toEqual([
      'BlockedEvent',
      'Booking',
      'BookingDetails',
      'BusinessSettings',
      'Customer',
      'PortalBooking',
      'PortalBookingSummary',
      'Service',
      'StaffMember',
    ]);
    const answer = (path: string, method: string, status: string) =>
      document.paths[path]?.[method]?.responses[status];
    expect(answer('/api/v1/bookings/{id}', 'get', '200')).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/BookingDetails' } } },
    });
    expect(answer('/api/v1/portal/bookings/{id}/reschedule', 'post', '200')).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PortalBooking' } } },
    });
  });
});
