import { buildApp } from './app.js';
import { ensureInitialAdmin } from './auth/admin-sign-in.js';
import { systemClock } from './clock.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError, openStore } from './db/dialect.js';
import { migrateToLatest } from './db/migrations.js';
import { DEMO_ADMIN, demoCustomerLink, seedDemoBusiness } from './demo/seed-demo-business.js';
import { mailTransportFor, parseMailFrom } from './email/mail-setup.js';
import type { MailTransport } from './email/mail-transport.js';
import { startWorker } from './jobs/worker.js';
import { createAppMetrics } from './observability/app-metrics.js';
import { createLogger, type Logger } from './observability/logger.js';
import { logProcessWarnings, reportStartupFailure, stopOnSignals } from './process-lifecycle.js';

/** Composition root: `node dist/server/main.js [--demo]`. */
async function main(argv: readonly string[]): Promise<void> {
  const withDemo = argv.includes('--demo');
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'app');
  logProcessWarnings(log);
  const clock = systemClock;
  const store = await openStore(config.database);
  await migrateToLatest(store);
  const createdAdmin = await ensureInitialAdmin(store.db, clock, config.initialAdmin);
  const seeded = withDemo
    ? await seedDemoBusiness(store.db, clock, { withAdmin: !config.initialAdmin })
    : false;

  const metrics = createAppMetrics(store, clock);
  const app = await buildApp(
    { store, clock, publicUrl: config.publicUrl, metrics },
    { logger: log, metricsToken: config.metricsToken, trustProxy: config.trustProxy },
  );
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await store.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(
        `port ${config.port} on ${config.host} is in use: stop the other server or set PORT`,
      );
    }
    throw error;
  }
  const transport = mailTransportFor(config);
  const worker = startWorker(
    {
      store,
      clock,
      transport,
      publicUrl: config.publicUrl,
      mailFrom: parseMailFrom(config.mailFrom),
      metrics,
    },
    { log: log.child({ component: 'worker' }), sendLanes: config.mailConcurrency },
  );
  const customerLink = withDemo ? await demoCustomerLink(store.db, config.publicUrl, clock.now()) : undefined;
  announceStart(log, config, transport, { createdAdmin, seeded, withDemo, customerLink });

  stopOnSignals(log, config.shutdownTimeoutMs, async () => {
    // Stop taking requests and finish the ones in flight while the worker finishes its sends.
    await Promise.all([app.close(), worker.stop()]);
    transport.close();
    await store.close();
  });
}

class StartupError extends Error {}

interface StartFacts {
  createdAdmin: boolean;
  seeded: boolean;
  withDemo: boolean;
  customerLink: string | undefined;
}

/** The start-up facts: a readable banner on a terminal, one JSON log line anywhere else (whatever LOG_LEVEL). */
function announceStart(log: Logger, config: Config, transport: MailTransport, facts: StartFacts) {
  const demoLogin =
    facts.withDemo && !config.initialAdmin ? `${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}` : undefined;
  const database = config.database.kind === 'sqlite' ? `SQLite at ${config.database.path}` : 'PostgreSQL';
  if (!process.stdout.isTTY) {
    log.child({}, { level: 'info' }).info(
      {
        url: config.publicUrl,
        admin: `${config.publicUrl}/admin`,
        database,
        api: `${config.publicUrl}/api/v1`,
        apiReference: `${config.publicUrl}/api/docs`,
        mail: transport.describe(),
        ...(facts.createdAdmin && config.initialAdmin && { createdAdmin: config.initialAdmin.email }),
        ...(demoLogin && { demoAdminLogin: demoLogin }),
        ...(facts.customerLink && { demoCustomerLink: facts.customerLink }),
        demoBusinessCreated: facts.seeded,
      },
      'Rebook is running',
    );
    return;
  }
  const lines = [
    '',
    `Rebook is running at ${config.publicUrl}`,
    `  admin:    ${config.publicUrl}/admin`,
    `  database: ${database}`,
    `  API:      ${config.publicUrl}/api/v1 (reference: ${config.publicUrl}/api/docs)`,
    `  mail:     ${transport.describe()}`,
  ];
  if (facts.createdAdmin && config.initialAdmin) lines.push(`  created admin ${config.initialAdmin.email}`);
  if (demoLogin) lines.push(`  admin login: ${demoLogin} (demo)`);
  if (facts.customerLink) {
    lines.push(`  customer portal, as a customer arriving from an email: ${facts.customerLink}`);
  }
  if (facts.seeded)
    lines.push('  demo business created: services, three staff members, customers and bookings');
  lines.push('');
  console.log(lines.join('\n'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof StartupError;
  reportStartupFailure('app', error, known);
});
