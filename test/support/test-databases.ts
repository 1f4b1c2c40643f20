import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import type { DatabaseLocation } from '../../src/config.js';
import { openStore, type Store } from '../../src/db/dialect.js';
import { migrateToLatest } from '../../src/db/migrations.js';

export type DatabaseKind = DatabaseLocation['kind'];

const postgresUrl = process.env.TEST_DATABASE_URL;

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server we may create databases on. */
export const DATABASE_KINDS: DatabaseKind[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** Runs the same suite on every database this run has. */
export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void): void {
  for (const kind of DATABASE_KINDS) describe(`${title} [${kind}]`, () => suite(kind));
}

export interface TestStore {
  store: Store;
  location: DatabaseLocation;
  /** Opens another connection pool on the same database, as a second app process would. */
  openAnother(): Promise<Store>;
  destroy(): Promise<void>;
}

/** A fresh, migrated (unless `migrate: false`), empty database of the given kind, private to the caller. */
export async function createTestStore(
  kind: DatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestStore> {
  const location = kind === 'sqlite' ? sqliteLocation() : await createPostgresDatabase();
  const store = await openStore(location);
  if (options.migrate !== false) await migrateToLatest(store);
  const others: Store[] = [];
  return {
    store,
    location,
    async openAnother() {
      const another = await openStore(location);
      others.push(another);
      return another;
    },
    async destroy() {
      for (const other of others) await other.close();
      await store.close();
      await dropDatabase(location);
    },
  };
}

function sqliteLocation(): DatabaseLocation {
  const directory = mkdtempSync(join(tmpdir(), 'rebook-test-'));
  return { kind: 'sqlite', path: join(directory, 'rebook.db') };
}

async function createPostgresDatabase(): Promise<DatabaseLocation> {
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `rebook_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { kind: 'postgres', url: url.toString() };
}

async function dropDatabase(location: DatabaseLocation): Promise<void> {
  if (location.kind === 'sqlite') {
    rmSync(join(location.path, '..'), { recursive: true, force: true });
    return;
  }
  if (!postgresUrl) return;
  const name = new URL(location.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
