import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { TierName } from './support.js';

export type Verdict = 'met' | 'MISSED' | '-';

export interface Row {
  scenario: string;
  database: 'sqlite' | 'postgres' | 'memory';
  tier: TierName;
  case: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: Verdict;
  /** Everything measured for this row, unformatted, for results.json. */
  detail?: Record<string, unknown>;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface MachineFacts {
  date: string;
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverageAtStart: string;
  loadAverageAtEnd?: string;
  postgres?: string;
}

export function machineFacts(): MachineFacts {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':')[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux: keep os.cpus()
  }
  let nproc = cpus().length;
  try {
    nproc = Number(execSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // keep os.cpus()
  }
  return {
    date: new Date().toISOString(),
    nproc,
    cpuModel,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadAverage(),
  };
}

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

const COLUMNS: Array<{ title: string; key: keyof Row; max: number }> = [
  { title: 'id', key: 'scenario', max: 4 },
  { title: 'db', key: 'database', max: 8 },
  { title: 'tier', key: 'tier', max: 5 },
  { title: 'case', key: 'case', max: 52 },
  { title: 'figure', key: 'figure', max: 40 },
  { title: 'baseline', key: 'baseline', max: 40 },
  { title: 'ratio', key: 'ratio', max: 16 },
  { title: 'target', key: 'target', max: 14 },
  { title: 'verdict', key: 'verdict', max: 7 },
];

export class Report {
  readonly rows: Row[] = [];
  readonly checks: Check[] = [];
  readonly notes: string[] = [];
  constructor(readonly machine: MachineFacts) {}

  add(row: Row): void {
    this.rows.push(row);
    const verdict = row.verdict === '-' ? '' : ` [${row.verdict}]`;
    process.stderr.write(
      `  ${row.scenario} ${row.database}/${row.tier} ${row.case}: ${row.figure} | ${row.baseline} | ${row.ratio}${verdict}\n`,
    );
  }

  check(name: string, ok: boolean, detail: string): void {
    this.checks.push({ name, ok, detail });
    process.stderr.write(`  check ${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}\n`);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  get failedChecks(): Check[] {
    return this.checks.filter((c) => !c.ok);
  }

  table(): string {
    const width = COLUMNS.map((column) =>
      Math.min(
        column.max,
        Math.max(column.title.length, ...this.rows.map((row) => String(row[column.key] ?? '').length)),
      ),
    );
    const cell = (text: string, i: number) => {
      const w = width[i] ?? 10;
      return text.length > w ? `${text.slice(0, w - 1)}…` : text.padEnd(w);
    };
    const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
    const out = [
      line(COLUMNS.map((c) => c.title)),
      `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`,
      ...this.rows.map((row) => line(COLUMNS.map((c) => String(row[c.key] ?? '')))),
    ];
    return out.join('\n');
  }

  /** The table as Markdown, unabridged, for docs/benchmarks.md. */
  markdown(): string {
    const esc = (text: string) => text.replaceAll('|', '\\|');
    return [
      `| ${COLUMNS.map((c) => c.title).join(' | ')} |`,
      `| ${COLUMNS.map(() => '---').join(' | ')} |`,
      ...this.rows.map((row) => `| ${COLUMNS.map((c) => esc(String(row[c.key] ?? ''))).join(' | ')} |`),
    ].join('\n');
  }

  write(path: string): void {
    writeFileSync(
      path,
      `${JSON.stringify(
        {
          machine: this.machine,
          rows: this.rows,
          checks: this.checks,
          notes: this.notes,
          markdown: this.markdown(),
        },
        null,
        2,
      )}\n`,
    );
  }
}
