import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { registerAuthRoutes } from './auth/auth-routes.js';
import { registerBookingAdminRoutes } from './bookings/booking-admin-routes.js';
import { registerCatalogRoutes } from './catalog/catalog-routes.js';
import type { TrustProxy } from './config.js';
import { registerEmailRoutes } from './email/email-routes.js';
import type { App, AppContext } from './http/app-context.js';
import { installErrorHandler } from './http/error-handler.js';
import { registerHomePage } from './http/home-page.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { registerWebApps } from './http/web-apps.js';
import { registerPortalRoutes } from './portal/portal-routes.js';
import { registerSettingsRoutes } from './settings/settings-routes.js';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
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

/** The HTTP application, without listening: main.ts listens, tests call inject(). */
export async function buildApp(context: AppContext, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? (process.env.DEBUG_TEST ? { level: 'error' } : false),
    bodyLimit: 256 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
    trustProxy: fastifyTrustProxy(options.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installSecurityHeaders(app);

  await app.register(fastifyCookie);
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
  });

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(context.store.db);
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });
  app.get('/api/docs', { schema: { hide: true } }, () => app.swagger());

  registerAuthRoutes(app, context);
  registerSettingsRoutes(app, context);
  registerCatalogRoutes(app, context);
  registerBookingAdminRoutes(app, context);
  registerEmailRoutes(app, context);
  registerPortalRoutes(app, context);
  registerHomePage(app);
  await registerWebApps(app);

  await app.ready();
  return app;
}
