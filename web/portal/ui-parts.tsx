import { type ReactNode, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePortalSite } from './bootstrap';
import { marks, RichText } from './rich-text';

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
  const { t } = useTranslation();
  return (
    <div className="card card-padded">
      <Notice tone="error" title={t('common.loadFailed')}>
        <p>{message}</p>
      </Notice>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.tryAgain')}
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
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <span className="optional">{t('common.optional')}</span>
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

/** `<title>`: the page's own name, then the business's ("Your booking · Bright Side Cleaning"). */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const { businessName } = usePortalSite();
  useEffect(() => {
    document.title = businessName ? t('app.pageTitle', { page, business: businessName }) : page;
  }, [page, businessName, t]);
}

/**
 * "Call us on 555-0100" with the number as a tel: link, where the business has given one: said beside every
 * refusal that tells the customer to get in touch.
 */
export function CallUs() {
  const { contactPhone } = usePortalSite();
  const { t } = useTranslation();
  if (!contactPhone) return null;
  return (
    <p className="call-us">
      <RichText
        text={t('common.callUs', marks(['phone']))}
        values={{ phone: contactPhone }}
        tags={{ tel: (children) => <a href={`tel:${contactPhone.replace(/[^\d+]/g, '')}`}>{children}</a> }}
      />
    </p>
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
  usePageTitle(title);
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
