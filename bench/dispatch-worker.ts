import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseLocation } from '../src/config.js';
import { openStore } from '../src/db/dialect.js';
import { dispatchDueEmails } from '../src/email/dispatch-outbox.js';
import { memoryTransport, smtpTransport } from '../src/email/mail-transport.js';

/**
 * One outbox dispatcher, as the app's worker runs it (dispatchDueEmails with its default batch of 50, again and
 * again until nothing is due), on its own store, in its own thread. Waits for "go" so that several start together.
 */
export interface DispatchRequest {
  location: DatabaseLocation;
  now: number;
  publicUrl: string;
  seconds: number;
  smtpUrl?: string;
}

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
  batches: number;
  drained: boolean;
  startedAt: number;
  finishedAt: number;
  /** Message-IDs handed to the memory transport (empty for SMTP: the sink counts those). */
  messageIds: string[];
  errors: string[];
}

const request = workerData as DispatchRequest;
const store = await openStore(request.location);
const memory = memoryTransport();
const transport = request.smtpUrl ? smtpTransport(request.smtpUrl) : memory;
const context = {
  store,
  clock: { now: () => request.now },
  transport,
  publicUrl: request.publicUrl,
  mailFrom: undefined,
};
parentPort?.postMessage({ ready: true });
await new Promise<void>((resolve) => parentPort?.once('message', () => resolve()));
const result: DispatchResult = {
  sent: 0,
  retrying: 0,
  failed: 0,
  batches: 0,
  drained: false,
  startedAt: performance.timeOrigin + performance.now(),
  finishedAt: 0,
  messageIds: [],
  errors: [],
};
const deadline = performance.now() + request.seconds * 1000;
while (performance.now() < deadline) {
  const report = await dispatchDueEmails(context);
  result.batches++;
  result.sent += report.sent;
  result.retrying += report.retrying;
  result.failed += report.failed;
  if (report.sent + report.retrying + report.failed === 0) {
    result.drained = true;
    break;
  }
}
result.finishedAt = performance.timeOrigin + performance.now();
result.messageIds = memory.sent.map((mail) => mail.messageId);
if (result.retrying + result.failed > 0) {
  const failures = await store.db
    .selectFrom('outbox_messages')
    .select('last_error')
    .where('last_error', 'is not', null)
    .limit(3)
    .execute();
  result.errors = failures.map((row) => row.last_error ?? '');
}
transport.close();
await store.close();
parentPort?.postMessage({ result });
