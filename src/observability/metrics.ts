import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the outbox holds now: read from the database at scrape time, so every process reports the same. */
export interface OutboxBacklog {
  pending: number;
  /** Age of the oldest unsent message, 0 when there is none. */
  oldestPendingAgeSeconds: number;
}

/** The figures the product reports, whatever collects them. One instance per app: tests build their own. */
export interface Metrics {
  /** `route` is the route's pattern (`/api/v1/bookings/:id`), never the raw URL. */
  requestServed(route: string, status: number, seconds: number): void;
  bookingChanged(change: { kind: string; actor: string; channel: string }): void;
  changeRefused(code: string): void;
  emailSent(kind: string): void;
  /** The Prometheus text format, with the outbox gauges read now. */
  exposition(): Promise<{ contentType: string; body: string }>;
}

/**
 * prom-client behind the Metrics interface, in a registry of its own (never the library's global default),
 * so several apps in one process do not share or clash.
 */
export function createMetrics(readOutboxBacklog: () => Promise<OutboxBacklog>): Metrics {
  const registry = new Registry();
  const requestDuration = new Histogram({
    name: 'rebook_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status',
    labelNames: ['route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const bookingChanges = new Counter({
    name: 'rebook_booking_changes_total',
    help: 'Booking changes committed, by kind (created, rescheduled, cancelled, completed), actor and channel',
    labelNames: ['kind', 'actor', 'channel'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'rebook_change_refusals_total',
    help: 'Requests refused with a domain error, by code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const emailsSent = new Counter({
    name: 'rebook_emails_sent_total',
    help: 'Emails handed to the mail server by this process, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  // Both gauges come from one read a scrape: the first collect reads, the second uses what it read. While the
  // database is away they are NaN, and the scrape still reports everything else.
  const UNKNOWN: OutboxBacklog = { pending: Number.NaN, oldestPendingAgeSeconds: Number.NaN };
  const readBacklog = () => readOutboxBacklog().catch(() => UNKNOWN);
  let backlog: Promise<OutboxBacklog> | undefined;
  new Gauge({
    name: 'rebook_outbox_pending',
    help: 'Emails waiting to be sent (pending or being sent)',
    registers: [registry],
    async collect() {
      backlog = readBacklog();
      this.set((await backlog).pending);
    },
  });
  new Gauge({
    name: 'rebook_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest email waiting to be sent; 0 when none waits',
    registers: [registry],
    async collect() {
      this.set((await (backlog ?? readBacklog())).oldestPendingAgeSeconds);
      backlog = undefined;
    },
  });

  return {
    requestServed(route, status, seconds) {
      requestDuration.observe({ route, status: String(status) }, seconds);
    },
    bookingChanged({ kind, actor, channel }) {
      bookingChanges.inc({ kind, actor, channel });
    },
    changeRefused(code) {
      refusals.inc({ code });
    },
    emailSent(kind) {
      emailsSent.inc({ kind });
    },
    async exposition() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
