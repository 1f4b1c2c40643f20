import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The most JavaScript (gzip) a page of each app may load before it can show anything. */
const BUDGET_KB: Record<string, number> = { portal: 120, admin: 250 };

/**
 * Prints what each app's page loads (its entry and every chunk that entry imports statically), gzipped,
 * and fails the build above the app's budget: a customer on a slow phone waits for every kilobyte.
 */
function bundleBudget(): Plugin {
  return {
    name: 'rebook-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((file) =>
          file.type === 'chunk' ? [[file.fileName, file] as const] : [],
        ),
      );
      const over: string[] = [];
      for (const entry of [...chunks.values()].filter((chunk) => chunk.isEntry)) {
        const reach = (start: string, follow: (name: string) => readonly string[]) => {
          const found = new Set<string>();
          const visit = (name: string) => {
            if (found.has(name)) return;
            found.add(name);
            for (const next of follow(name)) visit(next);
          };
          visit(start);
          return found;
        };
        const gzipKb = (names: Iterable<string>) =>
          [...names].reduce(
            (sum, name) => sum + gzipSync(chunks.get(name)?.code ?? '', { level: 9 }).length,
            0,
          ) / 1024;
        const loaded = reach(entry.fileName, (name) => chunks.get(name)?.imports ?? []);
        const later = [
          ...reach(entry.fileName, (name) => [
            ...(chunks.get(name)?.imports ?? []),
            ...(chunks.get(name)?.dynamicImports ?? []),
          ]),
        ].filter((name) => !loaded.has(name));
        const kb = gzipKb(loaded);
        const budget = BUDGET_KB[entry.name] ?? Number.POSITIVE_INFINITY;
        console.log(
          `${entry.name}: ${kb.toFixed(1)} KB of JavaScript (gzip) on first load, ${loaded.size} files, budget ${budget} KB; ${gzipKb(later).toFixed(1)} KB more on demand`,
        );
        if (kb > budget) over.push(`${entry.name} loads ${kb.toFixed(1)} KB, over its ${budget} KB budget`);
      }
      if (over.length > 0) this.error(over.join('; '));
    },
  };
}

/**
 * Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every script, style and SVG in the
 * build's assets: the server sends them as they are (no compression per request) to a browser that accepts them.
 */
function precompressedAssets(): Plugin {
  return {
    name: 'rebook-precompressed-assets',
    apply: 'build',
    writeBundle(options) {
      const assets = join(options.dir ?? '', 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const content = readFileSync(join(assets, name));
        writeFileSync(
          join(assets, `${name}.br`),
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
      }
    },
  };
}

const app = (name: 'portal' | 'admin') => ({
  consumer: 'client' as const,
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    // Both apps write into dist/web; the first build clears it, the second adds to it.
    emptyOutDir: false,
    rollupOptions: { input: { [name]: resolve(import.meta.dirname, `web/${name}/index.html`) } },
  },
});

/**
 * Two small single-page apps, built into dist/web and served by the same Fastify process. Each is built on
 * its own, so neither carries code only the other uses (the admin's data router, its forms).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'web'),
  base: '/',
  plugins: [react(), bundleBudget(), precompressedAssets()],
  environments: { portal: app('portal'), admin: app('admin') },
  builder: {
    async buildApp(builder) {
      rmSync(resolve(import.meta.dirname, 'dist/web'), { recursive: true, force: true });
      for (const environment of [builder.environments.portal, builder.environments.admin])
        if (environment) await builder.build(environment);
    },
  },
});
