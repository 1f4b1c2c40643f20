import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import type { LoadRequest, LoadResult } from './load-worker.js';
import { now } from './support.js';

/** Responses the server itself finished, by status: they include answers a client gave up waiting for. */
export class ServerCounters {
  readonly byStatus = new Map<number, number>();
  readonly byPath = new Map<string, Map<number, number>>();
  readonly watched: RegExp[] = [];
  inFlight = 0;
  /** Responses to requests whose URL matched `pattern` (one of those passed to listen). */
  forPath(pattern: RegExp): Map<number, number> {
    return this.byPath.get(pattern.source) ?? new Map();
  }
  reset(): void {
    this.byStatus.clear();
    this.byPath.clear();
  }
  async idle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Listening {
  baseUrl: string;
  counters: ServerCounters;
  close(): Promise<void>;
}

/** app.listen on 127.0.0.1, an ephemeral port; counts every response the server completes. */
export async function listen(app: FastifyInstance, watch: RegExp[] = []): Promise<Listening> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const counters = new ServerCounters();
  counters.watched.push(...watch);
  app.server.on('request', (req, res) => {
    counters.inFlight++;
    let finished = false;
    res.once('finish', () => {
      finished = true;
    });
    res.once('close', () => {
      counters.inFlight--;
      // 0: the client went away before the answer was written (the work itself may still have been done).
      const status = finished ? res.statusCode : 0;
      counters.byStatus.set(status, (counters.byStatus.get(status) ?? 0) + 1);
      for (const pattern of counters.watched) {
        if (!pattern.test(req.url ?? '')) continue;
        const map = counters.byPath.get(pattern.source) ?? new Map<number, number>();
        map.set(status, (map.get(status) ?? 0) + 1);
        counters.byPath.set(pattern.source, map);
      }
    });
  });
  const { port } = app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, counters, close: () => app.close() };
}

/** Runs autocannon in a worker thread and waits for its summary. */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: request });
    worker.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
      if (message.ok && message.result) resolve(message.result);
      else reject(new Error(`load generator failed: ${message.error}`));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** A short run first, discarded, so the measured run starts with warm code and warm connections. */
export async function warmThenRun(request: LoadRequest, warmSeconds = 1): Promise<LoadResult> {
  await runLoad({ ...request, seconds: warmSeconds });
  return runLoad(request);
}

export interface SimpleResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

/** One request on a fresh connection, timed from send to the last byte. */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<SimpleResponse> {
  return new Promise((resolve, reject) => {
    const started = now();
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString('utf8'),
            ms: now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export function statusSummary(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
}

export function share(counts: Record<string, number>, predicate: (code: number) => boolean): number {
  let hit = 0;
  let total = 0;
  for (const [code, n] of Object.entries(counts)) {
    total += n;
    if (predicate(Number(code))) hit += n;
  }
  return total === 0 ? 0 : hit / total;
}
