import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatDuration } from '../../src/shared/business-time';
import type { CustomerPortalSettings } from '../shared/api-types';
import { CHECK_THE_FIELDS, errorFor, saveFailure, saveSettings } from './admin-api';
import { useBusiness } from './business-context';
import { useLeaveGuard } from './navigation';
import { SETTINGS_PATHS } from './paths';
import { Field, FieldError, Notice, PageHeader, SaveFeedback, type SaveState, Switch } from './ui';

const RESCHEDULE_LABEL = 'Allow customers to reschedule bookings through the customer portal and email links';
const CANCEL_LABEL = 'Allow customers to cancel bookings through the customer portal and email links';
const MAX_NOTICE_MINUTES = 60 * 24 * 60;

interface Draft {
  allowReschedule: boolean;
  allowCancel: boolean;
  realTimeAvailability: boolean;
  noticeHours: string;
  noticeMinutes: string;
  maxReschedules: string;
  changeBlockedMessage: string;
}

function draftOf(portal: CustomerPortalSettings): Draft {
  return {
    allowReschedule: portal.allowReschedule,
    allowCancel: portal.allowCancel,
    realTimeAvailability: portal.realTimeAvailability,
    noticeHours: String(Math.floor(portal.minimumNoticeMinutes / 60)),
    noticeMinutes: String(portal.minimumNoticeMinutes % 60),
    maxReschedules: portal.maxReschedulesPerBooking === null ? '' : String(portal.maxReschedulesPerBooking),
    changeBlockedMessage: portal.changeBlockedMessage,
  };
}

const NOTICE = 'customerPortal.minimumNoticeMinutes';
const MAX = 'customerPortal.maxReschedulesPerBooking';
const MESSAGE = 'customerPortal.changeBlockedMessage';

/** The draft as the API takes it, or the fields that need fixing first. */
function parse(draft: Draft): { value: CustomerPortalSettings } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
  const hours = draft.noticeHours.trim() === '' ? 0 : whole(draft.noticeHours);
  const minutes = draft.noticeMinutes.trim() === '' ? 0 : whole(draft.noticeMinutes);
  if (Number.isNaN(hours) || Number.isNaN(minutes)) errors[NOTICE] = 'Enter whole hours and minutes';
  else if (minutes > 59) errors[NOTICE] = 'Minutes must be between 0 and 59';
  else if (hours * 60 + minutes > MAX_NOTICE_MINUTES)
    errors[NOTICE] = 'The longest notice time is 60 days (1440 hours)';
  const max = draft.maxReschedules.trim() === '' ? null : whole(draft.maxReschedules);
  if (max !== null && (Number.isNaN(max) || max < 1 || max > 100))
    errors[MAX] = 'Enter a number from 1 to 100, or leave it empty for no limit';
  if (draft.changeBlockedMessage.length > 500)
    errors[MESSAGE] = 'Keep the message to 500 characters or fewer';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    value: {
      allowReschedule: draft.allowReschedule,
      allowCancel: draft.allowCancel,
      realTimeAvailability: draft.realTimeAvailability,
      minimumNoticeMinutes: hours * 60 + minutes,
      maxReschedulesPerBooking: max,
      changeBlockedMessage: draft.changeBlockedMessage.trim(),
    },
  };
}

export function FlagsAndPermissionsPage() {
  const { settings, setSettings } = useBusiness();
  const [saved, setSaved] = useState(settings.customerPortal);
  const [draft, setDraft] = useState(() => draftOf(settings.customerPortal));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { switchLabel: useId(), on: useId(), off: useId(), notice: useId() };

  const dirty = useMemo(() => JSON.stringify(draftOf(saved)) !== JSON.stringify(draft), [saved, draft]);
  useLeaveGuard(dirty, 'Your Flags & Permissions changes are not saved. Leave this page and lose them?');

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSave({ kind: 'idle' });
  };

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parse(draft);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      setSave(CHECK_THE_FIELDS);
      focusFirstError();
      return;
    }
    setErrors({});
    setSave({ kind: 'saving' });
    try {
      const data = await saveSettings({
        customerPortal: parsed.value,
      });
      setSettings(data);
      setSaved(data.customerPortal);
      setDraft(draftOf(data.customerPortal));
      setSave({ kind: 'saved' });
    } catch (error) {
      const failure = saveFailure(error);
      setErrors(failure.errors);
      setSave(failure.state);
      focusFirstError();
    }
  };

  const noticeError = errorFor(errors, NOTICE);
  const parsedNotice = parse(draft);
  const noticeNow = 'value' in parsedNotice ? parsedNotice.value.minimumNoticeMinutes : undefined;

  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Settings', href: '/admin/settings' }, { label: 'Customer Portal' }]}
        title="Flags & Permissions"
        description="What customers may change themselves from the Customer Portal and from the links in their emails."
      />
      <form ref={formRef} onSubmit={submit} noValidate className="settings-form">
        <section className="card" aria-labelledby="booking-flags">
          <h2 id="booking-flags">Booking flags</h2>
          <div className="check-row">
            <input
              type="checkbox"
              id="allow-reschedule"
              checked={draft.allowReschedule}
              onChange={(event) => change({ allowReschedule: event.target.checked })}
              aria-describedby="allow-reschedule-hint"
            />
            <div>
              <label htmlFor="allow-reschedule">{RESCHEDULE_LABEL}</label>
              <p className="hint" id="allow-reschedule-hint">
                Customers see <strong>Reschedule</strong> on their booking page, and the “Reschedule or change
                booking details” button appears in confirmation and reminder emails. When off, the button is
                left out of new emails and links in earlier emails no longer allow a change. To take it out of
                your wording as well, edit Booking Confirmation and Booking Reminder in{' '}
                <Link to={SETTINGS_PATHS.templates}>Email Templates</Link>.
              </p>
            </div>
          </div>
          <div className="check-row">
            <input
              type="checkbox"
              id="allow-cancel"
              checked={draft.allowCancel}
              onChange={(event) => change({ allowCancel: event.target.checked })}
              aria-describedby="allow-cancel-hint"
            />
            <div>
              <label htmlFor="allow-cancel">{CANCEL_LABEL}</label>
              <p className="hint" id="allow-cancel-hint">
                Customers see <strong>Cancel booking</strong> on their booking page. When off, they are
                offered <strong>Schedule an appointment</strong> instead.
              </p>
            </div>
          </div>
        </section>

        <section className="card" aria-labelledby="rescheduling-rules">
          <h2 id="rescheduling-rules">When customers pick a new time</h2>
          <div className="switch-row">
            <span className="switch-label" id={ids.switchLabel}>
              Real-time availability
            </span>
            <Switch
              checked={draft.realTimeAvailability}
              onChange={(realTimeAvailability) => change({ realTimeAvailability })}
              labelledBy={ids.switchLabel}
              describedBy={draft.realTimeAvailability ? ids.on : ids.off}
            />
          </div>
          <ul className="mode-lines">
            <li id={ids.on} className={draft.realTimeAvailability ? 'mode-current' : ''}>
              <strong>On:</strong> customers only see times that are currently available — existing bookings
              and blocked events are taken into account.
              {draft.realTimeAvailability && <span className="mode-tag">In effect</span>}
            </li>
            <li id={ids.off} className={draft.realTimeAvailability ? '' : 'mode-current'}>
              <strong>Off:</strong> customers can pick any time within your working hours. Conflicts are not
              checked, so you may need to resolve them yourself.
              {!draft.realTimeAvailability && <span className="mode-tag">In effect</span>}
            </li>
          </ul>

          <fieldset
            className={`field notice-time${noticeError ? ' field-invalid' : ''}`}
            aria-describedby={`${ids.notice}-hint${noticeError ? ` ${ids.notice}-error` : ''}`}
          >
            <legend>Minimum notice time</legend>
            <div className="inline-inputs">
              <label>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1440}
                  className="input-short"
                  value={draft.noticeHours}
                  onChange={(event) => change({ noticeHours: event.target.value })}
                  {...(noticeError && { 'aria-invalid': true })}
                />
                <span>hours</span>
              </label>
              <label>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={59}
                  className="input-short"
                  value={draft.noticeMinutes}
                  onChange={(event) => change({ noticeMinutes: event.target.value })}
                  {...(noticeError && { 'aria-invalid': true })}
                />
                <span>minutes</span>
              </label>
            </div>
            <p className="hint" id={`${ids.notice}-hint`}>
              Customers cannot reschedule or cancel a booking that starts within this time, nor move it to a
              time that starts within it.{' '}
              {noticeNow !== undefined &&
                (noticeNow === 0
                  ? 'With 0, they can make changes right up to the start.'
                  : `As set, a booking can be changed online until ${formatDuration(noticeNow)} before it starts.`)}
            </p>
            {noticeError && <FieldError id={`${ids.notice}-error`} message={noticeError} />}
          </fieldset>

          <Field
            label="Maximum reschedules per booking"
            hint="How often a customer may move one booking online. Leave empty for no limit. Changes made by your office do not count."
            error={errorFor(errors, MAX)}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                placeholder="No limit"
                className="input-short"
                value={draft.maxReschedules}
                onChange={(event) => change({ maxReschedules: event.target.value })}
              />
            )}
          </Field>

          <Field
            label="Message shown when a change is refused"
            hint="Added after the reason whenever a customer cannot change a booking online — on the booking page and in emails. Say how to reach you, e.g. “Please call us on (555) 010-4477.”"
            error={errorFor(errors, MESSAGE)}
          >
            {(props) => (
              <textarea
                {...props}
                rows={3}
                maxLength={500}
                value={draft.changeBlockedMessage}
                onChange={(event) => change({ changeBlockedMessage: event.target.value })}
              />
            )}
          </Field>
        </section>

        {!draft.allowReschedule && saved.allowReschedule && (
          <Notice tone="warning">
            Once saved, customers can no longer reschedule online. Bookings can still be moved from Bookings
            in this admin portal.
          </Notice>
        )}

        <div className="form-footer">
          <button type="submit" className="button button-primary" disabled={save.kind === 'saving'}>
            {save.kind === 'saving' ? 'Saving…' : 'Save'}
          </button>
          <SaveFeedback state={save} />
          <p className="hint form-footer-note">Saved changes apply from the customer’s next request.</p>
        </div>
      </form>
    </>
  );
}
