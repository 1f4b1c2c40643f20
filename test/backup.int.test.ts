import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../src/db/dialect.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('backup', () => {
  let t: TestApp;
  let directory: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    directory = mkdtempSync(join(tmpdir(), 'rebook-backup-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('copies a consistent SQLite database while the app keeps writing', async () => {
    if (t.database.location.kind !== 'sqlite') throw new Error('expected SQLite');
    const customers = () =>
      t.store.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    let written = 0;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 2000; i++) {
        const created = await t.api('POST', '/customers', {
          name: `Customer ${i}`,
          email: `c${i}@example.com`,
        });
        expect(created.statusCode).toBe(201);
        written++;
      }
    })();
    while (written < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = Number((await customers()).n);
    const outcome = await backupDatabase(t.database.location, join(directory, 'copy.db'));
    const after = Number((await customers()).n);
    writing = false;
    await writer;
    expect(outcome.ok).toBe(true);

    const copy = new BetterSqlite3(join(directory, 'copy.db'), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const copied = (copy.prepare('select count(*) as n from customers').get() as { n: number }).n;
      expect(copied).toBeGreaterThanOrEqual(before);
      expect(copied).toBeLessThanOrEqual(after);
      // The admin the test app made is there too: the copy is the whole database, migrations included.
      expect((copy.prepare('select count(*) as n from admin_users').get() as { n: number }).n).toBe(1);
    } finally {
      copy.close();
    }
  });

  it('refuses to overwrite a file, and sends PostgreSQL users to pg_dump', async () => {
    if (t.database.location.kind !== 'sqlite') throw new Error('expected SQLite');
    const again = await backupDatabase(t.database.location, join(directory, 'copy.db'));
    expect(again).toMatchObject({ ok: false, reason: 'target_exists' });
    const itself = await backupDatabase(t.database.location, t.database.location.path);
    expect(itself).toMatchObject({ ok: false, reason: 'same_file' });
    const postgres = await backupDatabase({ kind: 'postgres', url: 'postgres://db/rebook' }, 'x.dump');
    expect(postgres).toMatchObject({ ok: false, reason: 'use_pg_dump' });
    expect(postgres.ok === false && postgres.message).toContain('pg_dump');
  });
});
