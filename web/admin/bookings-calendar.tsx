import { Link } from 'react-router';
import { formatClock, formatHourMark, formatShortCalendarDate } from '../../src/shared/business-time';
import { addDays, instantAt, minuteOfDay, weekdayIndex } from '../../src/shared/calendar-dates';
import type { BlockedEvent, Booking, Customer, StaffMember, TimeRange, Weekday } from '../shared/api-types';
import { WEEKDAYS } from './admin-words';
import { useBusiness } from './business-context';
import { minutesOf } from './clock-times';
import { bookingPath } from './paths';

const PX_PER_MINUTE = 1.1;
const MIN_BLOCK_PX = 24;

export interface CalendarColumn {
  key: string;
  title: string;
  subtitle?: string;
  date: string;
  staff: StaffMember;
}

interface Placed<T> {
  item: T;
  top: number;
  height: number;
  lane: number;
  lanes: number;
}

/** Bookings or blocks of one column, positioned; overlapping ones share the width side by side. */
function place<T extends { startsAt: string; endsAt: string }>(
  items: readonly T[],
  dayStart: number,
  dayEnd: number,
  rangeStart: number,
): Placed<T>[] {
  const visible = items
    .map((item) => ({
      item,
      start: Math.max(Date.parse(item.startsAt), dayStart),
      end: Math.min(Date.parse(item.endsAt), dayEnd),
    }))
    .filter((entry) => entry.end > entry.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const placed: Placed<T>[] = [];
  let group: { entry: (typeof visible)[number]; lane: number }[] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  const flush = () => {
    const lanes = Math.max(1, ...group.map((g) => g.lane + 1));
    for (const { entry, lane } of group) {
      const startMinute = (entry.start - dayStart) / 60_000;
      const minutes = (entry.end - entry.start) / 60_000;
      placed.push({
        item: entry.item,
        top: (startMinute - rangeStart) * PX_PER_MINUTE,
        height: Math.max(MIN_BLOCK_PX, minutes * PX_PER_MINUTE - 2),
        lane,
        lanes,
      });
    }
    group = [];
  };
  for (const entry of visible) {
    if (entry.start >= groupEnd) flush();
    const laneEnds: number[] = [];
    for (const member of group)
      laneEnds[member.lane] = Math.max(laneEnds[member.lane] ?? 0, member.entry.end);
    let lane = laneEnds.findIndex((end) => end <= entry.start);
    if (lane === -1) lane = laneEnds.length;
    group.push({ entry, lane });
    groupEnd = Math.max(groupEnd, entry.end);
  }
  flush();
  return placed;
}

function hoursOf(staff: StaffMember, business: Record<Weekday, TimeRange[]>, date: string): TimeRange[] {
  const day = WEEKDAYS[weekdayIndex(date)] ?? 'mon';
  return (staff.workingHours ?? business)[day] ?? [];
}

function overlaps(a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}

/**
 * A time grid: one column per staff member (a day) or per day (one staff member's week). Working hours are
 * light, the rest shaded; bookings are links to their Booking Details.
 */
export function BookingsCalendar({
  columns,
  bookings,
  blocked,
  customer,
  label,
  minColumnWidth,
  asked = new Set<string>(),
}: {
  minColumnWidth: string;
  /** Bookings with a pending reschedule request. */
  asked?: ReadonlySet<string>;
  columns: CalendarColumn[];
  bookings: Booking[];
  blocked: BlockedEvent[];
  customer(id: string): Customer | undefined;
  label: string;
}) {
  const { settings, serviceName } = useBusiness();
  const zone = settings.timezone;

  // The grid spans the working hours shown, widened to any booking outside them, in whole hours.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const column of columns) {
    for (const range of hoursOf(column.staff, settings.workingHours, column.date)) {
      first = Math.min(first, minutesOf(range.start));
      last = Math.max(last, minutesOf(range.end));
    }
  }
  for (const booking of bookings) {
    first = Math.min(first, minuteOfDay(booking.startsAt, zone));
    const end = minuteOfDay(booking.endsAt, zone);
    last = Math.max(last, end === 0 ? 1440 : end);
  }
  if (!Number.isFinite(first)) first = 8 * 60;
  if (!Number.isFinite(last) || last <= first) last = Math.max(first + 60, 18 * 60);
  const rangeStart = Math.floor(first / 60) * 60;
  const rangeEnd = Math.min(1440, Math.ceil(last / 60) * 60);
  const height = (rangeEnd - rangeStart) * PX_PER_MINUTE;
  const hours: number[] = [];
  for (let minute = rangeStart; minute < rangeEnd; minute += 60) hours.push(minute);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region wider than the screen must scroll with the keyboard
    <section className="calendar-scroll" aria-label={label} tabIndex={0}>
      <div
        className="calendar"
        style={{ gridTemplateColumns: `3.5rem repeat(${columns.length}, minmax(${minColumnWidth}, 1fr))` }}
      >
        <div className="calendar-corner" aria-hidden="true" />
        {columns.map((column) => (
          <div key={column.key} className="calendar-column-head">
            <span className="calendar-column-title">{column.title}</span>
            {column.subtitle && <span className="hint">{column.subtitle}</span>}
          </div>
        ))}
        <div className="calendar-hours" style={{ height }} aria-hidden="true">
          {hours.map((minute) => (
            <span key={minute} style={{ top: (minute - rangeStart) * PX_PER_MINUTE }}>
              {formatHourMark(minute / 60, settings.locale)}
            </span>
          ))}
        </div>
        {columns.map((column) => {
          const dayStart = Date.parse(instantAt(column.date, '00:00', zone));
          const dayEnd = Date.parse(instantAt(addDays(column.date, 1), '00:00', zone));
          const own = bookings.filter((booking) => booking.staffId === column.staff.id);
          const blocks = blocked.filter(
            (event) => event.staffId === null || event.staffId === column.staff.id,
          );
          const working = hoursOf(column.staff, settings.workingHours, column.date);
          const placedBookings = place(own, dayStart, dayEnd, rangeStart);
          const placedBlocks = place(blocks, dayStart, dayEnd, rangeStart);
          return (
            <section
              key={column.key}
              className="calendar-column"
              style={{ height }}
              aria-label={`${column.title}${column.subtitle ? `, ${column.subtitle}` : ''}`}
            >
              {hours.map((minute) => (
                <div
                  key={minute}
                  className="calendar-hour-line"
                  style={{ top: (minute - rangeStart) * PX_PER_MINUTE }}
                />
              ))}
              {working.map((range) => (
                <div
                  key={range.start}
                  className="calendar-working"
                  style={{
                    top: (Math.max(minutesOf(range.start), rangeStart) - rangeStart) * PX_PER_MINUTE,
                    height:
                      (Math.min(minutesOf(range.end), rangeEnd) -
                        Math.max(minutesOf(range.start), rangeStart)) *
                      PX_PER_MINUTE,
                  }}
                />
              ))}
              {placedBlocks.map(({ item, top, height: blockHeight }) => (
                <div key={item.id} className="calendar-blocked" style={{ top, height: blockHeight }}>
                  <span>Blocked{item.reason ? `: ${item.reason}` : ''}</span>
                </div>
              ))}
              {placedBookings.length === 0 && working.length === 0 && blocks.length === 0 && (
                <p className="calendar-off">Not working</p>
              )}
              {placedBookings.map(({ item, top, height: blockHeight, lane, lanes }) => {
                const who = customer(item.customerId)?.name ?? 'Customer';
                const clash =
                  own.some((other) => other.id !== item.id && overlaps(other, item)) ||
                  blocks.some((event) => overlaps(event, item));
                const time = `${formatClock(item.startsAt, zone, settings.locale)}–${formatClock(item.endsAt, zone, settings.locale)}`;
                const askedToMove = asked.has(item.id);
                return (
                  <Link
                    key={item.id}
                    to={bookingPath(item.id)}
                    className={`calendar-booking booking-${item.status}${clash ? ' booking-conflict' : ''}${askedToMove ? ' booking-asked' : ''}`}
                    style={{
                      top,
                      height: blockHeight,
                      left: `calc(${(100 / lanes) * lane}% + 2px)`,
                      width: `calc(${100 / lanes}% - 4px)`,
                    }}
                    aria-label={`${time}, ${who}, ${serviceName(item.serviceId)}${item.status === 'completed' ? ', completed' : ''}${clash ? ', conflict' : ''}${askedToMove ? ', asked to reschedule' : ''}`}
                  >
                    <span className="calendar-booking-time">
                      {time}
                      {clash && <span className="conflict-flag"> ⚠ Conflict</span>}
                      {askedToMove && <span className="asked-flag"> ↻ Asked to reschedule</span>}
                    </span>
                    <span className="calendar-booking-who">{who}</span>
                    <span className="calendar-booking-what">{serviceName(item.serviceId)}</span>
                  </Link>
                );
              })}
            </section>
          );
        })}
      </div>
    </section>
  );
}

export function dayColumns(staff: StaffMember[], date: string): CalendarColumn[] {
  return staff.map((member) => ({ key: member.id, title: member.name, date, staff: member }));
}

export function weekColumns(member: StaffMember, monday: string, locale: string): CalendarColumn[] {
  return Array.from({ length: 7 }, (_, index) => {
    const date = addDays(monday, index);
    return { key: date, title: formatShortCalendarDate(date, locale), date, staff: member };
  });
}
