import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WEB_BUILD } from '../src/http/web-apps.js';
import { createBenchDatabase, type DatabaseKind, destroyAllDatabases, postgresVersion } from './databases.js';
import { generateDataset, insertDataset } from './dataset.js';
import { createFixture } from './fixture.js';
import { measureOutbox } from './outbox.js';
import { measurePortalView } from './portal-view.js';
import { loadAverage, machineFacts, Report } from './report.js';
import { measureReschedule } from './reschedule.js';
import { checkCorrectness, measureSlotEngine } from './slots.js';
import {
  countQueries,
  measureAvailabilityEndpoint,
  measureSlotsEndpoint,
  type QueryCounts,
} from './slots-http.js';
import { elapsed, formatMs, log, readOptions } from './support.js';

/**
 * `npm run bench`: builds the business on each database, checks the engine against the naive reference, then
 * measures S1, S2, P1, M1 and R1 (see docs/benchmarks.md). Prints the table, writes bench/results.json, and
 * exits non-zero if a correctness check failed. Every baseline is measured in the same run.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const options = readOptions();
const report = new Report(machineFacts());
const resultsPath = join(import.meta.dirname ?? '.', '..', '..', '..', 'bench', 'results.json');
const started = Date.now();

process.once('SIGINT', () => {
  log('interrupted: dropping the benchmark databases');
  void destroyAllDatabases().finally(() => process.exit(130));
});

async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  collectGarbage();
  const { value, ms } = await elapsed(work);
  log(`${name} done in ${formatMs(ms)} (load ${loadAverage()})`);
  return value;
}

async function main(): Promise<void> {
  const kinds: DatabaseKind[] = ['sqlite'];
  if (options.postgresUrl) {
    report.machine.postgres = await postgresVersion(options.postgresUrl);
    kinds.push('postgres');
  }
  if (!existsSync(join(WEB_BUILD, 'portal', 'index.html'))) {
    log('dist/web is missing: running vite build for the portal page');
    const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  log(
    `tiers ${options.tiers.map((t) => t.name).join(', ')}; databases ${kinds.join(', ')}; R1 ${options.rescheduleSeconds} s, load runs ${options.loadSeconds} s, M1 runs ≤ ${options.drainSeconds} s`,
  );
  const queryCounts: QueryCounts[] = [];
  for (const [tierIndex, tier] of options.tiers.entries()) {
    const everything = tierIndex === 0;
    const data = await phase(`generate ${tier.name}`, async () => generateDataset(tier));
    let engineMeasured = false;
    for (const kind of kinds) {
      const db = await createBenchDatabase(kind, tier.name, options.postgresUrl);
      try {
        const inserted = await phase(`insert ${tier.name} into ${kind}`, () =>
          elapsed(() => insertDataset(db.store, data)),
        );
        report.note(
          `${tier.name}/${kind}: ${data.staff.length} staff, ${data.bookings.length} bookings, ${data.blocked.length} blocked events, ${data.customers.length} customers inserted in ${formatMs(inserted.ms)}`,
        );
        await phase('correctness', () => checkCorrectness(db.store, data, report));
        if (report.failedChecks.length > 0)
          throw new Error('availableSlots and the naive reference disagree');
        if (!engineMeasured) {
          await phase('S1', () =>
            measureSlotEngine(db.store, data, report, {
              runs: options.slotRuns,
              naiveBudgetSeconds: options.naiveBudgetSeconds,
              onlyAllStaff: !everything,
            }),
          );
          engineMeasured = true;
        }
        const fixture = await createFixture(db, data);
        try {
          queryCounts.push(await countQueries(fixture));
          await phase(`S2 ${kind}`, async () => {
            await measureSlotsEndpoint(fixture, report, {
              seconds: options.loadSeconds,
              coldProcesses: everything ? 3 : 0,
            });
            await measureAvailabilityEndpoint(fixture, report, options.loadSeconds);
          });
          if (everything) {
            await phase(`P1 ${kind}`, () => measurePortalView(fixture, report, options.loadSeconds));
            await phase(`M1 ${kind}`, () =>
              measureOutbox(db, data, report, {
                rows: options.outboxRows,
                seconds: options.drainSeconds,
                smtpMessages: options.smtpMessages,
                smtpSeconds: options.drainSeconds + 15,
              }),
            );
            await phase(`R1 ${kind}`, () =>
              measureReschedule(fixture, report, {
                seconds: options.rescheduleSeconds,
                rawSeconds: Math.min(10, options.rescheduleSeconds),
              }),
            );
          }
        } finally {
          await fixture.close();
        }
      } finally {
        await db.destroy();
      }
    }
  }
  reportQueryCounts(queryCounts);
}

/** S2's promise that the number of statements per request does not grow with the number of staff. */
function reportQueryCounts(counts: QueryCounts[]): void {
  for (const database of new Set(counts.map((c) => c.database))) {
    const mine = counts.filter((c) => c.database === database);
    const first = mine[0];
    const last = mine[mine.length - 1];
    if (!first || !last) continue;
    const names = Object.keys(first.perRequest);
    const same = names.every((name) => first.perRequest[name] === last.perRequest[name]);
    const figure = names
      .map((name) =>
        first === last
          ? `${name} ${first.perRequest[name]}`
          : `${name} ${first.perRequest[name]} → ${last.perRequest[name]}`,
      )
      .join(', ');
    report.add({
      scenario: 'S2',
      database: database as DatabaseKind,
      tier: last.tier as 'base',
      case: `SQL statements per request (${mine.map((c) => `${c.staff} staff`).join(' → ')})`,
      figure,
      baseline: '(same count at every staff count)',
      ratio: '',
      target: 'no growth',
      verdict: first === last ? '-' : same ? 'met' : 'MISSED',
      detail: { counts: mine },
    });
    for (const name of names) {
      report.note(
        `${database} ${name}: ${last.perRequest[name]} statements: ${last.statements[name]?.join(', ')}`,
      );
    }
  }
}

try {
  await main();
} catch (error) {
  report.check('benchmark completed', false, String((error as Error)?.stack ?? error));
} finally {
  await destroyAllDatabases();
}
report.machine.loadAverageAtEnd = loadAverage();
report.write(resultsPath);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `\nRebook benchmark, ${report.machine.date}: ${report.machine.nproc} × ${report.machine.cpuModel}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}${report.machine.postgres ? `, PostgreSQL ${report.machine.postgres}` : ''}; load ${report.machine.loadAverageAtStart} → ${report.machine.loadAverageAtEnd}; ${minutes} min\n`,
);
console.log(report.table());
console.log('\nChecks:');
for (const check of report.checks)
  console.log(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
if (report.notes.length > 0) {
  console.log('\nNotes:');
  for (const note of report.notes) console.log(`  - ${note}`);
}
console.log(`\nWritten to ${resultsPath}`);
if (report.failedChecks.length > 0) {
  console.error(`\n${report.failedChecks.length} check(s) FAILED`);
  process.exitCode = 1;
}
