import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve as resolvePath } from 'node:path';

/** A tsc build of src/ inside the project (so it resolves node_modules as `npm start` does). */
export function buildServer(prefix: string): { directory: string; remove(): void } {
  mkdirSync('dist', { recursive: true });
  const directory = mkdtempSync(join('dist', prefix));
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', directory], { stdio: 'inherit' });
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

export interface RunningProcess {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  alive(): boolean;
}

/** Runs `main.js` or `worker-main.js` of a build with exactly the given environment (plus PATH). */
export function runBuilt(
  build: string,
  script: 'main.js' | 'worker-main.js',
  cwd: string,
  env: Record<string, string>,
): RunningProcess {
  const child = spawn(process.execPath, [resolvePath(build, script)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running = false;
      resolve(code);
    }),
  );
  return { child, output: () => output, exited, alive: () => running };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `url` until it answers 200, or throws after `timeoutMs`. */
export async function waitUntilAnswers(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
