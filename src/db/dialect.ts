import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseLocation } from '../config.js';
import type { Database } from './schema.js';

/**
 * Everything that differs between the embedded SQLite database and PostgreSQL lives in this module:
 * how to connect, how a write transaction takes its lock, how a constraint violation looks, and the
 * database-enforced guard against double booking.
 */
export type DialectName = DatabaseLocation['kind'];

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

const PG_INT8 = 20;

export async function openStore(location: DatabaseLocation): Promise<Store> {
  return location.kind === 'sqlite' ? openSqlite(location.path) : openPostgres(location.url);
}

function openSqlite(path: string): Store {
  let database: BetterSqlite3.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('busy_timeout = 10000');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw new DatabaseUnavailableError(
      `cannot open the SQLite database at ${path}: ${(error as Error).message}`,
    );
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew, and preparing was ~12% of a slots request's CPU
 * (docs/benchmarks.md, finding 5); the app asks the same few hundred SQL texts over and over. Statements are
 * kept by SQL text, the least recently used dropped beyond a bound (`in (…)` lists make texts vary). Reuse is
 * safe because the driver runs one query at a time on its one connection; a statement still being iterated
 * (Kysely's streaming) is busy, so that case prepares a fresh one instead.
 */
function withStatementCache(database: BetterSqlite3.Database): BetterSqlite3.Database {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (text: string): BetterSqlite3.Statement => {
    const cached = statements.get(text);
    if (cached && !cached.busy) {
      statements.delete(text);
      statements.set(text, cached);
      return cached;
    }
    const statement = database.prepare(text);
    statements.set(text, statement);
    if (statements.size > STATEMENT_CACHE_SIZE) {
      const oldest = statements.keys().next().value;
      if (oldest !== undefined) statements.delete(oldest);
    }
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    // Instants are epoch milliseconds in BIGINT columns: well inside Number's exact range.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  pool.on('connect', (client) => {
    // A checked-out client that loses its connection emits `error` as well as failing its query; unhandled,
    // that event ends the process. The query's own rejection is what the request sees (503), and the pool
    // drops the broken client when it is released.
    client.on('error', () => undefined);
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const where = safeLocation(url);
    throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${where}: ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

function safeLocation(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/**
 * Runs `work` in a transaction that holds the write lock from its first statement, so a check followed by a
 * write is atomic. SQLite: BEGIN IMMEDIATE (Kysely's plain BEGIN would take the lock only at the first write
 * and fail the losers with SQLITE_BUSY). PostgreSQL: READ COMMITTED; overlapping bookings are stopped by the
 * exclusion constraint, stale updates by the version column.
 */
export async function writeTransaction<T>(
  store: Store,
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(work);
  return store.db.connection().execute(async (connection) => {
    await sql`BEGIN IMMEDIATE`.execute(connection);
    try {
      const result = await work(connection);
      await sql`COMMIT`.execute(connection);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(connection);
      throw error;
    }
  });
}

/** A confirmed booking overlapping another for the same staff member (PostgreSQL's exclusion constraint). */
export function isDoubleBookingViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === '23P01';
}

/** A row the database refused because it breaks one of its row rules (see addRowRule). */
export function isRowRuleViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === '23514' || code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_TRIGGER';
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The database's own guard against double booking. On PostgreSQL an exclusion constraint rejects two
 * confirmed, real-time-checked bookings of one staff member whose busy times overlap, whatever the number of
 * app processes. SQLite has no such constraint; there the check and the write share one BEGIN IMMEDIATE
 * transaction, which serialises all writers to the file.
 */
export async function addDoubleBookingGuard(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);
  await sql`ALTER TABLE bookings ADD CONSTRAINT bookings_no_double_booking
    EXCLUDE USING gist (staff_id WITH =, int8range(occupied_from, occupied_until, '[)') WITH &&)
    WHERE (status = 'confirmed' AND allows_overlap = 0)`.execute(db);
}

/**
 * Locks the rows a change is about to rewrite. PostgreSQL: SELECT … FOR UPDATE, so concurrent changes of one
 * booking queue up and each sees the last committed version. SQLite: BEGIN IMMEDIATE already holds the one
 * write lock (and FOR UPDATE is a syntax error there).
 */
export function lockedForChange<Q extends { forUpdate(): Q }>(query: Q, dialect: DialectName): Q {
  return dialect === 'postgres' ? query.forUpdate() : query;
}

/** The same for a query that joins other tables: only `table`'s rows are locked (FOR UPDATE OF). */
export function lockedForChangeOf<T extends string, Q extends { forUpdate(of: T): Q }>(
  query: Q,
  dialect: DialectName,
  table: T,
): Q {
  return dialect === 'postgres' ? query.forUpdate(table) : query;
}

/**
 * Queues the writers of one staff member's calendar. PostgreSQL: a transaction-scoped advisory lock, so a
 * check-then-write for one staff member never interleaves with another (without it, concurrent writers meet
 * in the exclusion constraint and can deadlock). SQLite: BEGIN IMMEDIATE has already serialised all writers.
 */
export async function lockStaffCalendar(
  tx: Kysely<Database>,
  dialect: DialectName,
  staffId: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`staff-calendar:${staffId}`}))`.execute(tx);
}

const PG_CONNECTION_CODES = new Set([
  '57P01', // admin_shutdown: the server is stopping or restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up
  '53300', // too_many_connections
]);
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const SQLITE_UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|NOMEM)/;
const PG_CLIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * The database could not be reached or could not take the request right now (lost connection, restart,
 * a locked or unreadable SQLite file): the request fails with 503 and the next one may succeed. Everything
 * else a query can throw is about the query itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const failure = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown } | null;
  if (typeof failure !== 'object' || failure === null) return false;
  const code = typeof failure.code === 'string' ? failure.code : '';
  if (PG_CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (SOCKET_CODES.has(code) || SQLITE_UNAVAILABLE_CODES.test(code)) return true;
  const message = typeof failure.message === 'string' ? failure.message : '';
  if (PG_CLIENT_MESSAGES.some((known) => message.includes(known))) return true;
  // Connecting to a host name tries each address and reports them together.
  if (Array.isArray(failure.errors) && failure.errors.some(isDatabaseUnavailable)) return true;
  return failure.cause !== undefined && failure.cause !== error && isDatabaseUnavailable(failure.cause);
}

/** Answers whether the database takes queries now, within `timeoutMs` (a lost server must not hang the probe). */
export async function databaseAnswers(store: Store, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = sql`select 1`.execute(store.db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A transaction the database gave up on through no fault of its own (deadlock, serialization): safe to retry. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === '40P01' || code === '40001';
}

/** Claiming work from a queue: PostgreSQL skips rows another worker holds; SQLite has one writer anyway. */
export function skipLockedForClaim<Q extends { forUpdate(): Q; skipLocked(): Q }>(
  query: Q,
  dialect: DialectName,
): Q {
  return dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/**
 * A rule every row of a table must keep, added to a table that already exists. `condition` is SQL over the
 * row's columns, written with `column(name)`; NULL passes, as in a CHECK constraint.
 * PostgreSQL: a CHECK constraint, NOT VALID so that rows written before it cannot stop the migration (every
 * new or changed row is checked). SQLite cannot add a constraint to an existing table (it would have to copy
 * the table and everything that references it): triggers refuse an insert or update that breaks the rule.
 */
/** A column of bytes (the logo): SQLite's BLOB, PostgreSQL's BYTEA; both drivers read it as a Buffer. */
export const binaryColumnType = (dialect: DialectName) => (dialect === 'postgres' ? 'bytea' : 'blob');

export async function addRowRule(
  db: Kysely<unknown>,
  dialect: DialectName,
  rule: { table: string; name: string; condition: (column: (name: string) => string) => string },
): Promise<void> {
  if (dialect === 'postgres') {
    const condition = rule.condition((name) => name);
    await sql
      .raw(`ALTER TABLE ${rule.table} ADD CONSTRAINT ${rule.name} CHECK (${condition}) NOT VALID`)
      .execute(db);
    return;
  }
  const condition = rule.condition((name) => `NEW.${name}`);
  for (const event of ['INSERT', 'UPDATE']) {
    await sql
      .raw(
        `CREATE TRIGGER ${rule.name}_${event.toLowerCase()} BEFORE ${event} ON ${rule.table} ` +
          `FOR EACH ROW WHEN NOT (${condition}) ` +
          `BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: ${rule.name}'); END`,
      )
      .execute(db);
  }
}

export type BackupOutcome =
  | { ok: true; target: string; pages: number }
  | { ok: false; reason: 'use_pg_dump' | 'target_exists' | 'same_file'; message: string };

/**
 * A consistent copy of the embedded database while the app runs: SQLite's online backup copies page by page
 * and starts over when another connection writes meanwhile, so the copy is one committed state. PostgreSQL
 * has its own tool for that.
 */
export async function backupDatabase(location: DatabaseLocation, target: string): Promise<BackupOutcome> {
  if (location.kind === 'postgres') {
    return {
      ok: false,
      reason: 'use_pg_dump',
      message:
        'DATABASE_URL is PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom --file=rebook.dump "$DATABASE_URL"',
    };
  }
  const destination = resolve(target);
  if (destination === resolve(location.path)) {
    return {
      ok: false,
      reason: 'same_file',
      message: `${target} is the database itself: choose another path`,
    };
  }
  if (existsSync(destination)) {
    return { ok: false, reason: 'target_exists', message: `${target} exists already: choose a new path` };
  }
  if (!existsSync(location.path)) {
    throw new DatabaseUnavailableError(`there is no SQLite database at ${location.path}`);
  }
  mkdirSync(dirname(destination), { recursive: true });
  const database = new BetterSqlite3(location.path, { readonly: true, fileMustExist: true });
  try {
    database.pragma('busy_timeout = 10000');
    const { totalPages } = await database.backup(destination);
    return { ok: true, target: destination, pages: totalPages };
  } finally {
    database.close();
  }
}
