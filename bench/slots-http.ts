import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { createAppMetrics } from '../src/observability/app-metrics.js';
import { bareApp } from './bare-app.js';
import { countingStore } from './databases.js';
import { type Fixture, PUBLIC_URL, SLOT_MONTH } from './fixture.js';
import { listen, runLoad, send, statusSummary, warmThenRun } from './http.js';
import type { LoadResult } from './load-worker.js';
import type { Report } from './report.js';
import { distribution, formatMs, formatRate, formatRatio, log } from './support.js';

const WARM_P99_LIMIT_MS = 50;
const COST_LIMIT = 3;

function loadFigure(result: LoadResult): string {
  return `${formatRate(result.perSecond)} p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms`;
}

/** S2: GET /api/v1/portal/bookings/:id/slots for a calendar month, against a bare fetch of the same busy times. */
export async function measureSlotsEndpoint(
  f: Fixture,
  report: Report,
  options: { seconds: number; coldProcesses: number },
): Promise<void> {
  const headers = { cookie: f.portal.cookie };
  const probe = await send(f.server.baseUrl + f.slotsPath, { headers });
  if (probe.status !== 200)
    throw new Error(`slots request answered ${probe.status}: ${probe.body.slice(0, 300)}`);
  const slotCount = (JSON.parse(probe.body) as { slots: unknown[] }).slots.length;
  const bareProbe = await send(f.bare.baseUrl + f.barePath);
  const busyCount = (JSON.parse(bareProbe.body) as unknown[]).length;
  log(`S2 ${f.db.kind}/${f.data.tier.name}: ${slotCount} slots from ${busyCount} busy intervals`);

  for (const connections of [1, 10]) {
    const slots = await warmThenRun({
      baseUrl: f.server.baseUrl,
      connections,
      seconds: options.seconds,
      scenario: { kind: 'get', path: f.slotsPath, headers },
    });
    const bare = await warmThenRun({
      baseUrl: f.bare.baseUrl,
      connections,
      seconds: options.seconds,
      scenario: { kind: 'get', path: f.barePath, headers: {} },
    });
    const cost = bare.perSecond / slots.perSecond;
    const non200 = slots.requests - (slots.statusCounts['200'] ?? 0);
    report.add({
      scenario: 'S2',
      database: f.db.kind,
      tier: f.data.tier.name,
      case: `slots, month, warm, ${connections} client${connections > 1 ? 's' : ''}`,
      figure: loadFigure(slots) + (non200 > 0 ? ` (${statusSummary(slots.statusCounts)})` : ''),
      baseline: `bare busy fetch ${loadFigure(bare)}`,
      ratio: `${formatRatio(cost)} cost`,
      target: `≤ ${COST_LIMIT}×, p99 ≤ ${WARM_P99_LIMIT_MS} ms`,
      verdict:
        cost <= COST_LIMIT && slots.latency.p99 <= WARM_P99_LIMIT_MS && non200 === 0 ? 'met' : 'MISSED',
      detail: { slots, bare, slotCount, busyCount },
    });
  }

  // Cold, same process: a newly built app (its routes, schemas and serializers compiled afresh) answers its
  // first request; against a newly built bare server's first request.
  const appFirst: number[] = [];
  const appSecond: number[] = [];
  const bareFirst: number[] = [];
  for (let i = 0; i < 5; i++) {
    const app = await buildApp({
      store: f.db.store,
      clock: f.clock,
      publicUrl: PUBLIC_URL,
      metrics: createAppMetrics(f.db.store, f.clock),
    });
    const server = await listen(app);
    appFirst.push((await send(server.baseUrl + f.slotsPath, { headers })).ms);
    appSecond.push((await send(server.baseUrl + f.slotsPath, { headers })).ms);
    await server.close();
    const bare = await listen(bareApp(f.db.store));
    bareFirst.push((await send(bare.baseUrl + f.barePath)).ms);
    await bare.close();
  }
  const first = distribution(appFirst);
  const bareCold = distribution(bareFirst);
  report.add({
    scenario: 'S2',
    database: f.db.kind,
    tier: f.data.tier.name,
    case: 'slots, cold: first request of a new app',
    figure: `median ${formatMs(first.p50)}, max ${formatMs(first.max)} (5 apps)`,
    baseline: `bare busy fetch, new server: ${formatMs(bareCold.p50)}`,
    ratio: `${formatRatio(first.p50 / bareCold.p50)} cost`,
    target: `≤ ${COST_LIMIT}×`,
    verdict: first.p50 / bareCold.p50 <= COST_LIMIT ? 'met' : 'MISSED',
    detail: { appFirst, appSecond, bareFirst },
  });

  if (options.coldProcesses > 0) {
    const app = await coldProcesses(f, 'app', headers, options.coldProcesses);
    const bare = await coldProcesses(f, 'bare', {}, options.coldProcesses);
    const appMs = distribution(app.map((r) => r.firstMs));
    const bareMs = distribution(bare.map((r) => r.firstMs));
    const ready = distribution(app.map((r) => r.processStartToReadyMs));
    report.add({
      scenario: 'S2',
      database: f.db.kind,
      tier: f.data.tier.name,
      case: 'slots, cold: first request of a new process',
      figure: `median ${formatMs(appMs.p50)} (process ready after ${formatMs(ready.p50)})`,
      baseline: `bare busy fetch, new process: ${formatMs(bareMs.p50)}`,
      ratio: `${formatRatio(appMs.p50 / bareMs.p50)} cost`,
      target: `≤ ${COST_LIMIT}×`,
      verdict: appMs.p50 / bareMs.p50 <= COST_LIMIT ? 'met' : 'MISSED',
      detail: { app, bare },
    });
  }
}

interface ColdResult {
  processStartToReadyMs: number;
  loadAndBuildMs: number;
  firstStatus: number;
  firstMs: number;
  secondMs: number;
}

async function coldProcesses(
  f: Fixture,
  mode: 'app' | 'bare',
  headers: Record<string, string>,
  count: number,
): Promise<ColdResult[]> {
  const script = fileURLToPath(new URL('./cold-child.js', import.meta.url));
  const results: ColdResult[] = [];
  for (let i = 0; i < count; i++) {
    const argument = JSON.stringify({
      location: f.db.location,
      mode,
      path: mode === 'app' ? f.slotsPath : f.barePath,
      headers,
      now: f.data.now,
    });
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [script, argument], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (part: Buffer) => {
        text += part.toString('utf8');
      });
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`cold child exited with ${code}`)),
      );
    });
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as ColdResult;
    if (result.firstStatus !== 200) throw new Error(`cold ${mode} request answered ${result.firstStatus}`);
    results.push(result);
  }
  return results;
}

export interface QueryCounts {
  tier: string;
  staff: number;
  database: string;
  perRequest: Record<string, number>;
  statements: Record<string, string[]>;
}

/**
 * SQL statements per request, counted on a second app over the same database whose store counts every query
 * (requests sent with inject, one at a time, after one warm-up request each).
 */
export async function countQueries(f: Fixture): Promise<QueryCounts> {
  const { store, counter } = countingStore(f.db.store);
  const app = await buildApp({
    store,
    clock: f.clock,
    publicUrl: PUBLIC_URL,
    metrics: createAppMetrics(store, f.clock),
  });
  const headers = { cookie: f.portal.cookie };
  const paths: Record<string, string> = {
    slots: f.slotsPath,
    view: `/api/v1/portal/bookings/${f.portal.booking.id}`,
    availability: `/api/v1/portal/availability?serviceId=${f.data.serviceId}&from=${SLOT_MONTH.from}&to=${SLOT_MONTH.to}`,
  };
  const perRequest: Record<string, number> = {};
  const statements: Record<string, string[]> = {};
  for (const [name, url] of Object.entries(paths)) {
    const warm = await app.inject({ method: 'GET', url, headers });
    if (warm.statusCode !== 200)
      throw new Error(`${name} answered ${warm.statusCode}: ${warm.body.slice(0, 200)}`);
    counter.count = 0;
    counter.recording = [];
    await app.inject({ method: 'GET', url, headers });
    perRequest[name] = counter.count;
    statements[name] = counter.recording;
    counter.recording = undefined;
  }
  await app.close();
  return { tier: f.data.tier.name, staff: f.data.staff.length, database: f.db.kind, perRequest, statements };
}

/** Figures only: the any-of-all-staff availability endpoint over HTTP, where a cost could grow with staff. */
export async function measureAvailabilityEndpoint(
  f: Fixture,
  report: Report,
  seconds: number,
): Promise<void> {
  const path = `/api/v1/portal/availability?serviceId=${f.data.serviceId}&from=${SLOT_MONTH.from}&to=${SLOT_MONTH.to}`;
  const result = await runLoad({
    baseUrl: f.server.baseUrl,
    connections: 1,
    seconds,
    scenario: { kind: 'get', path, headers: { cookie: f.portal.cookie } },
  });
  report.add({
    scenario: 'S2',
    database: f.db.kind,
    tier: f.data.tier.name,
    case: `availability, any of ${f.data.staff.length} staff, month, 1 client`,
    figure: `${formatRate(result.perSecond)} p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms`,
    baseline: '(figure only: growth with staff count)',
    ratio: '',
    target: '',
    verdict: '-',
    detail: { result },
  });
}
