import { buildApp } from './app.js';
import { ensureInitialAdmin } from './auth/admin-sign-in.js';
import { systemClock } from './clock.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError, openStore, type Store } from './db/dialect.js';
import { migrateToLatest } from './db/migrations.js';
import { DEMO_ADMIN, demoCustomerLink, seedDemoBusiness } from './demo/seed-demo-business.js';
import { mailTransportFor, parseMailFrom } from './email/mail-setup.js';
import type { MailTransport } from './email/mail-transport.js';
import { startWorker } from './jobs/worker.js';

/** Composition root: `node dist/server/main.js [--demo]`. */
async function main(argv: readonly string[]): Promise<void> {
  const withDemo = argv.includes('--demo');
  const config = loadConfig();
  const clock = systemClock;
  const store = await openStore(config.database);
  await migrateToLatest(store);
  const createdAdmin = await ensureInitialAdmin(store.db, clock, config.initialAdmin);
  const seeded = withDemo
    ? await seedDemoBusiness(store.db, clock, { withAdmin: !config.initialAdmin })
    : false;

  const app = await buildApp(
    { store, clock, publicUrl: config.publicUrl },
    { logger: { level: config.logLevel }, trustProxy: config.trustProxy },
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
    { store, clock, transport, publicUrl: config.publicUrl, mailFrom: parseMailFrom(config.mailFrom) },
    { log: app.log },
  );
  const customerLink = withDemo ? await demoCustomerLink(store.db, config.publicUrl, clock.now()) : undefined;
  printBanner(config, store, transport, { createdAdmin, seeded, withDemo, customerLink });

  const stop = async () => {
    await worker.stop();
    await app.close();
    transport.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

class StartupError extends Error {}

function printBanner(
  config: Config,
  store: Store,
  transport: MailTransport,
  facts: { createdAdmin: boolean; seeded: boolean; withDemo: boolean; customerLink: string | undefined },
) {
  const lines = [
    '',
    `Rebook is running at ${config.publicUrl}`,
    `  admin:    ${config.publicUrl}/admin`,
    `  database: ${store.dialect === 'sqlite' ? `SQLite at ${describeSqlite(config)}` : 'PostgreSQL'}`,
    `  API:      ${config.publicUrl}/api/v1 (reference: ${config.publicUrl}/api/docs)`,
    `  mail:     ${transport.describe()}`,
  ];
  if (facts.createdAdmin && config.initialAdmin) lines.push(`  created admin ${config.initialAdmin.email}`);
  if (facts.withDemo && !config.initialAdmin) {
    lines.push(`  admin login: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password} (demo)`);
  }
  if (facts.customerLink) {
    lines.push(`  customer portal, as a customer arriving from an email: ${facts.customerLink}`);
  }
  if (facts.seeded)
    lines.push('  demo business created: services, three staff members, customers and bookings');
  lines.push('');
  console.log(lines.join('\n'));
}

function describeSqlite(config: Config): string {
  return config.database.kind === 'sqlite' ? config.database.path : '';
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof StartupError;
  console.error(
    `rebook: ${known ? (error as Error).message : `could not start: ${(error as Error)?.stack ?? error}`}`,
  );
  process.exit(1);
});
