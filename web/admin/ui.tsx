import { Fragment, type ReactNode, useEffect, useId } from 'react';
import { Link } from 'react-router';
import type { BookingStatus, OutboxStatus } from '../shared/api-types';
import { useBusinessName } from './business-context';

export interface Crumb {
  label: string;
  href?: string;
}

/** The page's title, with the trail of where it sits (Settings › Customer Portal › Flags & Permissions). */
export function PageHeader({
  breadcrumb = [],
  title,
  description,
  actions,
}: {
  breadcrumb?: Crumb[];
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const businessName = useBusinessName();
  useEffect(() => {
    document.title = businessName ? `${title} · ${businessName} · Rebook admin` : `${title} · Rebook admin`;
  }, [title, businessName]);
  return (
    <header className="page-header">
      {breadcrumb.length > 0 && (
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <ol>
            {breadcrumb.map((crumb, index) => (
              <Fragment key={crumb.label}>
                <li>
                  {crumb.href ? <Link to={crumb.href}>{crumb.label}</Link> : <span>{crumb.label}</span>}
                </li>
                {index < breadcrumb.length - 1 && (
                  <li aria-hidden="true" className="breadcrumb-separator">
                    ›
                  </li>
                )}
              </Fragment>
            ))}
            <li aria-hidden="true" className="breadcrumb-separator">
              ›
            </li>
            <li>
              <span aria-current="page">{title}</span>
            </li>
          </ol>
        </nav>
      )}
      <div className="page-header-row">
        <div>
          <h1 tabIndex={-1}>{title}</h1>
          {description && <p className="page-description">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
    </header>
  );
}

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A labelled control with its hint and its error right beneath, both read out with the control. */
export function Field({
  label,
  hint,
  error,
  children,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: (props: FieldControlProps) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy && { 'aria-describedby': describedBy }),
        ...(error && { 'aria-invalid': true as const }),
      })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && <FieldError id={errorId} message={error} />}
    </div>
  );
}

/** Free text the office may leave empty: a booking's notes, why it was changed. */
export function OptionalTextField({
  label,
  hint,
  maxLength,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  maxLength: number;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <Field label={`${label} (optional)`} hint={hint}>
      {(props) => (
        <textarea
          {...props}
          rows={2}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** Why a booking was changed, kept in its history (the same limit as the API's reason). */
export const ReasonField = (props: { value: string; onChange(value: string): void }) => (
  <OptionalTextField label="Reason" hint="Kept in the booking’s history." maxLength={500} {...props} />
);

export function FieldError({ id, message }: { id?: string; message: string }) {
  return (
    <p className="field-error" id={id}>
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

export function Notice({
  tone,
  title,
  children,
}: {
  tone: 'error' | 'success' | 'warning' | 'info';
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string };

/** "Saving…", "Saved", or why not: announced politely next to the Save button. */
export function SaveFeedback({ state }: { state: SaveState }) {
  return (
    <span className={`save-feedback save-${state.kind}`} role="status" aria-live="polite">
      {state.kind === 'saving' && 'Saving…'}
      {state.kind === 'saved' && (
        <>
          <span aria-hidden="true">✓ </span>Saved
        </>
      )}
      {state.kind === 'failed' && state.message}
    </span>
  );
}

export function Switch({
  checked,
  onChange,
  labelledBy,
  describedBy,
  disabled,
}: {
  checked: boolean;
  onChange(checked: boolean): void;
  labelledBy: string;
  describedBy?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      className="switch"
      aria-checked={checked}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-state" aria-hidden="true">
        {checked ? 'On' : 'Off'}
      </span>
    </button>
  );
}

/** The one dialog of both apps (native <dialog>, focus kept inside and given back). */
export { ModalDialog as Modal } from '../shared/modal-dialog';

const BOOKING_STATUS_WORDS: Record<BookingStatus, string> = {
  confirmed: 'Confirmed',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return <span className={`badge badge-${status}`}>{BOOKING_STATUS_WORDS[status]}</span>;
}

const OUTBOX_STATUS_WORDS: Record<OutboxStatus, string> = {
  pending: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  return <span className={`badge badge-mail-${status}`}>{OUTBOX_STATUS_WORDS[status]}</span>;
}

/** "Edit" in a table row, read out with what it edits ("Edit Deep clean"). */
export function EditButton({ name, onClick }: { name: string; onClick(): void }) {
  return (
    <button type="button" className="button button-small" onClick={onClick} aria-label={`Edit ${name}`}>
      Edit
    </button>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}

/** A form dialog's footer: the way out, and the submit button of the form it names (busy while it saves). */
export function DialogButtons({
  form,
  cancel = 'Cancel',
  onCancel,
  submit,
  busy,
  busyLabel = 'Saving…',
  danger = false,
}: {
  form: string;
  cancel?: string;
  onCancel(): void;
  submit: string;
  busy: boolean;
  busyLabel?: string;
  danger?: boolean;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {cancel}
      </button>
      <button
        type="submit"
        form={form}
        className={`button ${danger ? 'button-danger' : 'button-primary'}`}
        disabled={busy}
      >
        {busy ? busyLabel : submit}
      </button>
    </>
  );
}

/** A form's submit button, busy while it saves, with what became of the last save beside it. */
export function SaveButton({
  state,
  label = 'Save',
  busyLabel = 'Saving…',
  primary = true,
}: {
  state: SaveState;
  label?: string;
  busyLabel?: string;
  primary?: boolean;
}) {
  return (
    <>
      <button
        type="submit"
        className={primary ? 'button button-primary' : 'button'}
        disabled={state.kind === 'saving'}
      >
        {state.kind === 'saving' ? busyLabel : label}
      </button>
      <SaveFeedback state={state} />
    </>
  );
}
