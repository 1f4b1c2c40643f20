import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError, openStore } from './db/dialect.js';
import { migrateToLatest } from './db/migrations.js';
import { mailTransportFor, parseMailFrom } from './email/mail-setup.js';
import { startWorker } from './jobs/worker.js';
import { createLogger } from './observability/logger.js';
import { logProcessWarnings, reportStartupFailure, stopOnSignals } from './process-lifecycle.js';

/** `npm run worker`: the background worker alone (email outbox, reminders), for running beside app processes. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'worker');
  logProcessWarnings(log);
  const store = await openStore(config.database);
  await migrateToLatest(store);
  const transport = mailTransportFor(config);
  const worker = startWorker(
    {
      store,
      clock: systemClock,
      transport,
      publicUrl: config.publicUrl,
      mailFrom: parseMailFrom(config.mailFrom),
    },
    { log, sendLanes: config.mailConcurrency },
  );
  log.info({ mail: transport.describe() }, 'Rebook worker running');
  stopOnSignals(log, config.shutdownTimeoutMs, async () => {
    // The sends in flight finish (and are marked sent) before the connections close.
    await worker.stop();
    transport.close();
    await store.close();
  });
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseUnavailableError;
  reportStartupFailure('worker', error, known);
});
