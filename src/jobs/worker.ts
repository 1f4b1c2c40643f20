import type { FastifyBaseLogger } from 'fastify';
import { expireDueRequests } from '../bookings/end-reschedule-request.js';
import {
  DEFAULT_SEND_LANES,
  type DispatchContext,
  type DispatchOptions,
  dispatchDueEmails,
} from '../email/dispatch-outbox.js';
import { cleanUpExpired } from './housekeeping.js';
import { queueDueReminders } from './queue-due-reminders.js';

export interface RunningWorker {
  /** Stops claiming work and resolves once the sends under way have finished. */
  stop(): Promise<void>;
}

export type WorkerLog = Pick<FastifyBaseLogger, 'error' | 'warn' | 'info'>;

export interface WorkerOptions {
  intervalMs?: number;
  log?: WorkerLog;
  /** Emails in flight at once (see dispatchDueEmails). */
  sendLanes?: number;
  /** How long an email's claim lasts and how often it is renewed (see dispatchDueEmails; tests shorten them). */
  lease?: DispatchOptions['lease'];
  /** How often expired sessions, links, idempotency records and old emails are deleted (default hourly). */
  housekeepingEveryMs?: number;
  /** After a failed tick the worker waits 1 s, 2 s, 4 s … up to this long (default 30 s) before trying again. */
  maxBackoffMs?: number;
}

const FIRST_BACKOFF_MS = 1000;
const HOUSEKEEPING_RETRY_MS = 5 * 60_000;

/** 1 s, 2 s, 4 s … capped: how long to wait after the `failures`th failed tick in a row. */
export function backoffAfter(failures: number, maxMs: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1), maxMs);
}

/**
 * The background worker: due reminders become emails, due emails are sent. Runs in the app process by default;
 * `npm run worker` runs it alone, and several may run at once (claims skip each other's rows). When the
 * database goes away the worker backs off and resumes by itself once it is back, saying so once each way.
 * At start and then hourly it deletes what has expired (housekeeping.ts).
 */
export function startWorker(context: DispatchContext, options: WorkerOptions = {}): RunningWorker {
  const intervalMs = options.intervalMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const lanes = options.sendLanes ?? DEFAULT_SEND_LANES;
  const log = options.log;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let failures = 0;
  let failingSince = 0;
  const housekeepingEveryMs = options.housekeepingEveryMs ?? 3_600_000;
  let housekeepingDueAt = Number.NEGATIVE_INFINITY;

  // Its own failures are only logged: a bug in cleaning up must not stop the email.
  const housekeeping = async () => {
    const now = context.clock.now();
    if (now < housekeepingDueAt) return;
    try {
      const result = await cleanUpExpired({ store: context.store, now });
      housekeepingDueAt = result.more ? now : now + housekeepingEveryMs;
      if (Object.keys(result.deleted).length > 0) {
        log?.info({ deleted: result.deleted }, 'housekeeping: deleted expired records');
      }
    } catch (error) {
      housekeepingDueAt = now + HOUSEKEEPING_RETRY_MS;
      log?.warn({ err: error }, 'housekeeping failed; trying again in 5 minutes');
    }
  };

  const work = async () => {
    await queueDueReminders(context);
    // Requests nobody answered in time: expired, and the office told once (before this tick's sends).
    await expireDueRequests(context);
    // Drain what is due now before sleeping: a burst of bookings should not wait a second per 50 emails.
    while (!stopped) {
      const report = await dispatchDueEmails(context, {
        lanes,
        stopping: () => stopped,
        ...(options.lease && { lease: options.lease }),
      });
      if (report.sent + report.retrying + report.failed === 0) break;
    }
    if (!stopped) await housekeeping();
  };

  /** One tick; answers how long to wait before the next. */
  const tick = async (): Promise<number> => {
    try {
      await work();
    } catch (error) {
      failures++;
      if (failures === 1) {
        failingSince = Date.now();
        log?.error(
          { err: error },
          'worker paused: its work failed (is the database away?); retrying with backoff',
        );
      }
      return backoffAfter(failures, maxBackoffMs);
    }
    if (failures > 0) {
      log?.info({ failedTicks: failures, downMs: Date.now() - failingSince }, 'worker resumed');
      failures = 0;
    }
    return intervalMs;
  };
  const run = () => {
    current = tick().then((wait) => {
      if (stopped) return;
      timer = setTimeout(run, wait);
    });
  };
  run();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
