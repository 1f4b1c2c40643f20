import { useId } from 'react';
import { type CalendarDate, calendarDateOf, formatCalendarDate } from '../../src/shared/business-time';
import { instantAt, minuteOfDay } from '../../src/shared/calendar-dates';
import { LazySlotPicker } from '../shared/lazy-slot-picker';
import { problemMessage } from './admin-api';
import { availabilitySlots } from './admin-queries';
import { useBusiness } from './business-context';
import { TimeInput } from './locale-inputs';
import { Field, FieldError, Loading } from './ui';

export interface TimeChoice {
  /** The business day chosen in the calendar. */
  day: CalendarDate;
  /** The start picked from the free times, as an ISO instant. */
  slot: string | null;
  allowConflict: boolean;
  /** "HH:MM", typed when a conflict is allowed. */
  time: string;
}

/** "HH:MM" of an instant on the zone's wall clock: where a typed start time begins. */
export function wallClockOf(instant: string, timeZone: string): string {
  const minutes = minuteOfDay(instant, timeZone);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant the choice names, or null while nothing is chosen. */
export function chosenStart(choice: TimeChoice, timeZone: string): string | null {
  if (choice.allowConflict)
    return /^\d{2}:\d{2}$/.test(choice.time) ? instantAt(choice.day, choice.time, timeZone) : null;
  return choice.slot;
}

/**
 * The start time of the office's booking forms: the shared slot picker on the staff member's free times, or,
 * with "allow a conflict", any day and a typed time for the office to sort out.
 */
export function BookingTimeField({
  serviceId,
  staffId,
  movingBooking,
  timeZone,
  choice,
  onChange,
  error,
}: {
  serviceId: string;
  staffId: string;
  /** The booking being moved: its own time must not hide the times around it, and is marked as now. */
  movingBooking?: { id: string; startsAt: string };
  timeZone: string;
  choice: TimeChoice;
  onChange(choice: TimeChoice): void;
  error?: string | undefined;
}) {
  const id = useId();
  const { locale } = useBusiness().settings;
  return (
    <div className="booking-time-field">
      {serviceId && staffId ? (
        <LazySlotPicker
          fallback={<Loading label="Opening the calendar…" />}
          key={`${serviceId}:${staffId}`}
          source={availabilitySlots({ serviceId, staffId, exceptBookingId: movingBooking?.id })}
          timeZone={timeZone}
          locale={locale}
          initialDay={choice.day}
          initialSelection={choice.day}
          currentStartsAt={movingBooking?.startsAt}
          pickedStartsAt={choice.slot ?? undefined}
          onPick={(slot, zone) =>
            onChange({ ...choice, slot: slot.startsAt, day: calendarDateOf(slot.startsAt, zone) })
          }
          onDayChange={(day) => onChange({ ...choice, day, slot: null })}
          picking="field"
          anyDay={choice.allowConflict}
          describeError={problemMessage}
        />
      ) : (
        <p className="hint">Choose the service and staff member to see free times.</p>
      )}
      <div className="check-row">
        <input
          type="checkbox"
          id={`${id}-conflict`}
          checked={choice.allowConflict}
          onChange={(event) => onChange({ ...choice, allowConflict: event.target.checked })}
          aria-describedby={`${id}-conflict-hint`}
        />
        <div>
          <label htmlFor={`${id}-conflict`}>Allow a conflict: choose any time</label>
          <p className="hint" id={`${id}-conflict-hint`}>
            Books the time even if it overlaps other bookings, blocked time or falls outside working hours.
            The booking will be flagged so you can resolve it.
          </p>
        </div>
      </div>
      {choice.allowConflict && (
        <Field label={`Start time on ${formatCalendarDate(choice.day, locale)} (${timeZone})`}>
          {(props) => (
            <TimeInput
              {...props}
              required
              value={choice.time}
              onChange={(time) => onChange({ ...choice, time })}
            />
          )}
        </Field>
      )}
      {error && <FieldError id={`${id}-error`} message={error} />}
    </div>
  );
}
