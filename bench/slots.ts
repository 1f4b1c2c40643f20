import { findBusyIntervals, findBusyIntervalsByStaff } from '../src/bookings/booking-repository.js';
import { endOfLocalDay, startOfLocalDay } from '../src/business-calendar.js';
import type { Store } from '../src/db/dialect.js';
import { availableSlots, type Slot, type SlotRules } from '../src/scheduling/availability.js';
import type { Interval } from '../src/scheduling/interval.js';
import { naiveAvailableSlots } from '../src/scheduling/naive-availability.js';
import { type SlotAudience, slotRulesFor } from '../src/scheduling/slot-rules.js';
import { type Dataset, SERVICE } from './dataset.js';
import type { Report } from './report.js';
import { DAY, type Distribution, distribution, formatMs, formatRatio, log, now } from './support.js';

const MIN_NAIVE_RUNS = 200;

type SlotFunction = (rules: SlotRules, fromDate: string, toDate: string) => Slot[];

interface Range {
  label: string;
  from: string;
  to: string;
  audience: SlotAudience;
}

/** 7 days across the end of summer time (Sunday 25 October 2026). */
export const WEEK_ACROSS_DST: Range = {
  label: '7 days',
  from: '2026-10-21',
  to: '2026-10-27',
  audience: 'customer',
};
/** 31 days from the first weekday after "now", across the change of offset. */
export const MONTH_ACROSS_DST: Range = {
  label: '31 days',
  from: '2026-10-12',
  to: '2026-11-11',
  audience: 'customer',
};

const CORRECTNESS_RANGES: Range[] = [
  { label: 'today, minimum notice', from: '2026-10-10', to: '2026-10-16', audience: 'customer' },
  WEEK_ACROSS_DST,
  MONTH_ACROSS_DST,
  { label: 'end of booking window', from: '2026-12-28', to: '2027-01-12', audience: 'customer' },
  { label: 'office, all of October', from: '2026-10-01', to: '2026-10-31', audience: 'office' },
  { label: 'office, spring-forward 2027', from: '2027-03-22', to: '2027-04-04', audience: 'office' },
];

function bookableOf(data: Dataset, staffIndex: number) {
  const member = data.staff[staffIndex];
  if (!member) throw new Error(`no staff member ${staffIndex}`);
  return { service: SERVICE, staff: { workingHours: member.workingHours } };
}

/** Busy times exactly as findAvailableSlots fetches them: a day either side of the range. */
function busyRange(data: Dataset, range: Range): Interval {
  const zone = data.settings.timezone;
  return { start: startOfLocalDay(range.from, zone) - DAY, end: endOfLocalDay(range.to, zone) + DAY };
}

function rulesFor(data: Dataset, staffIndex: number, range: Range, busy: Interval[]): SlotRules {
  const rules = slotRulesFor(data.settings, bookableOf(data, staffIndex), range.audience, data.now, busy);
  return { ...rules, mode: 'real_time' };
}

function sameSlots(a: readonly Slot[], b: readonly Slot[]): string | undefined {
  if (a.length !== b.length) return `${a.length} slots vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x?.startsAt !== y?.startsAt || x?.endsAt !== y?.endsAt) {
      return `slot ${i}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`;
    }
  }
  return undefined;
}

/**
 * availableSlots must return exactly what the naive reference returns, for a spread of staff members (all five
 * shift patterns) and ranges (minimum notice, the DST change, the end of the booking window, office rules across
 * next spring's change). Any difference fails the whole benchmark.
 */
export async function checkCorrectness(store: Store, data: Dataset, report: Report): Promise<boolean> {
  const staffSample = Array.from({ length: Math.min(15, data.staff.length) }, (_, i) =>
    Math.floor((i * data.staff.length) / Math.min(15, data.staff.length)),
  );
  let compared = 0;
  let slotsCompared = 0;
  const failures: string[] = [];
  for (const staffIndex of staffSample) {
    const staffId = data.staff[staffIndex]?.id ?? '';
    for (const range of CORRECTNESS_RANGES) {
      const busy = await findBusyIntervals(store.db, staffId, busyRange(data, range), null);
      const rules = rulesFor(data, staffIndex, range, busy);
      const fast = availableSlots(rules, range.from, range.to);
      const naive = naiveAvailableSlots(rules, range.from, range.to);
      compared++;
      slotsCompared += naive.length;
      const difference = sameSlots(fast, naive);
      if (difference)
        failures.push(`staff ${staffIndex}, ${range.label} ${range.from}..${range.to}: ${difference}`);
    }
  }
  report.check(
    `${data.tier.name}/${store.dialect}: availableSlots = naiveAvailableSlots`,
    failures.length === 0,
    failures.length === 0
      ? `${compared} staff × range cases, ${slotsCompared} slots, identical`
      : `${failures.length} of ${compared} cases differ: ${failures.slice(0, 3).join('; ')}`,
  );
  return failures.length === 0;
}

interface Timing {
  fast: Distribution;
  naive: Distribution;
}

function timeRuns(
  runs: number,
  budgetMs: number,
  minimumRuns: number,
  run: (i: number) => void,
): Distribution {
  const samples: number[] = [];
  const started = now();
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    run(i);
    samples.push(now() - t0);
    if (i + 1 >= minimumRuns && now() - started > budgetMs) break;
  }
  return distribution(samples);
}

function union(compute: SlotFunction, rulesList: readonly SlotRules[], range: Range): number {
  const firstFree = new Map<number, Slot & { staff: number }>();
  rulesList.forEach((rules, staff) => {
    for (const slot of compute(rules, range.from, range.to)) {
      if (!firstFree.has(slot.startsAt)) firstFree.set(slot.startsAt, { ...slot, staff });
    }
  });
  return [...firstFree.values()].sort((a, b) => a.startsAt - b.startsAt).length;
}

/**
 * S1: the engine alone, busy times already in memory (loaded once through the app's repository functions).
 * Both the engine and the naive reference get the same rules objects. The naive reference is slow by design,
 * so it runs as many times as its time budget allows (at least `minimumNaiveRuns`); the run count is reported.
 */
export async function measureSlotEngine(
  store: Store,
  data: Dataset,
  report: Report,
  options: { runs: number; naiveBudgetSeconds: number; onlyAllStaff: boolean },
): Promise<void> {
  const singleStaff = Array.from({ length: Math.min(10, data.staff.length) }, (_, i) =>
    Math.floor((i * data.staff.length) / Math.min(10, data.staff.length)),
  );
  const everyone = data.staff.map((_, i) => i);
  // The first tier measures the engine in full; a larger tier only adds the union over all its staff, which is
  // the one case whose cost depends on the size of the business (per staff member the data is the same).
  const cases: Array<{ name: string; range: Range; staff: number[]; union: boolean }> = options.onlyAllStaff
    ? [
        {
          name: `any of ${everyone.length} staff, ${WEEK_ACROSS_DST.label}`,
          range: WEEK_ACROSS_DST,
          staff: everyone,
          union: true,
        },
      ]
    : [
        {
          name: `1 staff, ${WEEK_ACROSS_DST.label}`,
          range: WEEK_ACROSS_DST,
          staff: singleStaff,
          union: false,
        },
        {
          name: `1 staff, ${MONTH_ACROSS_DST.label}`,
          range: MONTH_ACROSS_DST,
          staff: singleStaff,
          union: false,
        },
        {
          name: `any of ${Math.min(50, everyone.length)} staff, ${WEEK_ACROSS_DST.label}`,
          range: WEEK_ACROSS_DST,
          staff: everyone.slice(0, 50),
          union: true,
        },
      ];
  for (const testCase of cases) {
    const ids = testCase.staff.map((i) => data.staff[i]?.id ?? '');
    const busyByStaff = await findBusyIntervalsByStaff(store.db, ids, busyRange(data, testCase.range));
    const rules = testCase.staff.map((staffIndex, i) =>
      rulesFor(data, staffIndex, testCase.range, busyByStaff.get(ids[i] ?? '') ?? []),
    );
    const busyCount = rules.reduce((sum, r) => sum + r.busy.length, 0);
    const runOne = (compute: SlotFunction) => (i: number) => {
      if (testCase.union) union(compute, rules, testCase.range);
      else {
        const r = rules[i % rules.length];
        if (r) compute(r, testCase.range.from, testCase.range.to);
      }
    };
    // Warm both up so neither is measured while the JIT is still compiling it.
    timeRuns(50, 2_000, 5, runOne(availableSlots));
    timeRuns(5, 2_000, 2, runOne(naiveAvailableSlots));
    const timing: Timing = {
      fast: timeRuns(options.runs, 30_000, options.runs, runOne(availableSlots)),
      // At least 200 runs when they fit the budget (they do for one staff member), at least 5 otherwise.
      naive: timeRuns(
        MIN_NAIVE_RUNS,
        options.naiveBudgetSeconds * 1000,
        testCase.union ? 5 : MIN_NAIVE_RUNS,
        runOne(naiveAvailableSlots),
      ),
    };
    const ratio = timing.naive.p99 / timing.fast.p99;
    report.add({
      scenario: 'S1',
      database: 'memory',
      tier: data.tier.name,
      case: testCase.name,
      figure: `p50 ${formatMs(timing.fast.p50)} p99 ${formatMs(timing.fast.p99)} (${timing.fast.runs} runs)`,
      baseline: `naive p50 ${formatMs(timing.naive.p50)} p99 ${formatMs(timing.naive.p99)} (${timing.naive.runs} runs)`,
      ratio: `${formatRatio(ratio)} faster (p99)`,
      target: '≥ 25× faster',
      verdict: ratio >= 25 ? 'met' : 'MISSED',
      detail: { ...timing, busyIntervals: busyCount, range: testCase.range, staff: testCase.staff.length },
    });
    log(`S1 ${testCase.name}: ${busyCount} busy intervals`);
  }
}
