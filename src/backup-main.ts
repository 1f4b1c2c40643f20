import { ConfigError, loadConfig } from './config.js';
import { backupDatabase, DatabaseUnavailableError } from './db/dialect.js';
import { createLogger } from './observability/logger.js';
import { reportStartupFailure } from './process-lifecycle.js';

/** `npm run backup -- PATH`: a consistent copy of the SQLite database at PATH, safe while the app runs. */
async function main(argv: readonly string[]): Promise<void> {
  const target = argv[0];
  if (!target || argv.length > 1)
    throw new UsageError('usage: npm run backup -- PATH (a new file for the copy)');
  const config = loadConfig();
  const outcome = await backupDatabase(config.database, target);
  const log = process.stdout.isTTY ? undefined : createLogger('info', 'backup');
  if (!outcome.ok) throw new UsageError(outcome.message);
  const message = `backed up the SQLite database to ${outcome.target} (${outcome.pages} pages)`;
  if (log) log.info({ target: outcome.target, pages: outcome.pages }, message);
  else console.log(message);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseUnavailableError;
  reportStartupFailure('backup', error, known);
});
