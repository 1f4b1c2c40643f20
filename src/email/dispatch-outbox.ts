import type { Clock } from '../clock.js';
import type { Store } from '../db/dialect.js';
import type { Metrics } from '../observability/metrics.js';
import { composeEmail, type SharedReads, sharedReads, UndeliverableEmail } from './compose-email.js';
import type { MailTransport } from './mail-transport.js';
import { claimDueMessages, markAttemptFailed, markSent, type OutboxMessage } from './outbox-repository.js';

export interface DispatchContext {
  store: Store;
  clock: Clock;
  transport: MailTransport;
  publicUrl: string;
  mailFrom: { name: string; address: string } | undefined;
  /** Counts what this process sent (the app's registry when the worker runs inside the app). */
  metrics?: Pick<Metrics, 'emailSent'>;
}

export const MAX_ATTEMPTS = 8;
/** Messages of one batch in flight at once (the SMTP pool holds three connections). */
const PARALLEL_SENDS = 4;
/** How long a worker may take to send a message before another may assume it died and send it again. */
export const SEND_LEASE_MS = 2 * 60_000;

/** 30 s, 1 min, 2 min … capped at an hour: eight attempts span about an hour and a half. */
export function retryDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
}

export interface DispatchReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends what is due, once each: claim, compose, send, mark. A crash between send and mark means a resend. */
export async function dispatchDueEmails(context: DispatchContext, limit = 50): Promise<DispatchReport> {
  const { store, clock } = context;
  const now = clock.now();
  const claimed = await claimDueMessages(store.db, store.dialect, now, now + SEND_LEASE_MS, limit);
  const report: DispatchReport = { sent: 0, retrying: 0, failed: 0 };
  const shared = sharedReads(store.db);
  // A few at a time: an SMTP round trip or a PostgreSQL query waits on the network, not on this process.
  // One booking's emails go one after another, in the order of its changes, so A → B arrives before B → C.
  const queue = inBookingOrder(claimed);
  const lane = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const message of group) report[await deliver(context, message, shared)]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, queue.length) }, lane));
  return report;
}

/** The batch as one queue per booking (each in the order of the booking's versions), oldest first. */
function inBookingOrder(claimed: readonly OutboxMessage[]): OutboxMessage[][] {
  const groups = new Map<string, OutboxMessage[]>();
  for (const message of claimed) {
    const key = message.bookingId ?? message.id;
    const group = groups.get(key);
    if (group) group.push(message);
    else groups.set(key, [message]);
  }
  const versionOf = (message: OutboxMessage) => message.payload.snapshot?.booking.version ?? 0;
  return [...groups.values()].map((group) =>
    group.sort((a, b) => versionOf(a) - versionOf(b) || a.nextAttemptAt - b.nextAttemptAt),
  );
}

async function deliver(
  context: DispatchContext,
  message: OutboxMessage,
  shared: SharedReads,
): Promise<keyof DispatchReport> {
  const { store, clock, transport } = context;
  try {
    const { mail, secrets } = await composeEmail(
      { db: store.db, publicUrl: context.publicUrl, mailFrom: context.mailFrom, now: clock.now(), shared },
      message,
    );
    await transport.send(mail);
    // The built-in mailbox is the delivery itself; a copy of real mail keeps no working link to a booking.
    const hide = (content: string) =>
      transport.kind === 'mailbox'
        ? content
        : secrets.reduce((text, secret) => text.replaceAll(secret, 'hidden'), content);
    await markSent(
      store.db,
      message.id,
      { subject: mail.subject, html: hide(mail.html), text: hide(mail.text) },
      clock.now(),
    );
    context.metrics?.emailSent(message.kind);
    return 'sent';
  } catch (error) {
    const final = error instanceof UndeliverableEmail || message.attempts >= MAX_ATTEMPTS;
    await markAttemptFailed(store.db, message.id, {
      error: (error as Error).message ?? String(error),
      retryAt: final ? null : clock.now() + retryDelay(message.attempts),
    });
    return final ? 'failed' : 'retrying';
  }
}
