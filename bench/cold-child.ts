import { performance } from 'node:perf_hooks';
import { createAppMetrics } from '../src/observability/app-metrics.js';

/**
 * A fresh process: no JIT-compiled code, no module loaded, no cache filled. Loads the app (or the bare baseline
 * server), listens, and times its first and second request on the same path. Prints one JSON line.
 */
interface ColdRequest {
  location: import('../src/config.js').DatabaseLocation;
  mode: 'app' | 'bare';
  path: string;
  headers: Record<string, string>;
  now: number;
}

const request = JSON.parse(process.argv[2] ?? '{}') as ColdRequest;
const startedAt = performance.now();
const { openStore } = await import('../src/db/dialect.js');
const { send, listen } = await import('./http.js');
const store = await openStore(request.location);
let server: Awaited<ReturnType<typeof listen>>;
if (request.mode === 'app') {
  const { buildApp } = await import('../src/app.js');
  const clock = { now: () => request.now };
  server = await listen(
    await buildApp({ store, clock, publicUrl: 'http://127.0.0.1', metrics: createAppMetrics(store, clock) }),
  );
} else {
  const { bareApp } = await import('./bare-app.js');
  const bare = bareApp(store);
  await bare.ready();
  server = await listen(bare);
}
const readyAt = performance.now();
const first = await send(server.baseUrl + request.path, { headers: request.headers });
const second = await send(server.baseUrl + request.path, { headers: request.headers });
await server.close();
await store.close();
process.stdout.write(
  `${JSON.stringify({
    processStartToReadyMs: readyAt,
    loadAndBuildMs: readyAt - startedAt,
    firstStatus: first.status,
    firstMs: first.ms,
    secondMs: second.ms,
  })}\n`,
);
