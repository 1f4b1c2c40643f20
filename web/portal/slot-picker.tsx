import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { DayPicker } from 'react-day-picker';
import {
  type CalendarDate,
  calendarDateOf,
  formatCalendarDate,
  formatClock,
  formatShortDate,
  todayIn,
  zoneAbbreviation,
} from '../../src/shared/business-time';
import { addDays, addMonths, firstOfMonth, minuteOfDay, monthOf } from '../../src/shared/calendar-dates';
import type { Slot, SlotAnswer } from '../shared/api-types';
import { zoneCity } from './booking-words';
import { errorMessage } from './error-words';
import { type SlotSource, slotsQuery } from './portal-queries';
import { Notice, Skeleton, Spinner } from './ui-parts';

const LOOK_AHEAD_DAYS = 62;

/**
 * DayPicker's squares are Date objects; a calendar date is carried as noon of that day in the browser's own
 * zone, so whatever zone the browser is in it lands on the right square. Only this adapter touches Date.
 */
const squareOf = (date: CalendarDate): Date => {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(year, month - 1, day, 12);
};
const dateOfSquare = (square: Date): CalendarDate =>
  `${square.getFullYear()}-${String(square.getMonth() + 1).padStart(2, '0')}-${String(square.getDate()).padStart(2, '0')}`;

function groupByDay(answer: SlotAnswer): Map<string, Slot[]> {
  const byDay = new Map<string, Slot[]>();
  for (const slot of answer.slots) {
    const day = calendarDateOf(slot.startsAt, answer.timezone);
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
    const hour = Math.floor(minuteOfDay(slot.startsAt, timeZone) / 60);
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
  source,
  timeZone,
  initialDay,
  currentStartsAt,
  pickedStartsAt,
  onPick,
}: {
  /** Where the free times come from; invalidating its key (a time was taken meanwhile) asks again. */
  source: SlotSource;
  timeZone: string;
  /** A business date near where the customer will look (the booking's own day): its month opens first. */
  initialDay?: CalendarDate;
  /** The booking's present time: shown, but not offered as a "new" time. */
  currentStartsAt?: string;
  pickedStartsAt?: string;
  /** The slot, and the business's zone it is in (the answer's). */
  onPick: (slot: Slot, timeZone: string) => void;
}) {
  const thisMonth = firstOfMonth(todayIn(timeZone));
  const opening = firstOfMonth(initialDay ?? thisMonth);
  const [month, setMonth] = useState(opening);
  const [selectedDay, setSelectedDay] = useState<CalendarDate | undefined>(
    pickedStartsAt ? calendarDateOf(pickedStartsAt, timeZone) : undefined,
  );
  const range = monthOf(month);
  const shown = useQuery(slotsQuery(source, range.from, range.to));
  const byDay = useMemo(() => (shown.data ? groupByDay(shown.data) : undefined), [shown.data]);
  const ready = shown.data && byDay ? { mode: shown.data.mode, byDay } : undefined;
  const zone = shown.data?.timezone ?? timeZone;
  const monthIsEmpty = ready !== undefined && ready.byDay.size === 0;

  // A month without a free day is a dead end; look further ahead so the customer is offered a way on.
  const ahead = useQuery({
    ...slotsQuery(source, addDays(range.to, 1), addDays(range.to, LOOK_AHEAD_DAYS)),
    enabled: monthIsEmpty,
    retry: false,
  });
  const firstAhead = ahead.data?.slots[0];
  const lookAhead = ahead.isPending
    ? undefined
    : firstAhead && ahead.data
      ? {
          state: 'found' as const,
          day: calendarDateOf(firstAhead.startsAt, ahead.data.timezone),
          startsAt: firstAhead.startsAt,
        }
      : { state: 'none' as const };

  const currentDay = currentStartsAt ? calendarDateOf(currentStartsAt, zone) : undefined;
  const daySlots = selectedDay && ready ? ready.byDay.get(selectedDay) : undefined;
  const selectedInMonth = selectedDay !== undefined && firstOfMonth(selectedDay) === month;
  const hasFreeTimes = (square: Date) => ready?.byDay.has(dateOfSquare(square)) ?? false;
  const sample = daySlots?.[0]?.startsAt ?? `${range.from}T17:00:00Z`;
  const firstShown = opening.localeCompare(thisMonth) < 0 ? opening : thisMonth;

  return (
    <div className="slot-picker">
      <div className="slot-picker-grid">
        <div className="slot-calendar">
          <div className="calendar-frame" aria-busy={shown.isPending}>
            <DayPicker
              mode="single"
              required={false}
              selected={selectedDay ? squareOf(selectedDay) : undefined}
              onSelect={(date) => {
                if (date) setSelectedDay(dateOfSquare(date));
              }}
              month={squareOf(month)}
              onMonthChange={(next) => setMonth(firstOfMonth(dateOfSquare(next)))}
              startMonth={squareOf(firstShown)}
              endMonth={squareOf(addMonths(opening, 12))}
              weekStartsOn={1}
              fixedWeeks
              showOutsideDays={false}
              disabled={(date) => !hasFreeTimes(date)}
              modifiers={{ free: hasFreeTimes, current: currentDay ? squareOf(currentDay) : undefined }}
              modifiersClassNames={{ free: 'day-free', current: 'day-current' }}
              labels={{
                labelDayButton: (date, modifiers) =>
                  `${formatCalendarDate(dateOfSquare(date))}${modifiers.current ? ', your current booking' : ''}${
                    modifiers.selected ? ', selected' : ''
                  }${ready && !modifiers.free ? ', no free times' : ''}`,
                labelNext: () => 'Next month',
                labelPrevious: () => 'Previous month',
              }}
            />
            {shown.isPending && (
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
          {shown.isError ? (
            <>
              <h3 id="slot-times-heading" className="slot-times-heading">
                Free times
              </h3>
              <Notice tone="error" title="We could not load the free times">
                <p>{errorMessage(shown.error)}</p>
              </Notice>
              <button type="button" className="button button-secondary" onClick={() => shown.refetch()}>
                Try again
              </button>
            </>
          ) : shown.isPending ? (
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
                      setMonth(firstOfMonth(lookAhead.day));
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
                {formatCalendarDate(selectedDay).replace(/ \d{4}$/, '')}
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
                          onClick={() => onPick(slot, zone)}
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
