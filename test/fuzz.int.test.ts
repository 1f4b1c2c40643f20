import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { memoryTransport } from '../src/email/mail-transport.js';
import { type BusinessFixture, book, setUpBusiness } from './support/business-fixture.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { describeEachDatabase } from './support/test-databases.js';

/** Requests per endpoint: a few in `npm test`, FUZZ_RUNS=1000 for the nightly run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  queryNames: string[];
  bodyNames: string[];
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string }>;
        requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
      }
    >
  >;
};

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '2026-12-01',
    '2026-12-01T10:00:00Z',
    '2026-02-30',
    '9999-99-99T99:99Z',
    '../../etc',
    '%00',
    '\u0000',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof({ depthSize: 'small' }, scalar, fc.jsonValue({ maxDepth: 3 }));

describeEachDatabase('fuzzed requests never break the server', (kind) => {
  let t: TestApp;
  let business: BusinessFixture;
  let bookingId: string;
  let cookie: string;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    business = await setUpBusiness(t);
    bookingId = (await book(t, business, '2026-12-10T15:00:00Z')).id;
    const mail = memoryTransport();
    await dispatchDueEmails({
      store: t.store,
      clock: t.clock,
      transport: mail,
      publicUrl: TEST_PUBLIC_URL,
      mailFrom: undefined,
    });
    const link = /\/portal\/bookings\/[^\s?]+\?token=[A-Za-z0-9_-]+/.exec(
      mail.sent[0]?.text ?? '',
    )?.[0] as string;
    const opened = await t.app.inject({ method: 'GET', url: link });
    const name = `rebook_booking_${bookingId}`;
    cookie = `${name}=${opened.cookies.find((c) => c.name === name)?.value}`;
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs' })).json() as OpenApi;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, spec]) => ({
        method: method.toUpperCase() as Operation['method'],
        path,
        queryNames: (spec.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyNames: Object.keys(spec.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
      })),
    );
  });
  afterAll(() => t.close());

  it(`answers ${RUNS} random requests to every endpoint without a 5xx or a stack trace`, async () => {
    // Sign-in attempts are rate-limited; fuzzing them would only measure the limiter.
    const targets = operations.filter((o) => !o.path.startsWith('/api/v1/auth'));
    expect(targets.length).toBeGreaterThan(40);
    for (const operation of targets) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constant(bookingId),
            fc.string({ maxLength: 80 }),
            fc.string({ unit: 'binary', maxLength: 20 }),
          ),
          fc.dictionary(
            fc.constantFrom(...operation.queryNames, 'extra', 'from', 'limit'),
            fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 })),
            { maxKeys: 4 },
          ),
          fc.oneof(
            fc.record(Object.fromEntries(operation.bodyNames.map((name) => [name, value])), {
              requiredKeys: [],
            }),
            value,
            fc.constant('{"unterminated": '),
          ),
          async (id, query, body) => {
            const path = operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(id) || 'x');
            const search = new URLSearchParams(query).toString();
            const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
            const response = await t.app.inject({
              method: operation.method,
              url: search ? `${path}?${search}` : path,
              headers: {
                authorization: `Bearer ${t.token}`,
                cookie,
                origin: TEST_PUBLIC_URL,
                ...(hasBody ? { 'content-type': 'application/json' } : {}),
              },
              ...(hasBody
                ? {
                    payload:
                      typeof body === 'string' && body.startsWith('{"un') ? body : JSON.stringify(body),
                  }
                : {}),
            });
            expect(
              response.statusCode,
              `${operation.method} ${path}: ${response.body.slice(0, 300)}`,
            ).toBeLessThan(500);
            expect(response.body).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules\//);
          },
        ),
        { numRuns: RUNS },
      );
    }
  }, 120_000);
});
