import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError, openStore } from './db/dialect.js';
import { migrateToLatest } from './db/migrations.js';
import { mailTransportFor, parseMailFrom } from './email/mail-setup.js';
import { startWorker } from './jobs/worker.js';

/** `npm run worker`: the background worker alone (email outbox, reminders), for running beside app processes. */
async function main(): Promise<void> {
  const config = loadConfig();
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
    {
      log: {
        error: (details: unknown, message?: string) =>
          console.error(`rebook worker: ${message ?? ''}`, details),
      },
    },
  );
  console.log(`Rebook worker running: sending mail through ${transport.describe()}`);
  const stop = async () => {
    await worker.stop();
    transport.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseUnavailableError;
  console.error(
    `rebook worker: ${known ? (error as Error).message : `could not start: ${(error as Error)?.stack ?? error}`}`,
  );
  process.exit(1);
});
