import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_BUILD } from '../src/http/web-apps.js';
import type { Fixture } from './fixture.js';
import { runLoad, share, statusSummary, warmThenRun } from './http.js';
import type { LoadResult } from './load-worker.js';
import type { Report } from './report.js';
import { formatRate, formatRatio } from './support.js';

const CONNECTIONS = 50;
/** The targets: the booking view at ≥ 0.15× of hello on SQLite, ≥ 0.10× on PostgreSQL (a round trip per statement). */
const LIMIT = { sqlite: 0.15, postgres: 0.1 } as const;

/** P1: the customer's booking view, API and page, at 50 clients, against a bare Fastify hello route. */
export async function measurePortalView(f: Fixture, report: Report, seconds: number): Promise<void> {
  if (!existsSync(join(WEB_BUILD, 'portal', 'index.html'))) {
    throw new Error(`${WEB_BUILD}/portal/index.html is missing: run "npx vite build" first`);
  }
  const headers = { cookie: f.portal.cookie };
  const run = (baseUrl: string, path: string, h: Record<string, string>) =>
    warmThenRun({ baseUrl, connections: CONNECTIONS, seconds, scenario: { kind: 'get', path, headers: h } });
  const hello = await run(f.bare.baseUrl, '/hello', {});
  const api = await run(f.server.baseUrl, `/api/v1/portal/bookings/${f.portal.booking.id}`, headers);
  // No warm-up for the page: its route allows 60 requests a minute per client address, and the warm-up would
  // spend them.
  const page = await runLoad({
    baseUrl: f.server.baseUrl,
    connections: CONNECTIONS,
    seconds,
    scenario: { kind: 'get', path: `/portal/bookings/${f.portal.booking.id}`, headers },
  });
  const shell = await run(f.server.baseUrl, '/portal', headers);
  const helloFigure = `bare hello ${formatRate(hello.perSecond)} p99 ${hello.latency.p99} ms`;
  const limit = LIMIT[f.db.kind];
  const row = (name: string, result: LoadResult, okPerSecond: number, extra = '') => {
    const ratio = okPerSecond / hello.perSecond;
    report.add({
      scenario: 'P1',
      database: f.db.kind,
      tier: f.data.tier.name,
      case: name,
      figure: `${formatRate(okPerSecond)} 2xx, p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms${extra}`,
      baseline: helloFigure,
      ratio: `${formatRatio(ratio)} of hello`,
      target: `≥ ${limit}×`,
      verdict: ratio >= limit ? 'met' : 'MISSED',
      detail: { result, hello },
    });
  };
  const ok = (result: LoadResult) =>
    result.perSecond * share(result.statusCounts, (code) => code >= 200 && code < 300);
  row('API GET /api/v1/portal/bookings/:id, 50 clients', api, ok(api));
  row(
    'page GET /portal/bookings/:id, 50 clients',
    page,
    ok(page),
    ` (all answers ${formatRate(page.perSecond)}: ${statusSummary(page.statusCounts)})`,
  );
  row('page shell via GET /portal (no rate limit), 50 clients', shell, ok(shell));
}
