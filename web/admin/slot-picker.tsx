import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { formatCalendarDate, formatClock } from '../../src/shared/business-time';
import { instantAt } from '../../src/shared/calendar-dates';
import { problemMessage } from './admin-api';
import { availabilityQuery } from './admin-queries';
import { Field, Loading, Notice } from './ui';

export interface SlotChoice {
  date: string;
  /** The start picked from the free times, as an ISO instant. */
  slot: string | null;
  allowConflict: boolean;
  /** "HH:MM", typed when a conflict is allowed. */
  time: string;
}

/** The instant the choice names, or null while nothing is chosen. */
export function chosenStart(choice: SlotChoice, timeZone: string): string | null {
  if (choice.allowConflict)
    return /^\d{2}:\d{2}$/.test(choice.time) ? instantAt(choice.date, choice.time, timeZone) : null;
  return choice.slot;
}

/**
 * A date, then one of the staff member's free start times that day (from the office's availability), or, with
 * "allow a conflict", any time at all for the office to sort out.
 */
export function SlotPicker({
  serviceId,
  staffId,
  timeZone,
  choice,
  onChange,
  error,
  movingBookingId,
}: {
  serviceId: string;
  staffId: string;
  /** The booking being moved: its own time must not hide the times around it. */
  movingBookingId?: string;
  timeZone: string;
  choice: SlotChoice;
  onChange(choice: SlotChoice): void;
  error?: string | undefined;
}) {
  const legendId = useId();
  const ready = Boolean(serviceId && staffId && choice.date);
  const slots = useQuery({
    ...availabilityQuery({
      serviceId,
      staffId,
      from: choice.date,
      to: choice.date,
      exceptBookingId: movingBookingId,
    }),
    enabled: ready,
  });
  const free = slots.data?.slots ?? [];

  return (
    <div className="slot-picker">
      <Field label="Date">
        {(props) => (
          <input
            {...props}
            type="date"
            required
            value={choice.date}
            onChange={(event) => onChange({ ...choice, date: event.target.value, slot: null })}
          />
        )}
      </Field>
      {!ready ? (
        <p className="hint">Choose the service, staff member and date to see free times.</p>
      ) : (
        <fieldset
          className="slot-fieldset"
          disabled={choice.allowConflict}
          aria-describedby={error ? `${legendId}-error` : undefined}
        >
          <legend id={legendId}>Free times on {formatCalendarDate(choice.date)}</legend>
          {slots.isFetching && <Loading label="Finding free times…" />}
          {slots.isError && <Notice tone="error">{problemMessage(slots.error)}</Notice>}
          {slots.isSuccess && !slots.isFetching && free.length === 0 && (
            <p className="hint">No free times this day. Try another date, or allow a conflict below.</p>
          )}
          {!slots.isFetching && free.length > 0 && (
            <div className="slot-grid">
              {free.map((slot) => (
                <label
                  key={slot.startsAt}
                  className={`slot${choice.slot === slot.startsAt ? ' slot-selected' : ''}`}
                >
                  <input
                    type="radio"
                    name={`slot-${legendId}`}
                    value={slot.startsAt}
                    checked={choice.slot === slot.startsAt}
                    onChange={() => onChange({ ...choice, slot: slot.startsAt })}
                  />
                  <span>{formatClock(slot.startsAt, timeZone)}</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
      )}
      <div className="check-row">
        <input
          type="checkbox"
          id={`${legendId}-conflict`}
          checked={choice.allowConflict}
          onChange={(event) => onChange({ ...choice, allowConflict: event.target.checked })}
          aria-describedby={`${legendId}-conflict-hint`}
        />
        <div>
          <label htmlFor={`${legendId}-conflict`}>Allow a conflict: choose any time</label>
          <p className="hint" id={`${legendId}-conflict-hint`}>
            Books the time even if it overlaps other bookings, blocked time or falls outside working hours.
            The booking will be flagged so you can resolve it.
          </p>
        </div>
      </div>
      {choice.allowConflict && (
        <Field label={`Start time (${timeZone})`}>
          {(props) => (
            <input
              {...props}
              type="time"
              step={300}
              required
              value={choice.time}
              onChange={(event) => onChange({ ...choice, time: event.target.value })}
            />
          )}
        </Field>
      )}
      {error && (
        <p className="field-error" id={`${legendId}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
