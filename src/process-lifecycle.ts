import type { Logger } from './observability/logger.js';
import { createLogger } from './observability/logger.js';

/**
 * On SIGTERM or SIGINT: run `stop` (finish in-flight work, close connections) and exit 0, or exit 1 when it
 * takes longer than `timeoutMs` or fails. The hard timer holds whatever `stop` waits on.
 */
export function stopOnSignals(
  log: Logger,
  timeoutMs: number,
  stop: () => Promise<void>,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const startedAt = Date.now();
    log.info({ signal, timeoutMs }, 'stopping: finishing in-flight work');
    const deadline = setTimeout(() => {
      log.error({ timeoutMs }, 'stopping took too long: exiting with work unfinished');
      exit(1);
    }, timeoutMs);
    stop().then(
      () => {
        clearTimeout(deadline);
        log.info({ durationMs: Date.now() - startedAt }, 'stopped');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        log.error({ err: error }, 'stopping failed');
        exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/**
 * Node's own warnings (a deprecation inside a library, e.g. pg's when a connection dies mid-transaction) as log
 * lines instead of plain text on stderr, so that every line the process prints stays a JSON object.
 */
export function logProcessWarnings(log: Logger): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    log.warn({ warning: { name: warning.name, message: warning.message } }, 'process warning');
  });
}

/**
 * A start-up failure in one line: plain words on a terminal, a JSON log line (level fatal) anywhere else.
 * The `known` ones are the operator's to fix and need no stack.
 */
export function reportStartupFailure(
  processName: 'app' | 'worker' | 'backup',
  error: unknown,
  known: boolean,
) {
  const message = known ? (error as Error).message : `could not start: ${(error as Error)?.stack ?? error}`;
  if (process.stderr.isTTY) {
    console.error(`rebook${processName === 'app' ? '' : ` ${processName}`}: ${message}`);
  } else {
    createLogger('fatal', processName, process.stderr).fatal(message);
  }
  process.exit(1);
}
