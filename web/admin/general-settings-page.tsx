import { type FormEvent, useMemo, useRef, useState } from 'react';
import type { BusinessSettings } from '../shared/api-types';
import { CHECK_THE_FIELDS, errorFor, saveFailure, saveSettings } from './admin-api';
import { useBusiness } from './business-context';
import { Link, useLeaveGuard } from './navigation';
import { Field, PageHeader, SaveFeedback, type SaveState } from './ui';

interface Draft {
  businessName: string;
  notificationEmail: string;
  slotIntervalMinutes: string;
  bookingWindowDays: string;
  reminderLeadHours: string;
}

const draftOf = (settings: BusinessSettings): Draft => ({
  businessName: settings.businessName,
  notificationEmail: settings.notificationEmail ?? '',
  slotIntervalMinutes: String(settings.slotIntervalMinutes),
  bookingWindowDays: String(settings.bookingWindowDays),
  reminderLeadHours: String(settings.reminderLeadMinutes / 60),
});

const SLOT_INTERVALS = [5, 10, 15, 20, 30, 45, 60, 90, 120];

export function GeneralSettingsPage() {
  const { settings, setSettings } = useBusiness();
  const [saved, setSaved] = useState(settings);
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = useMemo(() => JSON.stringify(draftOf(saved)) !== JSON.stringify(draft), [saved, draft]);
  useLeaveGuard(dirty);

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSave({ kind: 'idle' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    const number = (text: string, field: string, min: number, max: number) => {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max)
        local[field] = `Enter a number from ${min} to ${max}`;
      return value;
    };
    const bookingWindowDays = number(draft.bookingWindowDays, 'bookingWindowDays', 1, 730);
    const reminderLeadHours = number(draft.reminderLeadHours, 'reminderLeadMinutes', 0, 336);
    if (draft.businessName.trim() === '') local.businessName = 'Enter the name customers know you by';
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setSave(CHECK_THE_FIELDS);
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setErrors({});
    setSave({ kind: 'saving' });
    try {
      const data = await saveSettings({
        businessName: draft.businessName.trim(),
        notificationEmail: draft.notificationEmail.trim() === '' ? null : draft.notificationEmail.trim(),
        slotIntervalMinutes: Number(draft.slotIntervalMinutes),
        bookingWindowDays: Math.round(bookingWindowDays),
        reminderLeadMinutes: Math.round(reminderLeadHours * 60),
      });
      setSettings(data);
      setSaved(data);
      setDraft(draftOf(data));
      setSave({ kind: 'saved' });
    } catch (error) {
      const failure = saveFailure(error);
      setErrors(failure.errors);
      setSave(failure.state);
    }
  };

  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Settings', href: '/admin/settings' }, { label: 'Business' }]}
        title="General"
        description="The basics customers see in their emails and on the booking pages."
      />
      <form ref={formRef} onSubmit={submit} noValidate className="settings-form">
        <section className="card" aria-labelledby="business-heading">
          <h2 id="business-heading">Business</h2>
          <Field label="Business name" error={errorFor(errors, 'businessName')}>
            {(props) => (
              <input
                {...props}
                type="text"
                maxLength={120}
                value={draft.businessName}
                onChange={(event) => change({ businessName: event.target.value })}
              />
            )}
          </Field>
          <Field
            label="Office notification email"
            hint="Told whenever a customer reschedules or cancels online. Leave empty for no notifications."
            error={errorFor(errors, 'notificationEmail')}
          >
            {(props) => (
              <input
                {...props}
                type="email"
                value={draft.notificationEmail}
                onChange={(event) => change({ notificationEmail: event.target.value })}
              />
            )}
          </Field>
          <p className="hint">
            Time zone: <strong>{saved.timezone}</strong>. Change it with the working hours under{' '}
            <Link href="/admin/availability">Availability</Link>.
          </p>
        </section>
        <section className="card" aria-labelledby="booking-heading">
          <h2 id="booking-heading">Booking</h2>
          <Field
            label="Start times every"
            hint="The grid of start times offered to customers, e.g. every 30 minutes: 9:00, 9:30, 10:00."
            error={errorFor(errors, 'slotIntervalMinutes')}
          >
            {(props) => (
              <select
                {...props}
                value={draft.slotIntervalMinutes}
                onChange={(event) => change({ slotIntervalMinutes: event.target.value })}
              >
                {[...new Set([...SLOT_INTERVALS, saved.slotIntervalMinutes])]
                  .sort((a, b) => a - b)
                  .map((minutes) => (
                    <option key={minutes} value={minutes}>
                      {minutes} minutes
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field
            label="Booking window (days)"
            hint="How far ahead customers may book or move a booking."
            error={errorFor(errors, 'bookingWindowDays')}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                min={1}
                max={730}
                className="input-short"
                value={draft.bookingWindowDays}
                onChange={(event) => change({ bookingWindowDays: event.target.value })}
              />
            )}
          </Field>
          <Field
            label="Send the reminder (hours before)"
            hint="The Booking Reminder email goes out this long before the appointment. 0 sends none."
            error={errorFor(errors, 'reminderLeadMinutes')}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                min={0}
                max={336}
                step="0.25"
                className="input-short"
                value={draft.reminderLeadHours}
                onChange={(event) => change({ reminderLeadHours: event.target.value })}
              />
            )}
          </Field>
        </section>
        <div className="form-footer">
          <button type="submit" className="button button-primary" disabled={save.kind === 'saving'}>
            {save.kind === 'saving' ? 'Saving…' : 'Save'}
          </button>
          <SaveFeedback state={save} />
        </div>
      </form>
    </>
  );
}
