import { performance } from 'node:perf_hooks';

/** Everything the benchmark reads from the environment, read once. */
export type TierName = 'small' | 'base' | 'x5';

export interface Tier {
  name: TierName;
  staff: number;
  bookings: number;
  blockedEvents: number;
  customers: number;
}

export const TIERS: Record<TierName, Tier> = {
  small: { name: 'small', staff: 10, bookings: 2_000, blockedEvents: 200, customers: 500 },
  base: { name: 'base', staff: 50, bookings: 20_000, blockedEvents: 2_000, customers: 5_000 },
  x5: { name: 'x5', staff: 250, bookings: 100_000, blockedEvents: 10_000, customers: 25_000 },
};

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

export interface BenchOptions {
  /** The tiers to run, in order: the first one runs every scenario, later ones the data-size-bound ones. */
  tiers: Tier[];
  postgresUrl: string | undefined;
  /** R1's measured duration, per database. */
  rescheduleSeconds: number;
  /** Each S2/P1 load run. */
  loadSeconds: number;
  /** Each M1 drain run is stopped after this long (the rate is what is measured). */
  drainSeconds: number;
  outboxRows: number;
  smtpMessages: number;
  /** Runs per S1 case for the fast engine (the naive reference gets as many as fit its time budget). */
  slotRuns: number;
  naiveBudgetSeconds: number;
}

export function readOptions(): BenchOptions {
  const tierEnv = process.env.BENCH_TIER ?? 'all';
  const tiers: Tier[] =
    tierEnv === 'all'
      ? [TIERS.base, TIERS.x5]
      : tierEnv.split(',').map((name) => {
          const tier = TIERS[name as TierName];
          if (!tier) throw new Error(`BENCH_TIER must be small, base, x5 or all (got ${tierEnv})`);
          return tier;
        });
  const small = tiers.every((tier) => tier.name === 'small');
  const seconds = process.env.BENCH_SECONDS ? numberFromEnv('BENCH_SECONDS', 60) : undefined;
  const postgresUrl =
    process.env.BENCH_POSTGRES_URL ??
    (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined);
  return {
    tiers,
    postgresUrl: postgresUrl === '' ? undefined : postgresUrl,
    rescheduleSeconds: seconds ?? (small ? 5 : 60),
    loadSeconds: numberFromEnv('BENCH_LOAD_SECONDS', small ? 2 : 4),
    drainSeconds: numberFromEnv('BENCH_DRAIN_SECONDS', small ? 4 : 10),
    outboxRows: numberFromEnv('BENCH_OUTBOX_ROWS', small ? 5_000 : 100_000),
    smtpMessages: numberFromEnv('BENCH_SMTP_MESSAGES', small ? 200 : 2_000),
    slotRuns: numberFromEnv('BENCH_SLOT_RUNS', small ? 300 : 1000),
    naiveBudgetSeconds: numberFromEnv('BENCH_NAIVE_SECONDS', small ? 3 : 8),
  };
}

/** A small seeded generator (mulberry32), so every run builds the same business. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** A version-4-shaped UUID from this generator: ids are stable from run to run. */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 32; i++) hex.push(this.int(16).toString(16));
    hex[12] = '4';
    hex[16] = ((this.int(4) + 8) as number).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export interface Distribution {
  runs: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

export function distribution(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: total / Math.max(1, sorted.length),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export const now = () => performance.now();

export async function elapsed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = now();
  const value = await work();
  return { value, ms: now() - start };
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatRate(perSecond: number, unit = '/s'): string {
  if (!Number.isFinite(perSecond)) return 'n/a';
  if (perSecond >= 100) return `${Math.round(perSecond).toLocaleString('en-US')}${unit}`;
  return `${perSecond.toFixed(1)}${unit}`;
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio >= 100
    ? `${Math.round(ratio)}×`
    : ratio >= 10
      ? `${ratio.toFixed(1)}×`
      : `${ratio.toFixed(2)}×`;
}

export function log(message: string): void {
  const stamp = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${stamp}] ${message}\n`);
}

/** Runs `work` in batches of `size`, in order. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
