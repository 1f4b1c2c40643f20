import type { Clock } from '../clock.js';
import { type Store, writeTransaction } from '../db/dialect.js';
import type { Metrics } from '../observability/metrics.js';
import { composeEmail, type SharedReads, sharedReads, UndeliverableEmail } from './compose-email.js';
import { afterFailedAttempt, LEASE_RENEWAL_MS, SEND_LEASE_MS } from './delivery-policy.js';
import type { MailTransport } from './mail-transport.js';
import {
  type ClaimedMessage,
  claimDueForBooking,
  claimDueMessages,
  markAttemptFailed,
  markSent,
  renewClaim,
} from './outbox-repository.js';
import { queueUndeliverableNotice } from './undeliverable-notice.js';

export interface DispatchContext {
  store: Store;
  clock: Clock;
  transport: MailTransport;
  publicUrl: string;
  mailFrom: { name: string; address: string } | undefined;
  /** Counts what this process sent (the app's registry when the worker runs inside the app). */
  metrics?: Pick<Metrics, 'emailSent'>;
}

/** Messages in flight at once by default (MAIL_CONCURRENCY): one per connection of the SMTP pool. */
export const DEFAULT_SEND_LANES = 4;

export interface DispatchOptions {
  /** At most this many messages a call (settings and templates are read once a call). */
  limit?: number;
  /** Messages in flight at once. Each lane claims one message only when it is free to send it. */
  lanes?: number;
  /** Asked before every claim: once true, only the sends under way finish. */
  stopping?: () => boolean;
  /** How long a claim lasts and how often it is renewed while its send is under way (tests shorten them). */
  lease?: { ms: number; renewEveryMs: number };
}

export interface DispatchReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends what is due, once each. Every message is claimed on its own, just before it is sent, and its claim is
 * renewed for as long as its send takes, so however slow the mail server, no other sender takes it meanwhile.
 * Only a sender that dies between handing a message to the server and marking it sent causes a second
 * delivery (with the same Message-ID), once its claim lapses.
 */
export async function dispatchDueEmails(
  context: DispatchContext,
  options: DispatchOptions = {},
): Promise<DispatchReport> {
  const { store, clock } = context;
  const limit = options.limit ?? 50;
  const laneCount = Math.max(1, options.lanes ?? DEFAULT_SEND_LANES);
  const stopping = options.stopping ?? (() => false);
  const lease = options.lease ?? { ms: SEND_LEASE_MS, renewEveryMs: LEASE_RENEWAL_MS };
  const report: DispatchReport = { sent: 0, retrying: 0, failed: 0 };
  const shared = sharedReads(store.db);
  const lanes: Promise<void>[] = [];
  let claims = 0;
  // Lapsed claims (a sender died) are rare: look for them until none is left, then only for due messages.
  let lapsedLeft = true;
  let trouble: { error: unknown } | undefined;

  // A lane opens the next one once it has found work, so an idle outbox costs one claim, not one a lane.
  const lane = async (): Promise<void> => {
    let opened = false;
    while (claims < limit && trouble === undefined && !stopping()) {
      claims++;
      const now = clock.now();
      const group = await claimNext(now, now + lease.ms);
      if (group.length === 0) return;
      claims += group.length - 1;
      if (!opened && lanes.length < laneCount) {
        opened = true;
        openLane();
      }
      // Every claim of the group is held from now on, the waiting ones too.
      const held = group.map((message) => ({ message, claim: holdClaim(context, message, lease) }));
      try {
        for (const { message, claim } of held) report[await deliver(context, message, shared, claim)]++;
      } finally {
        for (const { claim } of held) claim.release();
      }
    }
  };
  /**
   * The next message, with the other due messages of its booking to the same recipient: they go one after
   * another, in the order of the booking's changes, so A → B arrives before B → C, and no other sender takes
   * a later one meanwhile.
   */
  const claimNext = async (now: number, leaseUntil: number): Promise<ClaimedMessage[]> => {
    let first: ClaimedMessage | undefined;
    if (lapsedLeft) {
      [first] = await claimDueMessages(store.db, store.dialect, now, leaseUntil, 1, {
        lapsed: true,
        due: false,
      });
      if (!first) lapsedLeft = false;
    }
    first ??= (
      await claimDueMessages(store.db, store.dialect, now, leaseUntil, 1, { lapsed: false, due: true })
    )[0];
    if (!first) return [];
    if (first.bookingId === null) return [first];
    const rest = await claimDueForBooking(
      store.db,
      store.dialect,
      { bookingId: first.bookingId, recipient: first.recipient },
      now,
      leaseUntil,
    );
    return inBookingOrder([first, ...rest]);
  };
  const openLane = () => {
    lanes.push(
      lane().catch((error: unknown) => {
        trouble ??= { error };
      }),
    );
  };
  openLane();
  // Lanes open while others run: wait until every one of them, late ones included, has finished its send.
  for (let i = 0; i < lanes.length; i++) await lanes[i];
  if (trouble) throw trouble.error;
  return report;
}

/** One booking's messages in the order of the booking's versions (the change each reports), oldest first. */
function inBookingOrder(messages: ClaimedMessage[]): ClaimedMessage[] {
  const versionOf = (message: ClaimedMessage) => message.payload.snapshot?.booking.version ?? 0;
  return messages.sort((a, b) => versionOf(a) - versionOf(b) || a.nextAttemptAt - b.nextAttemptAt);
}

async function deliver(
  context: DispatchContext,
  message: ClaimedMessage,
  shared: SharedReads,
  claim: { release(): void },
): Promise<keyof DispatchReport> {
  const { store, clock, transport } = context;
  let stored: { subject: string; html: string; text: string };
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
    stored = { subject: mail.subject, html: hide(mail.html), text: hide(mail.text) };
  } catch (error) {
    claim.release();
    return recordFailure(context, message, error);
  }
  claim.release();
  await persistently(() => markSent(store.db, message.id, stored, clock.now()));
  context.metrics?.emailSent(message.kind);
  return 'sent';
}

/** Renews a claim every `renewEveryMs` until released, or until another sender has taken the message over. */
function holdClaim(
  context: DispatchContext,
  message: ClaimedMessage,
  lease: { ms: number; renewEveryMs: number },
): { release(): void } {
  const { store, clock } = context;
  const timer = setInterval(() => {
    renewClaim(store.db, message, clock.now() + lease.ms).then(
      (held) => {
        if (!held) clearInterval(timer);
      },
      // The database is away: try again at the next beat; the claim lasts until then.
      () => undefined,
    );
  }, lease.renewEveryMs);
  timer.unref();
  return { release: () => clearInterval(timer) };
}

async function recordFailure(
  context: DispatchContext,
  message: ClaimedMessage,
  error: unknown,
): Promise<'retrying' | 'failed'> {
  const { store, clock } = context;
  const next = afterFailedAttempt({
    firstAttemptAt: message.firstAttemptAt,
    failedAt: clock.now(),
    undeliverable: error instanceof UndeliverableEmail,
  });
  const reason = (error as Error)?.message ?? String(error);
  if (next.outcome === 'retry') {
    await markAttemptFailed(store.db, message, { error: reason, retryAt: next.at });
    return 'retrying';
  }
  // Failed for good: the office hears of it in the same transaction, so once, whoever else is sending.
  await writeTransaction(store, async (tx) => {
    const mine = await markAttemptFailed(tx, message, { error: reason, retryAt: null });
    if (mine) await queueUndeliverableNotice(tx, message, clock.now());
  });
  return 'failed';
}

/**
 * The mail server has the message: a short database outage now should not make it go twice. Tries for about
 * eight seconds before giving up (the claim then lapses and the message is sent again).
 */
async function persistently(write: () => Promise<void>): Promise<void> {
  for (let wait = 250; ; wait *= 2) {
    try {
      return await write();
    } catch (error) {
      if (wait > 4000) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
