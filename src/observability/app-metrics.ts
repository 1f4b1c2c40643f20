import type { Clock } from '../clock.js';
import type { Store } from '../db/dialect.js';
import { readOutboxBacklog } from '../email/outbox-backlog.js';
import { createMetrics, type Metrics } from './metrics.js';

/** A fresh registry for one app (and its worker), with the outbox gauges read from its database. */
export function createAppMetrics(store: Store, clock: Clock): Metrics {
  return createMetrics(() => readOutboxBacklog(store.db, clock.now()));
}
