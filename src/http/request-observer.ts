import type { Socket } from 'node:net';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { loggableUrl } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { App } from './app-context.js';
import { answerClientError, answerFrameworkError } from './error-handler.js';

/** Requests no route matched share one label: the raw URL would make a series per probe. */
const UNMATCHED_ROUTE = 'unmatched';

/** One access line a request and its duration in the histogram, labelled by route pattern, never the raw URL. */
export function observeRequests(app: App, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => recordRequest(metrics, request, reply));
}

function recordRequest(metrics: Metrics, request: FastifyRequest, reply: FastifyReply): void {
  const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
  const status = reply.statusCode;
  metrics.requestServed(route, status, reply.elapsedTime / 1000);
  request.log.info(
    {
      method: request.method,
      route,
      url: loggableUrl(request.url),
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      requestId: request.id,
      ip: request.ip,
    },
    'request',
  );
}

/**
 * The answers given before any route runs, observed too: the router's refusals (bad URL 400, 414) run no
 * hooks, and Node's parser's (400, 408, 431) have no request at all, only a socket: they get a log line.
 */
export function refusalsBeforeRouting(
  metrics: Metrics,
): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> {
  return {
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      answerFrameworkError(error, request, reply);
      recordRequest(metrics, request, reply);
    },
    clientErrorHandler(this: FastifyInstance, error: Error, socket: Socket) {
      const status = answerClientError(error as NodeJS.ErrnoException, socket);
      if (status === undefined) return;
      this.log.info({ route: 'unparsed', status, ip: socket.remoteAddress }, 'request');
    },
  };
}
