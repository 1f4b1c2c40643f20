import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import pg from 'pg';
import type { DatabaseLocation } from '../src/config.js';
import { openStore, type Store } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrations.js';

export type DatabaseKind = DatabaseLocation['kind'];

export interface BenchDatabase {
  kind: DatabaseKind;
  location: DatabaseLocation;
  /** The store the app under test uses: opened exactly as the app opens it. */
  store: Store;
  openAnother(): Promise<Store>;
  destroy(): Promise<void>;
}

const live = new Set<BenchDatabase>();

/** A fresh, migrated database private to this run: a temporary SQLite file, or a new rebook_bench_* database. */
export async function createBenchDatabase(
  kind: DatabaseKind,
  label: string,
  postgresUrl: string | undefined,
): Promise<BenchDatabase> {
  let location: DatabaseLocation;
  let dropped: () => Promise<void>;
  if (kind === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'rebook-bench-'));
    location = { kind: 'sqlite', path: join(directory, 'rebook.db') };
    dropped = async () => rmSync(directory, { recursive: true, force: true });
  } else {
    if (!postgresUrl) throw new Error('no PostgreSQL URL');
    const name = `rebook_bench_${label}_${randomBytes(4).toString('hex')}`;
    await adminQuery(postgresUrl, `CREATE DATABASE ${name}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    location = { kind: 'postgres', url: url.toString() };
    dropped = () => adminQuery(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const store = await openStore(location);
  await migrateToLatest(store);
  const others: Store[] = [];
  const database: BenchDatabase = {
    kind,
    location,
    store,
    async openAnother() {
      const another = await openStore(location);
      others.push(another);
      return another;
    },
    async destroy() {
      live.delete(database);
      for (const other of others) await other.close().catch(() => undefined);
      await store.close().catch(() => undefined);
      await dropped();
    },
  };
  live.add(database);
  return database;
}

/** On Ctrl-C or a crash: no temporary database is left behind. */
export async function destroyAllDatabases(): Promise<void> {
  for (const database of [...live]) await database.destroy().catch(() => undefined);
}

async function adminQuery(postgresUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function postgresVersion(postgresUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('show server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

/**
 * Counts the statements the app sends, by wrapping the store's query executor in a Kysely plugin: every
 * query built with Kysely or `sql` passes through transformQuery once. (PostgreSQL's BEGIN/COMMIT issued by
 * db.transaction() are not queries to Kysely and are not counted; SQLite's BEGIN IMMEDIATE/COMMIT are.)
 */
export class QueryCounter implements KyselyPlugin {
  count = 0;
  recording: string[] | undefined;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    this.recording?.push(describeNode(args.node));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export function countingStore(store: Store): { store: Store; counter: QueryCounter } {
  const counter = new QueryCounter();
  return {
    counter,
    store: { db: store.db.withPlugin(counter), dialect: store.dialect, close: async () => undefined },
  };
}

const KIND_WORDS: Record<string, string> = {
  SelectQueryNode: 'select',
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
  RawNode: 'raw',
};

/** "select bookings", "insert outbox_messages", "raw BEGIN IMMEDIATE": what a statement is, for the report. */
export function describeNode(node: RootOperationNode): string {
  const word = KIND_WORDS[node.kind] ?? node.kind;
  if (node.kind === 'RawNode') {
    const text = (node as unknown as { sqlFragments: readonly string[] }).sqlFragments.join('?');
    return `raw ${text.trim().replace(/\s+/g, ' ').slice(0, 40)}`;
  }
  return `${word} ${firstTable(node) ?? '?'}`;
}

function firstTable(value: unknown, depth = 0): string | undefined {
  if (depth > 12 || value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (record.kind === 'TableNode') {
    const table = record.table as { identifier?: { name?: string } } | undefined;
    return table?.identifier?.name;
  }
  for (const key of ['from', 'into', 'table', 'froms', 'node']) {
    const found = firstTable(record[key], depth + 1);
    if (found) return found;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstTable(item, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
