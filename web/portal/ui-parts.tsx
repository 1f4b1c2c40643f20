import { type ReactNode, useEffect, useId } from 'react';
import { Link } from 'react-router';

export function Spinner({ label }: { label?: string }) {
  return (
    <span className="spinner" role={label ? 'status' : undefined}>
      <span className="spinner-ring" aria-hidden="true" />
      {label && <span className="visually-hidden">{label}</span>}
    </span>
  );
}

/** A grey block the size of what is coming, so the page does not jump when it arrives. */
export function Skeleton({ width, height = '1rem' }: { width?: string; height?: string }) {
  return <span className="skeleton" aria-hidden="true" style={{ width, height }} />;
}

type Tone = 'info' | 'success' | 'warning' | 'error';

/**
 * A message box. Errors are alerts (announced at once); the rest are polite status messages. `live` false for
 * text that is simply part of the page (an explanation present from the start is not news).
 */
export function Notice({
  tone,
  title,
  children,
  live = true,
  id,
}: {
  tone: Tone;
  title?: string;
  children?: ReactNode;
  live?: boolean;
  id?: string;
}) {
  const role = !live ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`notice notice-${tone}`} role={role} id={id}>
      <NoticeIcon tone={tone} />
      <div className="notice-body">
        {title && <p className="notice-title">{title}</p>}
        {children}
      </div>
    </div>
  );
}

function NoticeIcon({ tone }: { tone: Tone }) {
  const path =
    tone === 'success'
      ? 'M5 10.5l3.2 3.2L15 7'
      : tone === 'info'
        ? 'M10 9v5M10 6.2v.1'
        : 'M10 6v5M10 13.8v.1';
  return (
    <svg className="notice-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="9" />
      <path d={path} />
    </svg>
  );
}

/** A button that says it is working and refuses a second press meanwhile. */
export function BusyButton({
  busy,
  busyLabel,
  children,
  className = 'button button-primary',
  disabled,
  onClick,
  type = 'button',
}: {
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  onClick?: () => void;
  type?: 'button' | 'submit';
}) {
  return (
    <button type={type} className={className} disabled={busy || disabled} aria-busy={busy} onClick={onClick}>
      {busy ? (
        <>
          <span className="spinner-ring spinner-inline" aria-hidden="true" />
          {busyLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}

export function PageLoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="card card-padded">
      <Notice tone="error" title="This page could not be loaded">
        <p>{message}</p>
      </Notice>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}

/** A free-text field the customer may leave empty: a reason for a change, notes for the business. */
export function OptionalText({
  label,
  value,
  onChange,
  maxLength,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <span className="optional">(optional)</span>
      </label>
      <textarea
        id={id}
        rows={3}
        maxLength={maxLength}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** A page that only says where things stand and offers one way on (sign in, back to My bookings). */
export function MessagePage({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action: { to: string; label: string };
}) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className="narrow">
      <h1 className="page-title" tabIndex={-1}>
        {title}
      </h1>
      <div className="card card-padded">
        <p>{children}</p>
        <div className="button-row">
          <Link className="button button-primary" to={action.to}>
            {action.label}
          </Link>
        </div>
      </div>
    </div>
  );
}
