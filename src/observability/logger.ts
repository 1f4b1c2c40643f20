import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Never printed, wherever a logged object carries them. */
const SECRET_PATHS = [
  'password',
  'token',
  'authorization',
  'cookie',
  '*.password',
  '*.token',
  '*.authorization',
  '*.cookie',
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

/** JSON lines (pino, which Fastify speaks): one object a line, on stdout unless told otherwise. */
export function createLogger(
  level: LogLevel,
  process: 'app' | 'worker' | 'backup',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level,
      base: { process },
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

const SECRET_QUERY_KEYS = /token|password|secret|key|code|signature/i;

/** The request's path and query for a log line, with the values of secret-looking parameters hidden. */
export function loggableUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = new URLSearchParams(url.slice(queryStart + 1));
  for (const key of new Set(query.keys())) {
    if (SECRET_QUERY_KEYS.test(key)) query.set(key, 'redacted');
  }
  return `${url.slice(0, queryStart)}?${query.toString()}`;
}
