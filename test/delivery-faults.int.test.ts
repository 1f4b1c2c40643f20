import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/clock.js';
import type { DatabaseLocation } from '../src/config.js';
import { openStore, type Store } from '../src/db/dialect.js';
import { type MailTransport, smtpTransport } from '../src/email/mail-transport.js';
import { enqueueEmail } from '../src/email/outbox-repository.js';
import { type RunningWorker, startWorker, type WorkerOptions } from '../src/jobs/worker.js';
import { buildServer, runBuilt } from './support/built-server.js';
import { book, setUpBusiness } from './support/business-fixture.js';
import { SmtpSink } from './support/smtp-sink.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { startTestApp, TEST_PUBLIC_URL, type TestApp } from './support/test-app.js';
import { DATABASE_KINDS, type DatabaseKind, describeEachDatabase } from './support/test-databases.js';

/**
 * Email delivery when things go wrong, with real senders, a real SMTP server and real time: a slow mail
 * server, a sender killed mid-batch, the database going away. Prints the figures each fault gives.
 */

const report = (line: string) => console.log(`[delivery faults] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** `count` due reminder emails for one booking, to recipients `label-N@example.com`; their Message-IDs. */
async function enqueueMany(t: TestApp, bookingId: string, count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = await enqueueEmail(
      t.store.db,
      { kind: 'booking_reminder', bookingId, recipient: `${label}-${i}@example.com`, payload: {} },
      t.clock.now(),
    );
    ids.push(`<${id}@rebook>`);
  }
  return ids;
}

/** How many copies of each message the sink received. */
function copiesOf(sink: SmtpSink, ids: readonly string[]): Map<string, number> {
  const copies = new Map(ids.map((id) => [id, 0]));
  for (const { messageId } of sink.arrivals) {
    const count = copies.get(messageId);
    if (count !== undefined) copies.set(messageId, count + 1);
  }
  return copies;
}

async function sentCount(store: Store, ids: readonly string[]): Promise<number> {
  const rows = await store.db
    .selectFrom('outbox_messages')
    .select('id')
    .where(
      'message_id',
      'in',
      ids.map((id) => id),
    )
    .where('status', '=', 'sent')
    .execute();
  return rows.length;
}

function sender(store: Store, transport: MailTransport, options: WorkerOptions): RunningWorker {
  return startWorker(
    { store, clock: systemClock, transport, publicUrl: TEST_PUBLIC_URL, mailFrom: undefined },
    { intervalMs: 200, ...options },
  );
}

/** Counts the messages a transport sends to recipients starting with `label`. */
function counted(transport: MailTransport, label: string): MailTransport & { count: number } {
  const wrapped = {
    ...transport,
    count: 0,
    async send(mail: Parameters<MailTransport['send']>[0]) {
      await transport.send(mail);
      if (mail.to.startsWith(label)) wrapped.count++;
    },
  };
  return wrapped;
}

function databaseUrl(location: DatabaseLocation): string {
  return location.kind === 'sqlite' ? `sqlite:${location.path}` : location.url;
}

let build: ReturnType<typeof buildServer>;

beforeAll(() => {
  build = buildServer('delivery-faults-');
}, 120_000);
afterAll(() => build.remove());

describeEachDatabase('delivery under faults', (kind: DatabaseKind) => {
  let t: TestApp;
  let bookingId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const business = await setUpBusiness(t);
    bookingId = (await book(t, business, '2027-03-01T15:00:00Z')).id;
  });
  afterAll(() => t.close());

  /** `npm run worker` as its own process, sending to `smtpUrl`. */
  const workerProcess = (smtpUrl: string, env: Record<string, string> = {}) =>
    runBuilt(build.directory, 'worker-main.js', tmpdir(), {
      DATABASE_URL: databaseUrl(t.database.location),
      SMTP_URL: smtpUrl,
      PUBLIC_URL: TEST_PUBLIC_URL,
      LOG_LEVEL: 'warn',
      ...env,
    });

  it('a mail server taking 8 s a message receives each of 40 emails exactly once from two senders', async () => {
    const sink = await SmtpSink.start({ delayMs: 8000 });
    const label = `slow-${kind}`;
    const ids = await enqueueMany(t, bookingId, 40, label);
    // One sender in this process, whose claims last 3 s while each send takes 8 s: only renewing them keeps
    // the other sender, a worker process of its own, off the messages it is sending.
    const transport = counted(smtpTransport(sink.url, { connections: 10 }), label);
    const here = sender(t.store, transport, { sendLanes: 10, lease: { ms: 3000, renewEveryMs: 1000 } });
    const there = workerProcess(sink.url, { MAIL_CONCURRENCY: '10' });
    const started = Date.now();
    try {
      await waitUntil(async () => (await sentCount(t.store, ids)) === ids.length, 80_000);
    } finally {
      there.child.kill('SIGTERM');
      await Promise.all([here.stop(), there.exited]);
      transport.close();
      await sink.stop();
    }
    const seconds = (Date.now() - started) / 1000;
    const copies = [...copiesOf(sink, ids).values()];
    const duplicates = copies.reduce((n, c) => n + Math.max(0, c - 1), 0);
    const lost = copies.filter((c) => c === 0).length;
    const byOther = copies.reduce((n, c) => n + c, 0) - transport.count;
    report(
      `${kind}: 8 s/message sink, 2 senders × 10 at once (one with 3 s claims renewed every 1 s): ${ids.length} emails, ` +
        `${duplicates} duplicates, ${lost} lost, all marked sent after ${seconds.toFixed(1)} s (senders sent ${transport.count} + ${byOther})`,
    );
    expect(copies).toEqual(ids.map(() => 1));
    // Both really sent: the claims shared the work out rather than one sender taking it all.
    expect(transport.count).toBeGreaterThan(0);
    expect(byOther).toBeGreaterThan(0);
  }, 100_000);

  it('a sender killed mid-batch loses nothing: only what it had handed over goes twice, the rest within 60 s', async () => {
    const sink = await SmtpSink.start({ delayMs: 2000 });
    const label = `kill-${kind}`;
    const ids = await enqueueMany(t, bookingId, 30, label);
    const doomed = workerProcess(sink.url);
    const ours = new Set(ids);
    const arrived = () => sink.arrivals.filter((a) => ours.has(a.messageId));
    try {
      await waitUntil(() => arrived().length >= 6, 60_000);
    } catch (error) {
      doomed.child.kill('SIGKILL');
      throw new Error(`the worker process sent too little: ${(error as Error).message}\n${doomed.output()}`);
    }
    doomed.child.kill('SIGKILL');
    const killedAt = Date.now();
    await doomed.exited;
    // What the killed sender wrote before it died may still be on its way through the socket.
    await sleep(500);
    const handed = new Set(arrived().map((a) => a.messageId));

    const transport = smtpTransport(sink.url, { connections: 4 });
    const survivor = sender(t.store, transport, { sendLanes: 4 });
    try {
      await waitUntil(async () => (await sentCount(t.store, ids)) === ids.length, 90_000);
    } finally {
      await survivor.stop();
      transport.close();
      await sink.stop();
    }
    const copies = copiesOf(sink, ids);
    const twice = [...copies].filter(([, count]) => count > 1).map(([id]) => id);
    const lost = [...copies].filter(([, count]) => count === 0).length;
    const firstArrival = new Map<string, number>();
    for (const { messageId, at } of sink.arrivals) {
      if (ours.has(messageId) && !firstArrival.has(messageId)) firstArrival.set(messageId, at);
    }
    const rest = ids.filter((id) => !handed.has(id));
    const restLeftAfter = Math.max(...rest.map((id) => (firstArrival.get(id) ?? Infinity) - killedAt)) / 1000;
    const lastCopyAfter =
      (Math.max(...sink.arrivals.filter((a) => ours.has(a.messageId)).map((a) => a.at)) - killedAt) / 1000;
    report(
      `${kind}: kill -9 after ${handed.size} of ${ids.length} reached the sink (2 s/message): ${twice.length} duplicates ` +
        `(all among the ${handed.size} handed over: ${twice.every((id) => handed.has(id))}), ${lost} lost, ` +
        `the other ${rest.length} all left within ${restLeftAfter.toFixed(1)} s of the kill (the last resend of a lapsed claim after ${lastCopyAfter.toFixed(1)} s)`,
    );
    expect(lost).toBe(0);
    for (const id of twice)
      expect(handed.has(id), `${id} went twice without having been handed over`).toBe(true);
    expect([...copies.values()].every((count) => count <= 2)).toBe(true);
    expect(restLeftAfter).toBeLessThan(60);
  }, 150_000);
});

if (DATABASE_KINDS.includes('postgres')) {
  describe('the worker when PostgreSQL goes away [postgres]', () => {
    let t: TestApp;
    let bookingId: string;

    beforeAll(async () => {
      t = await startTestApp('postgres');
      const business = await setUpBusiness(t);
      bookingId = (await book(t, business, '2027-03-01T15:00:00Z')).id;
    });
    afterAll(() => t.close());

    it('backs off, says so once each way, resumes by itself and drains the backlog', async () => {
      const location = t.database.location;
      if (location.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const url = new URL(location.url);
      const proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
      url.port = String(proxy.port);
      const store = await openStore({ kind: 'postgres', url: url.toString() });
      const sink = await SmtpSink.start();
      const transport = smtpTransport(sink.url, { connections: 4 });
      const logged: { level: string; message: string }[] = [];
      const record =
        (level: string) =>
        (_details: unknown, message?: string): void => {
          logged.push({ level, message: message ?? '' });
        };
      const log = {
        error: record('error'),
        warn: record('warn'),
        info: record('info'),
      } as WorkerOptions['log'];
      const worker = sender(store, transport, { sendLanes: 4, maxBackoffMs: 2000, ...(log && { log }) });
      const label = 'backlog';
      let ids: string[] = [];
      try {
        await sleep(500);
        await proxy.cut();
        // Several ticks fail while the database is away, and the backlog builds up.
        await sleep(4000);
        ids = await enqueueMany(t, bookingId, 200, label);
        await proxy.restore();
        const back = Date.now();
        await waitUntil(async () => (await sentCount(t.store, ids)) === ids.length, 60_000);
        const drained = Date.now();
        const ours = new Set(ids);
        const first = sink.arrivals.find((a) => ours.has(a.messageId))?.at ?? drained;
        report(
          `postgres: after a 4 s outage the worker sent its first email ${((first - back) / 1000).toFixed(1)} s after the database returned ` +
            `and drained ${ids.length} in ${((drained - back) / 1000).toFixed(1)} s: ${(ids.length / ((drained - first) / 1000)).toFixed(0)} emails/s (4 lanes, SMTP on loopback)`,
        );
      } finally {
        await worker.stop();
        transport.close();
        await store.close();
        await sink.stop();
        await proxy.cut();
      }
      expect([...copiesOf(sink, ids).values()]).toEqual(ids.map(() => 1));
      expect(logged.filter((l) => l.level === 'error')).toHaveLength(1);
      expect(logged.filter((l) => l.level === 'info' && l.message === 'worker resumed')).toHaveLength(1);
    }, 90_000);
  });
}
