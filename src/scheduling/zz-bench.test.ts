import { it } from 'vitest';
import { availableSlots, type SlotRules } from './availability.js';
import { naiveAvailableSlots } from './naive-availability.js';
import { baseRules, ms } from './test-support.js';

function p(values: number[], q: number) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

import { PerformanceObserver } from 'node:perf_hooks';

it('bench', async () => {
  const gcs: Array<[number, number, number]> = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([e.startTime, e.duration, (e as any).detail?.kind ?? 0]);
  });
  obs.observe({ entryTypes: ['gc'] });
  const zone = 'America/New_York';
  const start = ms('2026-03-01T00:00:00Z');
  let seed = 1;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const staffBusy: Array<Array<{ start: number; end: number }>> = [];
  for (let s = 0; s < 50; s++) {
    const list = [];
    for (let b = 0; b < 400; b++) {
      const day = Math.floor(rnd() * 60);
      const minute = 8 * 60 + Math.floor(rnd() * 20) * 30;
      const st = start + day * 86400000 + minute * 60000 + 4 * 3600000;
      list.push({ start: st - 10 * 60000, end: st + 70 * 60000 });
    }
    staffBusy.push(list);
  }
  const hours = {
    mon: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ],
    tue: [{ start: '09:00', end: '18:00' }],
    wed: [{ start: '09:00', end: '18:00' }],
    thu: [{ start: '09:00', end: '18:00' }],
    fri: [{ start: '09:00', end: '17:00' }],
    sat: [{ start: '10:00', end: '14:00' }],
    sun: [],
  };
  for (let w = 0; w < 50; w++) {
    const r = baseRules({ timeZone: zone, workingHours: hours, now: start, busy: staffBusy[w] ?? [] });
    availableSlots(r, '2026-03-02', '2026-03-31');
    naiveAvailableSlots(r, '2026-03-02', '2026-03-08');
  }
  for (const [label, days, all] of [
    ['7 days', 6, false],
    ['31 days', 30, false],
    ['31 days, all 20k busy', 30, true],
  ] as const) {
    const fastT: number[] = [];
    const naiveT: number[] = [];
    const rulesFor = (i: number): SlotRules =>
      baseRules({
        timeZone: zone,
        workingHours: hours,
        durationMinutes: 60,
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 10,
        slotIntervalMinutes: 15,
        bookingWindowDays: 90,
        now: start + (i % 7) * 3600000,
        busy: all ? staffBusy.flat() : (staffBusy[i % 50] ?? []),
      });
    const from = '2026-03-02';
    const to = days === 6 ? '2026-03-08' : '2026-03-31';
    for (let i = 0; i < 1000; i++) {
      const rules = rulesFor(i);
      const t = performance.now();
      availableSlots(rules, from, to);
      fastT.push(performance.now() - t);
    }
    for (let i = 0; i < 150; i++) {
      const rules = rulesFor(i);
      const t = performance.now();
      naiveAvailableSlots(rules, from, to);
      naiveT.push(performance.now() - t);
    }
    await new Promise((r) => setTimeout(r, 10));
    console.log(
      label,
      'gc>1ms',
      gcs
        .filter((g) => g[1] > 1)
        .map((g) => g[1].toFixed(1) + 'k' + g[2])
        .join(' '),
    );
    gcs.length = 0;
    console.log(
      label,
      'top fast',
      [...fastT.map((v, i) => [v, i])]
        .sort((a, b) => b[0] - a[0])
        .slice(0, 12)
        .map(([v, i]) => v.toFixed(2) + '@' + i)
        .join(' '),
    );
    console.log(
      label,
      'fast p50',
      p(fastT, 0.5).toFixed(3),
      'p99',
      p(fastT, 0.99).toFixed(3),
      '| naive p50',
      p(naiveT, 0.5).toFixed(2),
      'p99',
      p(naiveT, 0.99).toFixed(2),
      '| ratio p99',
      (p(naiveT, 0.99) / p(fastT, 0.99)).toFixed(1),
    );
  }
}, 120000);
