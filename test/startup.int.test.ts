import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Runs the built server the way `npm start` and `npm run serve` do, and reads what it prints. */
describe('start-up', () => {
  let buildDirectory: string;
  let workDirectory: string;

  beforeAll(() => {
    // Inside the project, so the build resolves node_modules as `npm start` does.
    mkdirSync('dist', { recursive: true });
    buildDirectory = mkdtempSync(join('dist', 'startup-test-'));
    workDirectory = mkdtempSync(join(tmpdir(), 'rebook-run-'));
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', buildDirectory], {
      stdio: 'inherit',
    });
  }, 120_000);
  afterAll(() => {
    rmSync(buildDirectory, { recursive: true, force: true });
    rmSync(workDirectory, { recursive: true, force: true });
  });

  function run(env: Record<string, string>, args: string[] = [], waitFor?: RegExp, script = 'main.js') {
    return new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [resolvePath(buildDirectory, script), ...args], {
        cwd: workDirectory,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      });
      let output = '';
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (waitFor?.test(output)) child.kill('SIGTERM');
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  it('seeds the demo, prints the admin login and serves, as one JSON line when stdout is not a terminal', async () => {
    const port = await freePort();
    const started = await run(
      { PORT: String(port), DATABASE_URL: 'sqlite:./data/demo.db' },
      ['--demo'],
      /"demoBusinessCreated":true/,
    );
    const lines = jsonLines(started.output);
    const banner = lines.find((line) => line.msg === 'Rebook is running');
    expect(banner).toMatchObject({
      url: `http://127.0.0.1:${port}`,
      admin: `http://127.0.0.1:${port}/admin`,
      demoAdminLogin: 'admin@rebook.local / rebook-demo',
      mail: expect.stringMatching(/^the built-in mailbox/),
      demoBusinessCreated: true,
    });
    expect(banner?.demoCustomerLink).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/portal/bookings/[0-9a-f-]+\\?token=[A-Za-z0-9_-]{43}$`),
    );
    // A second start finds the demo already there and does not seed it again.
    const again = await run(
      { PORT: String(port), DATABASE_URL: 'sqlite:./data/demo.db' },
      ['--demo'],
      /Rebook is running/,
    );
    expect(jsonLines(again.output).find((line) => line.msg === 'Rebook is running')).toMatchObject({
      demoBusinessCreated: false,
    });
  }, 60_000);

  it('npm run backup: copies the SQLite database, and sends PostgreSQL users to pg_dump', async () => {
    const port = await freePort();
    await run({ PORT: String(port), DATABASE_URL: 'sqlite:./data/backup.db' }, [], /Rebook is running/);
    const copied = await run(
      { DATABASE_URL: 'sqlite:./data/backup.db' },
      ['./backups/copy.db'],
      undefined,
      'backup-main.js',
    );
    expect(copied.code).toBe(0);
    expect(jsonLines(copied.output)).toEqual([
      expect.objectContaining({
        target: join(workDirectory, 'backups', 'copy.db'),
        pages: expect.any(Number),
      }),
    ]);
    const postgres = await run(
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/rebook' },
      ['./backups/pg.dump'],
      undefined,
      'backup-main.js',
    );
    expect(postgres.code).toBe(1);
    expect(jsonLines(postgres.output)[0]?.msg).toContain('pg_dump');
    const missing = await run({ DATABASE_URL: 'sqlite:./data/backup.db' }, [], undefined, 'backup-main.js');
    expect([missing.code, jsonLines(missing.output)[0]?.msg]).toEqual([
      1,
      'usage: npm run backup -- PATH (a new file for the copy)',
    ]);
  }, 60_000);

  it('says in one line that DATABASE_URL is malformed', async () => {
    const result = await run({ DATABASE_URL: 'mysql://db/rebook' });
    expect(result.code).toBe(1);
    expect(jsonLines(result.output)).toEqual([
      expect.objectContaining({
        level: 60,
        msg: 'DATABASE_URL must start with sqlite: (embedded) or postgres:// (PostgreSQL)',
      }),
    ]);
  });

  it('says in one line that the database cannot be reached', async () => {
    const port = await freePort();
    const result = await run({ DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/rebook` });
    expect(result.code).toBe(1);
    const lines = jsonLines(result.output);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.msg).toContain(`cannot reach PostgreSQL at 127.0.0.1:${port}/rebook`);
  });

  it('says in one line that the port is taken', async () => {
    const blocker = await listenOnFreePort();
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await run({ PORT: String(port), DATABASE_URL: 'sqlite:./data/port.db' });
      expect(result.code).toBe(1);
      expect(jsonLines(result.output).map((line) => line.msg)).toEqual([
        `port ${port} on 127.0.0.1 is in use: stop the other server or set PORT`,
      ]);
    } finally {
      blocker.close();
    }
  });
});

/** Every line printed must be a JSON object (stdout is a pipe here, not a terminal). */
function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function listenOnFreePort(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listenOnFreePort();
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
