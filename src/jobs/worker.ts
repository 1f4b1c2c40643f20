import type { FastifyBaseLogger } from 'fastify';
import { type DispatchContext, dispatchDueEmails } from '../email/dispatch-outbox.js';
import { queueDueReminders } from './queue-due-reminders.js';

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * The background worker: due reminders become emails, due emails are sent. Runs in the app process by default;
 * `npm run worker` runs it alone, and several may run at once on PostgreSQL (claims skip each other's rows).
 */
export function startWorker(
  context: DispatchContext,
  options: { intervalMs?: number; log?: Pick<FastifyBaseLogger, 'error'> } = {},
): RunningWorker {
  const intervalMs = options.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      await queueDueReminders(context);
      // Drain what is due now before sleeping: a burst of bookings should not wait a second per 50 emails.
      while (!stopped) {
        const report = await dispatchDueEmails(context);
        if (report.sent + report.retrying + report.failed === 0) break;
      }
    } catch (error) {
      options.log?.error({ err: error }, 'worker tick failed; trying again shortly');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, intervalMs);
  };
  current = tick().finally(schedule);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
