import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock.js';
import type { Store } from '../db/dialect.js';
import type { Metrics } from '../observability/metrics.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every route module gets: the adapters, never the environment itself (config.ts reads that once). */
export interface AppContext {
  store: Store;
  clock: Clock;
  /** The origin of every emailed link and the only origin allowed to make cookie-authenticated changes. */
  publicUrl: string;
  /** This app's own registry: what /metrics reports (requests, booking changes, refusals, emails sent). */
  metrics: Metrics;
}

export const API_PREFIX = '/api/v1';
