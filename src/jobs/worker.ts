import type { FastifyBaseLogger } from 'fastify';
import {
  DEFAULT_SEND_LANES,
  type DispatchContext,
  type DispatchOptions,
  dispatchDueEmails,
} from '../email/dispatch-outbox.js';
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
  /** After a failed tick the worker waits 1 s, 2 s, 4 s … up to this long (default 30 s) before trying again. */
  maxBackoffMs?: number;
}

const FIRST_BACKOFF_MS = 1000;

/** 1 s, 2 s, 4 s … capped: how long to wait after the `failures`th failed tick in a row. */
export function backoffAfter(failures: number, maxMs: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1), maxMs);
}

/**
 * The background worker: due reminders become emails, due emails are sent. Runs in the app process by default;
 * `npm run worker` runs it alone, and several may run at once (claims skip each other's rows). When the
 * database goes away the worker backs off and resumes by itself once it is back, saying so once each way.
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

  const work = async () => {
    await queueDueReminders(context);
    // Drain what is due now before sleeping: a burst of bookings should not wait a second per 50 emails.
    while (!stopped) {
      const report = await dispatchDueEmails(context, {
        lanes,
        stopping: () => stopped,
        ...(options.lease && { lease: options.lease }),
      });
      if (report.sent + report.retrying + report.failed === 0) break;
    }
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
