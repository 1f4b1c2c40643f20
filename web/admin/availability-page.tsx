import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { calendarDateOf, formatClock, formatShortDateTime, todayIn } from '../../src/shared/business-time';
import { instantAt } from '../../src/shared/calendar-dates';
import { dataOf } from '../shared/api-client';
import type { BlockedEvent } from '../shared/api-types';
import { adminApi, errorFor, fieldErrors, problemMessage, saveFailure, saveSettings } from './admin-api';
import { blockedEventsQuery } from './admin-queries';
import { useBusiness } from './business-context';
import { useLeaveGuard } from './navigation';
import { staffMemberPath } from './paths';
import { EmptyState, Field, Loading, Modal, Notice, PageHeader, SaveFeedback, type SaveState } from './ui';
import { checkWorkingHours, fromApiHours, toApiHours, WorkingHoursEditor } from './working-hours-editor';

/** The later of two YYYY-MM-DD dates: the end of a blocked time follows its start forward. */
function laterDate(a: string, b: string): string {
  if (a >= b) return a;
  return b;
}

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...all])].sort();
}

export function AvailabilityPage() {
  const { staff } = useBusiness();
  const ownHours = staff.filter((member) => member.workingHours !== null);
  return (
    <>
      <PageHeader
        title="Availability"
        description="When the business takes bookings. Customers and the office only see times inside these hours."
      />
      <BusinessHoursForm />
      {ownHours.length > 0 && (
        <p className="hint own-hours-note">
          Own working hours instead of these:{' '}
          {ownHours.map((member, index) => (
            <span key={member.id}>
              {index > 0 && ', '}
              <Link to={staffMemberPath(member.id)}>{member.name}</Link>
            </span>
          ))}
          .
        </p>
      )}
      <BlockedTime />
    </>
  );
}

function BusinessHoursForm() {
  const { settings, setSettings } = useBusiness();
  const [saved, setSaved] = useState(settings);
  const [timezone, setTimezone] = useState(settings.timezone);
  const [hours, setHours] = useState(() => fromApiHours(settings.workingHours));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const zones = useMemo(() => timeZones(settings.timezone), [settings.timezone]);
  const dirty =
    timezone !== saved.timezone || JSON.stringify(toApiHours(hours)) !== JSON.stringify(saved.workingHours);
  useLeaveGuard(dirty, 'Your working hours are not saved. Leave this page and lose them?');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkWorkingHours(hours, 'workingHours');
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setSave({ kind: 'failed', message: 'Not saved: check the highlighted days.' });
      return;
    }
    setSave({ kind: 'saving' });
    try {
      const data = await saveSettings({ timezone, workingHours: toApiHours(hours) });
      setSaved(data);
      setHours(fromApiHours(data.workingHours));
      setSave({ kind: 'saved' });
      setSettings(data);
    } catch (error) {
      const failure = saveFailure(error);
      setErrors(failure.errors);
      setSave(failure.state);
    }
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="hours-heading">
      <h2 id="hours-heading">Working hours</h2>
      <Field
        label="Time zone"
        hint="Working hours, the calendar and every email use this zone. Existing bookings keep their moment in time."
        error={errorFor(errors, 'timezone')}
      >
        {(props) => (
          <select
            {...props}
            className="input-medium"
            value={timezone}
            onChange={(event) => setTimezone(event.target.value)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <WorkingHoursEditor
        hours={hours}
        onChange={(next) => {
          setHours(next);
          setSave({ kind: 'idle' });
        }}
        errors={errors}
        errorPrefix="workingHours"
        label="Business working hours"
      />
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={save.kind === 'saving'}>
          {save.kind === 'saving' ? 'Saving…' : 'Save working hours'}
        </button>
        <SaveFeedback state={save} />
      </div>
    </form>
  );
}

function BlockedTime() {
  const { settings, staff, staffName } = useBusiness();
  const zone = settings.timezone;
  const today = todayIn(zone);
  const client = useQueryClient();
  const events = useQuery(blockedEventsQuery({ from: instantAt(today, '00:00', zone) }));
  const changed = () => client.invalidateQueries({ queryKey: ['blocked-events'] });
  const [draft, setDraft] = useState({
    staffId: '',
    startDate: today,
    startTime: '09:00',
    endDate: today,
    endTime: '17:00',
    reason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [removing, setRemoving] = useState<BlockedEvent>();
  const [removeError, setRemoveError] = useState<string>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = instantAt(draft.startDate, draft.startTime, zone);
    const endsAt = instantAt(draft.endDate, draft.endTime, zone);
    if (!draft.startDate || !draft.endDate || !draft.startTime || !draft.endTime) {
      setErrors({ endsAt: 'Enter when the blocked time starts and ends' });
      return;
    }
    if (Date.parse(endsAt) <= Date.parse(startsAt)) {
      setErrors({ endsAt: 'The end must be after the start' });
      return;
    }
    setErrors({});
    setSave({ kind: 'saving' });
    try {
      await dataOf(
        adminApi.POST('/api/v1/blocked-events', {
          body: { staffId: draft.staffId || null, startsAt, endsAt, reason: draft.reason.trim() || null },
        }),
      );
      setSave({ kind: 'saved' });
      setDraft({ ...draft, reason: '' });
      changed();
    } catch (error) {
      setErrors(fieldErrors(error));
      setSave({ kind: 'failed', message: problemMessage(error) });
    }
  };

  const remove = async () => {
    if (!removing) return;
    try {
      await dataOf(adminApi.DELETE('/api/v1/blocked-events/{id}', { params: { path: { id: removing.id } } }));
      setRemoving(undefined);
      changed();
    } catch (error) {
      setRemoveError(problemMessage(error));
    }
  };

  const describe = (event: BlockedEvent) => {
    const sameDay = calendarDateOf(event.startsAt, zone) === calendarDateOf(event.endsAt, zone);
    return `${formatShortDateTime(event.startsAt, zone)} – ${sameDay ? formatClock(event.endsAt, zone) : formatShortDateTime(event.endsAt, zone)}`;
  };

  return (
    <section className="card" aria-labelledby="blocked-heading">
      <h2 id="blocked-heading">Blocked time</h2>
      <p className="hint">
        Holidays, training, a van in the garage: nobody (or one staff member) can be booked then. With
        real-time availability off, customers can still pick these times and the booking is flagged as a
        conflict.
      </p>
      {events.isPending && <Loading label="Loading blocked time…" />}
      {events.isError && <Notice tone="error">{problemMessage(events.error)}</Notice>}
      {events.data && events.data.length === 0 && <EmptyState>No blocked time ahead.</EmptyState>}
      {events.data && events.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((event) => (
                <tr key={event.id}>
                  <td>{describe(event)}</td>
                  <td>{event.staffId === null ? 'Everyone' : staffName(event.staffId)}</td>
                  <td>{event.reason ?? '—'}</td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      onClick={() => {
                        setRemoveError(undefined);
                        setRemoving(event);
                      }}
                      aria-label={`Delete blocked time ${describe(event)}`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="blocked-form" onSubmit={add} noValidate aria-labelledby="add-blocked-heading">
        <h3 id="add-blocked-heading">Block time</h3>
        <div className="form-row">
          <Field label="Who" error={errorFor(errors, 'staffId')}>
            {(props) => (
              <select
                {...props}
                value={draft.staffId}
                onChange={(e) => setDraft({ ...draft, staffId: e.target.value })}
              >
                <option value="">Everyone</option>
                {staff.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Reason (optional)" error={errorFor(errors, 'reason')}>
            {(props) => (
              <input
                {...props}
                type="text"
                maxLength={500}
                value={draft.reason}
                onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label="From date">
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.startDate}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    startDate: e.target.value,
                    endDate: laterDate(draft.endDate, e.target.value),
                  })
                }
              />
            )}
          </Field>
          <Field label="From time">
            {(props) => (
              <input
                {...props}
                type="time"
                step={300}
                value={draft.startTime}
                onChange={(e) => setDraft({ ...draft, startTime: e.target.value })}
              />
            )}
          </Field>
          <Field label="Until date" error={errorFor(errors, 'endsAt')}>
            {(props) => (
              <input
                {...props}
                type="date"
                min={draft.startDate}
                value={draft.endDate}
                onChange={(e) => setDraft({ ...draft, endDate: e.target.value })}
              />
            )}
          </Field>
          <Field label="Until time">
            {(props) => (
              <input
                {...props}
                type="time"
                step={300}
                value={draft.endTime}
                onChange={(e) => setDraft({ ...draft, endTime: e.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="form-footer">
          <button type="submit" className="button" disabled={save.kind === 'saving'}>
            {save.kind === 'saving' ? 'Blocking…' : 'Block this time'}
          </button>
          <SaveFeedback state={save} />
          <span className="hint">For a whole day off, block from 00:00 until 00:00 the next day.</span>
        </div>
      </form>
      {removing && (
        <Modal
          title="Delete this blocked time?"
          onClose={() => setRemoving(undefined)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setRemoving(undefined)}>
                Keep it
              </button>
              <button type="button" className="button button-danger" onClick={remove}>
                Delete
              </button>
            </>
          }
        >
          {removeError && <Notice tone="error">{removeError}</Notice>}
          <p>
            {describe(removing)} ({removing.staffId === null ? 'everyone' : staffName(removing.staffId)})
            becomes bookable again.
          </p>
        </Modal>
      )}
    </section>
  );
}
