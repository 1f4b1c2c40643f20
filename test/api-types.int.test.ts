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
});
