import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { DayPicker } from 'react-day-picker';
import {
  type CalendarDate,
  calendarDateOf,
  DEFAULT_LOCALE,
  formatCalendarDate,
  formatCalendarDateWithoutYear,
  formatClock,
  formatClockWithZone,
  formatShortDate,
  todayIn,
  zoneAbbreviation,
} from '../../src/shared/business-time';
import { addDays, addMonths, firstOfMonth, minuteOfDay, monthOf } from '../../src/shared/calendar-dates';
import type { Slot, SlotAnswer } from './api-types';
import { OFFICE_WORDS, type SlotPickerWords } from './slot-picker-words';
import { type SlotSource, slotsQuery } from './slot-source';
import './slot-picker.css';

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
  { name: 'morning', until: 12 },
  { name: 'afternoon', until: 17 },
  { name: 'evening', until: 24 },
] as const;

function partsOfDay(slots: Slot[], timeZone: string) {
  const groups = PARTS_OF_DAY.map((part) => ({ name: part.name, slots: [] as Slot[] }));
  for (const slot of slots) {
    const hour = Math.floor(minuteOfDay(slot.startsAt, timeZone) / 60);
    const index = PARTS_OF_DAY.findIndex((part) => hour < part.until);
    groups[index === -1 ? groups.length - 1 : index]?.slots.push(slot);
  }
  return groups.filter((group) => group.slots.length > 0);
}

export interface SlotPickerProps {
  /** Where the free times come from; invalidating its key (a time was taken meanwhile) asks again. */
  source: SlotSource;
  timeZone: string;
  /** A business date near where the person will look (the booking's own day): its month opens first. */
  initialDay?: CalendarDate | undefined;
  /** The day shown chosen at first (the office starts from a day); otherwise the picked time's day, if any. */
  initialSelection?: CalendarDate | undefined;
  /** The booking's present time: shown, but not offered as a "new" time. */
  currentStartsAt?: string | undefined;
  pickedStartsAt?: string | undefined;
  /** The slot, and the business's zone it is in (the answer's). */
  onPick(slot: Slot, timeZone: string): void;
  /**
   * What choosing a time does. `next-step` (the portal): the time is the step's answer and the flow goes on,
   * so times are buttons and arrow keys only move between them. `field` (the office's forms): the time is a
   * field sent later with the rest, so times are radios and arrow keys choose, as in any radio group.
   */
  picking?: 'next-step' | 'field';
  /** What the picker says (default: the office's English). */
  words?: SlotPickerWords;
  /** How dates and times are written: the business's locale (in the portal, in the page's language). */
  locale?: string | undefined;
  /**
   * The customer's own zone: where it writes times differently from the business's, each time also shows
   * on the customer's clock. The time picked is the same instant either way.
   */
  customerZone?: string | null | undefined;
  /** The office allowing a conflict: every day can be chosen, and the free times step aside for a typed time. */
  anyDay?: boolean;
  onDayChange?(day: CalendarDate): void;
  /** An answer that failed, in the app's own words. */
  describeError(error: unknown): string;
}

const monthCaption = (month: Date, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(month);
const weekdayName = (weekday: Date, locale: string, width: 'short' | 'long') =>
  new Intl.DateTimeFormat(locale, { weekday: width }).format(weekday);

/**
 * Pick a day, then a time. The calendar asks the server for the shown month's free times and lets only days
 * that have some be chosen; the server alone decides what is free (notice time, booking window, other bookings).
 */
export function SlotPicker({
  source,
  timeZone,
  initialDay,
  initialSelection,
  currentStartsAt,
  pickedStartsAt,
  onPick,
  picking = 'next-step',
  words = OFFICE_WORDS,
  locale = DEFAULT_LOCALE,
  customerZone,
  anyDay = false,
  onDayChange,
  describeError,
}: SlotPickerProps) {
  const headingId = useId();
  const thisMonth = firstOfMonth(todayIn(timeZone));
  const opening = firstOfMonth(initialDay ?? initialSelection ?? thisMonth);
  const [month, setMonth] = useState(opening);
  const [selectedDay, setSelectedDay] = useState<CalendarDate | undefined>(
    pickedStartsAt ? calendarDateOf(pickedStartsAt, timeZone) : initialSelection,
  );
  const chooseDay = (day: CalendarDate) => {
    setSelectedDay(day);
    onDayChange?.(day);
  };
  const range = monthOf(month);
  const shown = useQuery(slotsQuery(source, range.from, range.to));
  const byDay = useMemo(() => (shown.data ? groupByDay(shown.data) : undefined), [shown.data]);
  const ready = shown.data && byDay ? { mode: shown.data.mode, byDay } : undefined;
  const zone = shown.data?.timezone ?? timeZone;
  const mode = shown.data?.mode;
  const theirZone = customerZone && customerZone !== zone ? customerZone : undefined;
  const monthIsEmpty = ready !== undefined && ready.byDay.size === 0 && !anyDay;

  // A month without a free day is a dead end; look further ahead so the person is offered a way on.
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
  const earliest = initialSelection && initialSelection < opening ? firstOfMonth(initialSelection) : opening;
  const firstShown = earliest.localeCompare(thisMonth) < 0 ? earliest : thisMonth;

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
                if (date) chooseDay(dateOfSquare(date));
              }}
              month={squareOf(month)}
              onMonthChange={(next) => setMonth(firstOfMonth(dateOfSquare(next)))}
              startMonth={squareOf(firstShown)}
              endMonth={squareOf(addMonths(opening, 12))}
              weekStartsOn={1}
              fixedWeeks
              showOutsideDays={false}
              disabled={anyDay ? undefined : (date) => !hasFreeTimes(date)}
              modifiers={{ free: hasFreeTimes, current: currentDay ? squareOf(currentDay) : undefined }}
              modifiersClassNames={{ free: 'day-free', current: 'day-current' }}
              labels={{
                labelDayButton: (date, modifiers) =>
                  [
                    formatCalendarDate(dateOfSquare(date), locale),
                    modifiers.current && words.current,
                    modifiers.selected && words.selected,
                    ready && !modifiers.free && words.noFreeTimes,
                  ]
                    .filter(Boolean)
                    .join(', '),
                labelNext: () => words.nextMonth,
                labelPrevious: () => words.previousMonth,
                ...(locale !== DEFAULT_LOCALE && {
                  labelGrid: (month: Date) => monthCaption(month, locale),
                  labelWeekday: (weekday: Date) => weekdayName(weekday, locale, 'long'),
                }),
              }}
              formatters={
                locale === DEFAULT_LOCALE
                  ? undefined
                  : {
                      formatCaption: (month) => monthCaption(month, locale),
                      formatWeekdayName: (weekday) => weekdayName(weekday, locale, 'short'),
                    }
              }
            />
            {shown.isPending && (
              <div className="calendar-loading">
                <span>{words.checking}</span>
              </div>
            )}
          </div>
          <ul className="calendar-legend" aria-hidden="true">
            <li className="legend-item">
              <span className="legend-free" /> {words.legend(mode)}
            </li>
            {currentDay && (
              <li className="legend-item">
                <span className="legend-current" /> {words.legendCurrent}
              </li>
            )}
          </ul>
          <p className="picker-note">
            {words.timesIn(words.zoneName(zone), zoneAbbreviation(sample, zone))}
            {theirZone && ` ${words.alsoTheirs(words.zoneName(theirZone))}`}
            {mode === 'working_hours' && ` ${words.workingHours}`}
          </p>
        </div>

        <section className="slot-times" aria-labelledby={headingId}>
          {shown.isError ? (
            <>
              <h3 id={headingId} className="slot-times-heading">
                {words.times(mode)}
              </h3>
              <p className="slot-picker-error" role="alert">
                {words.loadFailed} {describeError(shown.error)}
              </p>
              <button type="button" className="button button-secondary" onClick={() => shown.refetch()}>
                {words.tryAgain}
              </button>
            </>
          ) : shown.isPending ? (
            <>
              <h3 id={headingId} className="slot-times-heading">
                {words.times(mode)}
              </h3>
              <div className="time-grid" aria-hidden="true">
                {Array.from({ length: 6 }, (_, i) => (
                  <span key={String(i)} className="time-skeleton" />
                ))}
              </div>
            </>
          ) : monthIsEmpty ? (
            <>
              <h3 id={headingId} className="slot-times-heading">
                {words.noneThisMonth}
              </h3>
              {lookAhead?.state === 'found' ? (
                <>
                  <p className="muted">{words.nextFree(formatShortDate(lookAhead.startsAt, zone, locale))}</p>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      setMonth(firstOfMonth(lookAhead.day));
                      chooseDay(lookAhead.day);
                    }}
                  >
                    {words.show(formatShortDate(lookAhead.startsAt, zone, locale))}
                  </button>
                </>
              ) : lookAhead?.state === 'none' ? (
                <p className="muted">{words.nothingAhead}</p>
              ) : (
                <p className="muted">{words.lookingAhead}</p>
              )}
            </>
          ) : daySlots && selectedInMonth && selectedDay && !anyDay ? (
            <>
              <h3 id={headingId} className="slot-times-heading">
                {formatCalendarDateWithoutYear(selectedDay, locale)}
              </h3>
              <p className="muted slot-count">{words.timeCount(daySlots.length)}</p>
              <DayTimes
                key={selectedDay}
                label={words.timesOn(formatCalendarDate(selectedDay, locale), mode)}
                slots={daySlots}
                zone={zone}
                theirZone={theirZone}
                locale={locale}
                words={words}
                picking={picking}
                currentStartsAt={currentStartsAt}
                pickedStartsAt={pickedStartsAt}
                onPick={(slot) => onPick(slot, zone)}
              />
            </>
          ) : (
            <>
              <h3 id={headingId} className="slot-times-heading">
                {selectedDay && selectedInMonth
                  ? formatCalendarDateWithoutYear(selectedDay, locale)
                  : words.times(mode)}
              </h3>
              <p className="muted">
                {anyDay && selectedDay
                  ? words.conflictsAllowed
                  : selectedDay && selectedInMonth
                    ? words.emptyDay
                    : words.chooseDay}
              </p>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/**
 * A day's times as one stop on the Tab key (a day can have 34), grouped by part of the day and named by the
 * business's clock. As radios (a form field) the browser's radio group moves with the arrow keys and chooses;
 * as buttons (choosing is the step's action) the arrow keys, Home and End move the focus only (roving tabindex).
 */
function DayTimes({
  label,
  slots,
  zone,
  theirZone,
  locale,
  words,
  picking,
  currentStartsAt,
  pickedStartsAt,
  onPick,
}: {
  label: string;
  slots: Slot[];
  zone: string;
  theirZone: string | undefined;
  locale: string;
  words: SlotPickerWords;
  picking: 'next-step' | 'field';
  currentStartsAt: string | undefined;
  pickedStartsAt: string | undefined;
  onPick(slot: Slot): void;
}) {
  const radioName = useId();
  const choosable = slots.filter((slot) => slot.startsAt !== currentStartsAt);
  const [active, setActive] = useState<string | undefined>(
    choosable.some((slot) => slot.startsAt === pickedStartsAt) ? pickedStartsAt : choosable[0]?.startsAt,
  );
  const focusNext = useRef(false);
  const group = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (!focusNext.current || !active) return;
    focusNext.current = false;
    group.current?.querySelector<HTMLElement>(`[data-starts-at="${active}"]`)?.focus();
  }, [active]);

  const move = (event: KeyboardEvent) => {
    if (picking === 'field') return;
    const at = choosable.findIndex((slot) => slot.startsAt === active);
    const last = choosable.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? Math.min(at + 1, last)
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    const slot = next === undefined ? undefined : choosable[next];
    if (!slot) return;
    event.preventDefault();
    focusNext.current = true;
    setActive(slot.startsAt);
  };

  const timeOf = (slot: Slot) => {
    const isCurrent = slot.startsAt === currentStartsAt;
    const isPicked = slot.startsAt === pickedStartsAt;
    // With the customer's own clock beside it, each time names both zones ("9:00 AM EST", "6:00 AM PST").
    const theirs = theirZone && formatClockWithZone(slot.startsAt, theirZone, locale);
    const ours = theirs
      ? formatClockWithZone(slot.startsAt, zone, locale)
      : formatClock(slot.startsAt, zone, locale);
    const clock = theirs ? `${ours} (${theirs})` : ours;
    const shown = theirs ? (
      <>
        <span className="time-slot-main">{ours}</span>
        <span className="time-slot-theirs">{theirs}</span>
      </>
    ) : (
      ours
    );
    const currentLabel = words.currentTime;
    const tag = isCurrent && <span className="time-slot-tag">{words.currentTag}</span>;
    if (picking === 'field')
      return (
        <label key={slot.startsAt} className="time-slot time-radio">
          <input
            type="radio"
            name={radioName}
            value={slot.startsAt}
            checked={isPicked}
            disabled={isCurrent}
            aria-label={isCurrent ? `${clock}, ${currentLabel}` : clock}
            onChange={() => onPick(slot)}
          />
          {shown}
          {tag}
        </label>
      );
    return (
      <button
        key={slot.startsAt}
        type="button"
        className="time-slot"
        data-starts-at={slot.startsAt}
        aria-pressed={isPicked}
        disabled={isCurrent}
        tabIndex={slot.startsAt === active ? 0 : -1}
        aria-label={isCurrent ? `${clock}, ${currentLabel}` : theirs ? clock : undefined}
        onFocus={() => setActive(slot.startsAt)}
        onClick={() => onPick(slot)}
      >
        {shown}
        {tag}
      </button>
    );
  };

  return (
    <fieldset ref={group} className="day-times" onKeyDown={move}>
      <legend className="slot-picker-hidden">{label}</legend>
      {partsOfDay(slots, zone).map((part) => (
        <fieldset key={part.name} className="time-group">
          <legend className="time-group-name">{words.partsOfDay[part.name]}</legend>
          <div className="time-grid">{part.slots.map(timeOf)}</div>
        </fieldset>
      ))}
    </fieldset>
  );
}
