import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { DayPicker } from 'react-day-picker';
import type { Slot, SlotAnswer } from '../shared/api-types';
import { formatClock, localDate, zoneAbbreviation } from '../shared/business-time';
import { formatShortDate, zoneCity } from './booking-words';
import {
  addMonths,
  dateFromKey,
  dateKey,
  daysAfter,
  firstOfMonth,
  monthKey,
  monthRange,
} from './calendar-dates';
import { errorMessage } from './error-words';
import { Notice, Skeleton, Spinner } from './ui-parts';

type MonthSlots =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; timeZone: string; mode: SlotAnswer['mode']; byDay: Map<string, Slot[]> };

type NextFree = { state: 'looking' } | { state: 'found'; day: string; startsAt: string } | { state: 'none' };

const LOOK_AHEAD_DAYS = 62;

const longDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
/** "Thursday 3 December 2026" for a calendar square (a local-noon Date, see calendar-dates.ts). */
function squareLabel(date: Date): string {
  const parts = longDate.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

function groupByDay(answer: SlotAnswer): Map<string, Slot[]> {
  const byDay = new Map<string, Slot[]>();
  for (const slot of answer.slots) {
    const day = localDate(slot.startsAt, answer.timezone);
    const list = byDay.get(day);
    if (list) list.push(slot);
    else byDay.set(day, [slot]);
  }
  return byDay;
}

const PARTS_OF_DAY = [
  { name: 'Morning', until: 12 },
  { name: 'Afternoon', until: 17 },
  { name: 'Evening', until: 24 },
];

function partsOfDay(slots: Slot[], timeZone: string) {
  const groups = PARTS_OF_DAY.map((part) => ({ name: part.name, slots: [] as Slot[] }));
  for (const slot of slots) {
    const hour = Number(formatClock(slot.startsAt, timeZone).slice(0, 2));
    const index = PARTS_OF_DAY.findIndex((part) => hour < part.until);
    groups[index === -1 ? groups.length - 1 : index]?.slots.push(slot);
  }
  return groups.filter((group) => group.slots.length > 0);
}

/**
 * Pick a day, then a time. The calendar asks the server for the shown month's free times and lets only days
 * that have some be chosen; the server alone decides what is free (notice time, booking window, other bookings).
 */
export function SlotPicker({
  loadSlots,
  timeZone,
  initialDay,
  currentStartsAt,
  pickedStartsAt,
  refreshKey = 0,
  onPick,
}: {
  loadSlots: (from: string, to: string) => Promise<SlotAnswer>;
  timeZone: string;
  /** A business date near where the customer will look (the booking's own day): its month opens first. */
  initialDay?: string;
  /** The booking's present time: shown, but not offered as a "new" time. */
  currentStartsAt?: string;
  pickedStartsAt?: string;
  /** Changing it drops what is known and asks again (after a time was taken meanwhile). */
  refreshKey?: number;
  onPick: (slot: Slot) => void;
}) {
  const opening = useMemo(
    () => firstOfMonth(initialDay ? dateFromKey(initialDay) : new Date()),
    [initialDay],
  );
  const [month, setMonth] = useState(opening);
  const [selectedDay, setSelectedDay] = useState<string | undefined>(
    pickedStartsAt ? localDate(pickedStartsAt, timeZone) : undefined,
  );
  const known = useRef(new Map<string, MonthSlots>());
  const ahead = useRef(new Map<string, NextFree>());
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [attempt, setAttempt] = useState(0);
  const cacheKey = `${monthKey(month)}#${refreshKey}#${attempt}`;

  useEffect(() => {
    const cache = known.current;
    const state = cache.get(cacheKey)?.state;
    if (state === 'ready' || state === 'error') return;
    let alive = true;
    cache.set(cacheKey, { state: 'loading' });
    const { from, to } = monthRange(dateFromKey(`${cacheKey.slice(0, 7)}-01`));
    loadSlots(from, to).then(
      (answer) => {
        cache.set(cacheKey, {
          state: 'ready',
          timeZone: answer.timezone,
          mode: answer.mode,
          byDay: groupByDay(answer),
        });
        if (alive) rerender();
      },
      (error: unknown) => {
        cache.set(cacheKey, { state: 'error', message: errorMessage(error) });
        if (alive) rerender();
      },
    );
    return () => {
      alive = false;
      // Unmounted or moved on before the answer: let the next visit ask again rather than wait forever.
      if (cache.get(cacheKey)?.state === 'loading') cache.delete(cacheKey);
    };
  }, [cacheKey, loadSlots]);

  const shown: MonthSlots = known.current.get(cacheKey) ?? { state: 'loading' };
  const ready = shown.state === 'ready' ? shown : undefined;
  const zone = ready?.timeZone ?? timeZone;
  const monthIsEmpty = ready !== undefined && ready.byDay.size === 0;
  const monthTo = monthRange(month).to;

  // A month without a free day is a dead end; look further ahead so the customer is offered a way on.
  useEffect(() => {
    const cache = ahead.current;
    if (!monthIsEmpty || cache.has(cacheKey)) return;
    let alive = true;
    cache.set(cacheKey, { state: 'looking' });
    const { from, to } = daysAfter(monthTo, LOOK_AHEAD_DAYS);
    loadSlots(from, to).then(
      (answer) => {
        const first = answer.slots[0];
        cache.set(
          cacheKey,
          first
            ? { state: 'found', day: localDate(first.startsAt, answer.timezone), startsAt: first.startsAt }
            : { state: 'none' },
        );
        if (alive) rerender();
      },
      () => {
        cache.set(cacheKey, { state: 'none' });
        if (alive) rerender();
      },
    );
    return () => {
      alive = false;
      if (cache.get(cacheKey)?.state === 'looking') cache.delete(cacheKey);
    };
  }, [monthIsEmpty, cacheKey, monthTo, loadSlots]);

  const currentDay = currentStartsAt ? localDate(currentStartsAt, zone) : undefined;
  const daySlots = selectedDay && ready ? ready.byDay.get(selectedDay) : undefined;
  const selectedInMonth = selectedDay?.slice(0, 7) === monthKey(month);
  const hasFreeTimes = (date: Date) => ready?.byDay.has(dateKey(date)) ?? false;
  const lookAhead = ahead.current.get(cacheKey);
  const sample = daySlots?.[0]?.startsAt ?? `${monthRange(month).from}T17:00:00Z`;

  return (
    <div className="slot-picker">
      <div className="slot-picker-grid">
        <div className="slot-calendar">
          <div className="calendar-frame" aria-busy={shown.state === 'loading'}>
            <DayPicker
              mode="single"
              required={false}
              selected={selectedDay ? dateFromKey(selectedDay) : undefined}
              onSelect={(date) => {
                if (date) setSelectedDay(dateKey(date));
              }}
              month={month}
              onMonthChange={(next) => setMonth(firstOfMonth(next))}
              startMonth={new Date(Math.min(opening.getTime(), firstOfMonth(new Date()).getTime()))}
              endMonth={addMonths(opening, 12)}
              weekStartsOn={1}
              fixedWeeks
              showOutsideDays={false}
              disabled={(date) => !hasFreeTimes(date)}
              modifiers={{ free: hasFreeTimes, current: currentDay ? dateFromKey(currentDay) : undefined }}
              modifiersClassNames={{ free: 'day-free', current: 'day-current' }}
              labels={{
                labelDayButton: (date, modifiers) =>
                  `${squareLabel(date)}${modifiers.current ? ', your current booking' : ''}${
                    modifiers.selected ? ', selected' : ''
                  }${ready && !modifiers.free ? ', no free times' : ''}`,
                labelNext: () => 'Next month',
                labelPrevious: () => 'Previous month',
              }}
            />
            {shown.state === 'loading' && (
              <div className="calendar-loading">
                <Spinner />
                <span>Checking free times…</span>
              </div>
            )}
          </div>
          <ul className="calendar-legend" aria-hidden="true">
            <li className="legend-item">
              <span className="legend-free" /> Free times
            </li>
            {currentDay && (
              <li className="legend-item">
                <span className="legend-current" /> Your current booking
              </li>
            )}
          </ul>
          <p className="picker-note">
            Times are in {zoneCity(zone)} ({zoneAbbreviation(sample, zone)}).
            {ready?.mode === 'working_hours' &&
              ' We show our working hours; we will contact you if anything clashes.'}
          </p>
        </div>

        <section className="slot-times" aria-labelledby="slot-times-heading">
          {shown.state === 'error' ? (
            <>
              <h3 id="slot-times-heading" className="slot-times-heading">
                Free times
              </h3>
              <Notice tone="error" title="We could not load the free times">
                <p>{shown.message}</p>
              </Notice>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setAttempt((n) => n + 1)}
              >
                Try again
              </button>
            </>
          ) : shown.state === 'loading' ? (
            <>
              <h3 id="slot-times-heading" className="slot-times-heading">
                Free times
              </h3>
              <div className="time-grid">
                {Array.from({ length: 6 }, (_, i) => (
                  <Skeleton key={String(i)} height="2.75rem" />
                ))}
              </div>
            </>
          ) : monthIsEmpty ? (
            <>
              <h3 id="slot-times-heading" className="slot-times-heading">
                No free times this month
              </h3>
              {lookAhead?.state === 'found' ? (
                <>
                  <p className="muted">
                    The next free time is on {formatShortDate(lookAhead.startsAt, zone)}.
                  </p>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      setMonth(firstOfMonth(dateFromKey(lookAhead.day)));
                      setSelectedDay(lookAhead.day);
                    }}
                  >
                    Show {formatShortDate(lookAhead.startsAt, zone)}
                  </button>
                </>
              ) : lookAhead?.state === 'none' ? (
                <p className="muted">
                  We have no free times in the next two months either. Please get in touch and we will find
                  one for you.
                </p>
              ) : (
                <p className="muted">
                  <Spinner /> Looking for the next free day…
                </p>
              )}
            </>
          ) : daySlots && selectedInMonth && selectedDay ? (
            <>
              <h3 id="slot-times-heading" className="slot-times-heading">
                {squareLabel(dateFromKey(selectedDay)).replace(/ \d{4}$/, '')}
              </h3>
              <p className="muted slot-count">
                {daySlots.length === 1 ? '1 time available' : `${daySlots.length} times available`}
              </p>
              {partsOfDay(daySlots, zone).map((group) => (
                <fieldset key={group.name} className="time-group">
                  <legend className="time-group-name">{group.name}</legend>
                  <div className="time-grid">
                    {group.slots.map((slot) => {
                      const isCurrent = slot.startsAt === currentStartsAt;
                      const clock = formatClock(slot.startsAt, zone);
                      return (
                        <button
                          key={slot.startsAt}
                          type="button"
                          className="time-slot"
                          aria-pressed={slot.startsAt === pickedStartsAt}
                          disabled={isCurrent}
                          aria-label={isCurrent ? `${clock}, your current time` : undefined}
                          onClick={() => onPick(slot)}
                        >
                          {clock}
                          {isCurrent && <span className="time-slot-tag">Current</span>}
                        </button>
                      );
                    })}
                  </div>
                </fieldset>
              ))}
            </>
          ) : (
            <>
              <h3 id="slot-times-heading" className="slot-times-heading">
                Free times
              </h3>
              <p className="muted">Choose a highlighted day to see its free times.</p>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
