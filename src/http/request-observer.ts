import { loggableUrl } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { App } from './app-context.js';

/** Requests no route matched share one label: the raw URL would make a series per probe. */
const UNMATCHED_ROUTE = 'unmatched';

/** One access line a request and its duration in the histogram, labelled by route pattern, never the raw URL. */
export function observeRequests(app: App, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
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
  });
}
