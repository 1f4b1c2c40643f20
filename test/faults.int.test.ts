import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildServer,
  freePort,
  type RunningProcess,
  runBuilt,
  waitUntilAnswers,
} from './support/built-server.js';

/**
 * Faults a production deployment meets, on the built processes (as `npm run serve` / `npm run worker` run them):
 * a SIGTERM under load, and a PostgreSQL restart under two app processes and two workers.
 */

const ADMIN = { ADMIN_EMAIL: 'office@faults.test', ADMIN_PASSWORD: 'faults-password-1' };

interface Outcome {
  path: string;
  startedAt: number;
  answeredAt: number;
  /**
   * The HTTP status, or what went wrong below HTTP: a hang-up, a timeout, or a connection the server never
   * accepted (its listening socket had closed: that request never reached it).
   */
  status: number | 'socket_error' | 'timeout' | 'not_accepted';
  contentType: string;
  code: string | undefined;
}

interface Load {
  outcomes: Outcome[];
  inFlight(): number;
  stop(): Promise<void>;
}

/**
 * `concurrency` clients, each sending its next request when the last is answered, until stopped or
 * `maxRequests` have been sent. A request that takes over 8 s counts as a hang.
 */
function startLoad(
  next: (i: number) => { url: string; init?: RequestInit },
  options: { concurrency: number; maxRequests: number },
): Load {
  const outcomes: Outcome[] = [];
  let sent = 0;
  let pending = 0;
  let stopped = false;
  const client = async () => {
    while (!stopped && sent < options.maxRequests) {
      const { url, init } = next(sent++);
      const startedAt = Date.now();
      pending++;
      let outcome: Outcome;
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(8000) });
        const text = await response.text();
        const contentType = response.headers.get('content-type') ?? '';
        const code = contentType.startsWith('application/problem+json')
          ? (JSON.parse(text) as { code?: string }).code
          : undefined;
        outcome = {
          path: new URL(url).pathname,
          startedAt,
          answeredAt: Date.now(),
          status: response.status,
          contentType,
          code,
        };
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        const detail = String(
          (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message,
        );
        outcome = {
          path: new URL(url).pathname,
          startedAt,
          answeredAt: Date.now(),
          status: timedOut ? 'timeout' : detail.startsWith('connect ') ? 'not_accepted' : 'socket_error',
          contentType: '',
          code: detail.replace(/ 127\.0\.0\.1:\d+$/, ''),
        };
      }
      pending--;
      outcomes.push(outcome);
    }
  };
  const clients = Array.from({ length: options.concurrency }, client);
  return {
    outcomes,
    inFlight: () => pending,
    async stop() {
      stopped = true;
      await Promise.all(clients);
    },
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = `${o.status}${o.code ? ` ${o.code}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function expectEveryLineJson(process: RunningProcess) {
  const lines = process
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '');
  expect(
    lines.filter((line) => !line.startsWith('{')),
    'every printed line is a JSON object',
  ).toEqual([]);
  for (const line of lines) JSON.parse(line);
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

function api(baseUrl: string, token: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

/** A business open every day 09:00–17:00 UTC with one service, one staff member and one customer. */
async function setUpBusiness(call: ReturnType<typeof api>) {
  const day = [{ start: '09:00', end: '17:00' }];
  const workingHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
  expect((await call('PATCH', '/settings', { timezone: 'UTC', workingHours })).status).toBe(200);
  const service = await call('POST', '/services', { name: 'Clean', durationMinutes: 30 });
  const staff = await call('POST', '/staff', { name: 'Maya', serviceIds: [service.body.id] });
  const customer = await call('POST', '/customers', { name: 'Alice', email: 'alice@example.com' });
  expect([service.status, staff.status, customer.status]).toEqual([201, 201, 201]);
  return { serviceId: service.body.id, staffId: staff.body.id, customerId: customer.body.id };
}

/** `hour`:00 UTC, `days` from now. */
function atHour(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}

describe('faults of the built processes', () => {
  let build: ReturnType<typeof buildServer>;
  beforeAll(() => {
    build = buildServer('faults-test-');
  }, 120_000);
  afterAll(() => build.remove());

  describe('SIGTERM under load [sqlite]', () => {
    let workDirectory: string;
    beforeAll(() => {
      workDirectory = mkdtempSync(join(tmpdir(), 'rebook-stop-'));
    });
    afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

    it('answers every request in flight, a half-sent one included, and exits within SHUTDOWN_TIMEOUT_MS', async () => {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const app = runBuilt(build.directory, 'main.js', workDirectory, {
        PORT: String(port),
        DATABASE_URL: 'sqlite:./data/stop.db',
        SHUTDOWN_TIMEOUT_MS: '4000',
        LOG_LEVEL: 'warn',
        ...ADMIN,
      });
      await waitUntilAnswers(`${baseUrl}/readyz`);
      const token = await signIn(baseUrl);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const load = startLoad(
        (i) =>
          i % 2 === 0
            ? {
                url: `${baseUrl}/api/v1/customers`,
                init: {
                  method: 'POST',
                  headers,
                  body: JSON.stringify({ name: `C${i}`, email: `c${i}@example.com` }),
                },
              }
            : { url: `${baseUrl}/api/v1/customers`, init: { headers } },
        { concurrency: 16, maxRequests: 5000 },
      );
      while (load.outcomes.length < 300) await new Promise((resolve) => setTimeout(resolve, 10));

      // A request whose body is still arriving when the signal comes. `Expect: 100-continue` makes the server
      // say when it has the headers: from then on the request is in flight, not a connection still to come.
      const body = JSON.stringify({ name: 'Slow Sender', email: 'slow@example.com' });
      let received = '';
      let headersTaken: () => void = () => undefined;
      const inFlightNow = new Promise<void>((resolve) => {
        headersTaken = resolve;
      });
      const halfSent = new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `POST /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
              `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
          );
        });
        socket.on('data', (chunk) => {
          const continuing = received === '';
          received += chunk.toString();
          if (continuing && received.startsWith('HTTP/1.1 100')) {
            received = '';
            socket.write(body.slice(0, 10));
            setTimeout(() => socket.write(body.slice(10)), 1000);
            headersTaken();
          }
        });
        socket.on('error', reject);
        socket.on('close', () => resolve(received));
      });
      await inFlightNow;

      const stopping = load.stop();
      const inFlight = load.inFlight();
      const signalledAt = Date.now();
      app.child.kill('SIGTERM');
      const code = await app.exited;
      const exitMs = Date.now() - signalledAt;
      await stopping;
      const answered = await halfSent;

      console.log(
        `SIGTERM under load: ${inFlight} requests in flight (+1 half-sent), exit ${code} after ${exitMs} ms; outcomes ${JSON.stringify(tally(load.outcomes))}`,
      );
      expect(code).toBe(0);
      expect(exitMs).toBeLessThan(4000);
      expect(inFlight).toBeGreaterThan(0);
      // Every request the server had taken is answered: with its result, or (arriving on a kept-alive
      // connection after the signal) 503 shutting_down. A connection still in the listen queue is refused.
      const reached = load.outcomes.filter((o) => o.status !== 'not_accepted');
      expect(reached.filter((o) => typeof o.status !== 'number')).toEqual([]);
      expect(
        reached.filter((o) => o.status !== 200 && o.status !== 201 && o.code !== 'shutting_down'),
      ).toEqual([]);
      expect(answered).toMatch(/^HTTP\/1\.1 201 /);
      expect(exitMs).toBeGreaterThanOrEqual(900);
      expectEveryLineJson(app);
    }, 60_000);
  });

  const canRunCluster =
    process.env.TEST_DATABASE_URL !== undefined &&
    existsSync('/usr/bin/pg_createcluster') &&
    process.getuid?.() === 0;

  if (canRunCluster) {
    describe('PostgreSQL restart under two apps and two workers [postgres]', () => {
      // A cluster of this run's own (its name carries our pid, its port is free): several suites may run on
      // one machine at once, and a restart or a drop must never reach another's.
      const CLUSTER = ['15', `faults_${process.pid}`];
      let port: number;
      let databaseUrl: string;
      let workDirectory: string;
      const processes: RunningProcess[] = [];

      const dropCluster = (name: string) => {
        try {
          execFileSync('pg_dropcluster', ['--stop', '15', name], { stdio: 'ignore' });
        } catch {
          // there was none
        }
      };
      /** Clusters an earlier run left behind when it was killed: its process is gone. */
      const dropLeftovers = () => {
        const clusters = execFileSync('pg_lsclusters', ['--no-header']).toString().split('\n');
        for (const line of clusters) {
          const pid = /^15\s+faults_(\d+)\s/.exec(line)?.[1];
          if (pid && !isRunning(Number(pid))) dropCluster(`faults_${pid}`);
        }
      };

      beforeAll(async () => {
        workDirectory = mkdtempSync(join(tmpdir(), 'rebook-faults-'));
        dropLeftovers();
        dropCluster(CLUSTER[1] as string);
        port = await freePort();
        databaseUrl = `postgres://postgres@127.0.0.1:${port}/rebook_faults`;
        execFileSync('pg_createcluster', [...CLUSTER, '-p', String(port), '--', '--auth=trust'], {
          stdio: 'ignore',
        });
        execFileSync('pg_ctlcluster', [...CLUSTER, 'start'], { stdio: 'ignore' });
        const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
        await admin.connect();
        await admin.query('CREATE DATABASE rebook_faults');
        await admin.end();
      }, 60_000);
      afterAll(async () => {
        for (const each of processes) if (each.alive()) each.child.kill('SIGKILL');
        await Promise.all(processes.map((each) => each.exited));
        dropCluster(CLUSTER[1] as string);
        rmSync(workDirectory, { recursive: true, force: true });
      }, 60_000);

      it('fails only the requests during the outage, with 503, is ready within 5 s of the database’s return and accepts a reschedule', async () => {
        const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...ADMIN };
        const ports = [await freePort(), await freePort()];
        // The first app migrates; the others start on a migrated database.
        const first = runBuilt(build.directory, 'main.js', workDirectory, { ...env, PORT: String(ports[0]) });
        processes.push(first);
        await waitUntilAnswers(`http://127.0.0.1:${ports[0]}/readyz`);
        processes.push(
          runBuilt(build.directory, 'main.js', workDirectory, { ...env, PORT: String(ports[1]) }),
        );
        processes.push(runBuilt(build.directory, 'worker-main.js', workDirectory, env));
        processes.push(runBuilt(build.directory, 'worker-main.js', workDirectory, env));
        const baseUrls = ports.map((port) => `http://127.0.0.1:${port}`);
        await waitUntilAnswers(`${baseUrls[1]}/readyz`);

        const token = await signIn(baseUrls[0] as string);
        const calls = baseUrls.map((url) => api(url, token));
        const business = await setUpBusiness(calls[0] as ReturnType<typeof api>);
        const booking = await (calls[0] as ReturnType<typeof api>)('POST', '/bookings', {
          ...business,
          startsAt: atHour(2, 10),
        });
        expect(booking.status).toBe(201);

        const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
        const load = startLoad(
          (i) => {
            const base = baseUrls[i % 2] as string;
            return i % 3 === 0
              ? {
                  url: `${base}/api/v1/customers`,
                  init: {
                    method: 'POST',
                    headers,
                    body: JSON.stringify({ name: `C${i}`, email: `c${i}@example.com` }),
                  },
                }
              : { url: `${base}/api/v1/bookings`, init: { headers } };
          },
          { concurrency: 8, maxRequests: 20_000 },
        );
        while (load.outcomes.length < 200) await new Promise((resolve) => setTimeout(resolve, 10));

        const restartStartedAt = Date.now();
        // Not execFileSync: the load runs in this process and must go on during the restart.
        await promisify(execFile)('pg_ctlcluster', [...CLUSTER, 'restart']);
        const databaseBackAt = Date.now();
        const recoveryMs = await Promise.all(
          baseUrls.map(async (base) => {
            for (;;) {
              const ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5000) }).catch(
                () => undefined,
              );
              if (ready?.status === 200) return Date.now() - databaseBackAt;
              if (Date.now() - databaseBackAt > 15_000) return Number.POSITIVE_INFINITY;
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
          }),
        );
        // Keep the load on a moment after recovery, then count.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await load.stop();

        const rescheduled = await Promise.all(
          calls.map((call, i) =>
            call('POST', `/bookings/${booking.body.id}/reschedule`, { startsAt: atHour(2, 12 + i * 2) }),
          ),
        );
        const failed = load.outcomes.filter((o) => o.status !== 200 && o.status !== 201);
        const failedAfterRecovery = failed.filter(
          (o) => o.startedAt > databaseBackAt + Math.max(...recoveryMs),
        );
        console.log(
          [
            `PostgreSQL restart: took ${databaseBackAt - restartStartedAt} ms; ${load.outcomes.length} requests in all`,
            `failed: ${failed.length} ${JSON.stringify(tally(failed))}`,
            `failed after /readyz recovered: ${failedAfterRecovery.length}`,
            `/readyz 200 again after the database returned: ${recoveryMs.map((ms) => `${ms} ms`).join(', ')}`,
            `slowest failed answer: ${Math.max(0, ...failed.map((o) => o.answeredAt - o.startedAt))} ms`,
          ].join('\n'),
        );

        expect(processes.map((each) => each.alive())).toEqual([true, true, true, true]);
        expect(failed.length).toBeGreaterThan(0);
        expect(failed.filter((o) => o.status !== 503 || o.code !== 'database_unavailable')).toEqual([]);
        expect(Math.max(...recoveryMs)).toBeLessThanOrEqual(5000);
        expect(failedAfterRecovery).toEqual([]);
        expect(rescheduled.map((r) => r.status)).toEqual([200, 200]);
        for (const each of processes) expectEveryLineJson(each);
      }, 120_000);
    });
  }
});
