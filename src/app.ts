import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAuthRoutes } from './auth/auth-routes.js';
import { registerBookingAdminRoutes } from './bookings/booking-admin-routes.js';
import { registerRescheduleRequestRoutes } from './bookings/reschedule-request-routes.js';
import { registerBrandingRoutes } from './branding/branding-routes.js';
import { registerCatalogRoutes } from './catalog/catalog-routes.js';
import type { TrustProxy } from './config.js';
import { registerEmailRoutes } from './email/email-routes.js';
import type { App, AppContext } from './http/app-context.js';
import { installErrorHandler, sendProblem } from './http/error-handler.js';
import { registerHomePage } from './http/home-page.js';
import { nameResponseSchemas, withoutUnusedSchemas } from './http/openapi-components.js';
import { registerOperationsRoutes } from './http/operations-routes.js';
import { observeRequests, refusalsBeforeRouting } from './http/request-observer.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { registerWebApps } from './http/web-apps.js';
import { registerPortalRoutes } from './portal/portal-routes.js';
import { registerSettingsRoutes } from './settings/settings-routes.js';

export interface AppOptions {
  /** Where request and error lines go (main.ts: JSON lines on stdout); without one the app logs nothing. */
  logger?: FastifyBaseLogger;
  /** When set, /metrics answers only `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** Whose X-Forwarded-For names the client (`request.ip`, for rate limits and logs); default: nobody's. */
  trustProxy?: TrustProxy;
}

function fastifyTrustProxy(trust: TrustProxy = false): FastifyServerOptions['trustProxy'] {
  if (typeof trust === 'boolean') return trust;
  if ('addresses' in trust) return trust.addresses;
  // Fastify reads a bare number as "trust nobody"; a hop count means: believe the nearest `hops` addresses.
  const { hops } = trust;
  return (_address: string, hop: number) => hop < hops;
}

/**
 * A slowly sent request must not hold a connection for ever: its headers must arrive within 10 s and the whole
 * request within 30 s (Node checks every 2 s); an idle keep-alive connection closes after 5 s, a silent socket
 * after 60 s.
 */
const SERVER_TIMEOUTS = {
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionTimeout: 60_000,
  http: { headersTimeout: 10_000, connectionsCheckingInterval: 2_000 },
} as const;

/** How long a closing server keeps reading what is already on its connections before it closes the idle ones. */
const DRAIN_GRACE_MS = 300;

/**
 * Once closing, a request arriving on a kept-alive connection is told to go elsewhere, and every answer (the
 * in-flight ones too) ends its connection, so the server is left with no connection to wait for.
 */
function refuseRequestsWhileClosing(app: App): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    // A request already written to a kept-alive connection but not yet read looks idle to Node, and closing
    // the server closes idle connections: that request would meet a reset instead of an answer. A short
    // grace lets every such request be read and answered (503 shutting_down, Connection: close) first.
    if (app.server.listening) await new Promise((resolve) => setTimeout(resolve, DRAIN_GRACE_MS));
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    return sendProblem(
      reply.header('connection', 'close'),
      503,
      'shutting_down',
      'this server is shutting down; please try again',
    );
  });
}

/** The HTTP application, without listening: main.ts listens, tests call inject(). */
export async function buildApp(context: AppContext, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: 256 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
    trustProxy: fastifyTrustProxy(options.trustProxy),
    ...SERVER_TIMEOUTS,
    // On close: idle keep-alive connections go at once; busy ones finish their request first.
    forceCloseConnections: 'idle',
    return503OnClosing: false,
    ...refusalsBeforeRouting(context.metrics),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, context.metrics);
  observeRequests(app, context.metrics);
  installSecurityHeaders(app);
  refuseRequestsWhileClosing(app);
  // Every body the API takes is JSON: anything else is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyCookie);
  // Pages and API answers go compressed to a client that accepts it (a slow phone waits for every byte).
  // Brotli at quality 5: most of quality 11's gain at a fraction of its time, for bodies written per request;
  // the built scripts and styles are compressed once, at build time, at the best quality (web-apps.ts).
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
  nameResponseSchemas();
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Rebook API',
        version: '1',
        description: 'Bookings, availability and customer self-service rescheduling.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => withoutUnusedSchemas(jsonSchemaTransformObject(document)),
  });

  registerOperationsRoutes(app, context, options.metricsToken);
  app.get('/api/docs', { schema: { hide: true } }, () => app.swagger());

  registerAuthRoutes(app, context);
  registerSettingsRoutes(app, context);
  registerBrandingRoutes(app, context);
  registerCatalogRoutes(app, context);
  registerBookingAdminRoutes(app, context);
  registerRescheduleRequestRoutes(app, context);
  registerEmailRoutes(app, context);
  registerPortalRoutes(app, context);
  registerHomePage(app);
  await registerWebApps(app);

  await app.ready();
  return app;
}
