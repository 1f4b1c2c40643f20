import { type ReactNode, useEffect, useId, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Pins the page where it is while a dialog is open: overflow hidden alone does not stop phones (iOS Safari)
 * scrolling the page behind, and the page must come back at the same place when the dialog closes.
 */
function lockPageScroll(): () => void {
  const body = document.body;
  const root = document.documentElement;
  const scrollY = window.scrollY;
  const before = body.getAttribute('style');
  root.classList.add('has-modal');
  body.style.position = 'fixed';
  body.style.top = `-${scrollY}px`;
  body.style.left = '0';
  body.style.right = '0';
  body.style.bottom = '0';
  body.style.overflow = 'hidden';
  return () => {
    root.classList.remove('has-modal');
    if (before === null) body.removeAttribute('style');
    else body.setAttribute('style', before);
    window.scrollTo(0, scrollY);
  };
}

/**
 * A modal on the native <dialog>: showModal() makes the page behind it inert. Tab is also wrapped by hand,
 * because the browser would otherwise let focus leave the dialog for its own toolbar. Escape asks the owner
 * to close (so a dialog that is busy saving can refuse), and focus goes back to whatever opened it.
 */
export function ModalDialog({
  title,
  description,
  onClose,
  closable = true,
  children,
  footer,
  wide = false,
  closeLabel = 'Close',
}: {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  closable?: boolean;
  children: ReactNode;
  footer?: ReactNode;
  /** Room for a calendar beside its times on a wide screen. */
  wide?: boolean;
  /** The close button's name, in the page's language. */
  closeLabel?: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef({ onClose, closable });
  closeRef.current = { onClose, closable };

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const unlock = lockPageScroll();
    if (!dialog.open) dialog.showModal();
    dialog.focus();
    return () => {
      if (dialog.open) dialog.close();
      unlock();
      if (opener?.isConnected) opener.focus();
      else document.querySelector<HTMLElement>('h1')?.focus();
    };
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (closeRef.current.closable) closeRef.current.onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Tab order only: roving-tabindex widgets (the calendar's days) keep all but one square at -1.
    const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => element.tabIndex >= 0 && element.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className={wide ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="modal-header">
        <div>
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {description && <div className="modal-description">{description}</div>}
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          disabled={!closable}
          aria-label={closeLabel}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M5 5l10 10M15 5L5 15" />
          </svg>
        </button>
      </div>
      <div className="modal-body">{children}</div>
      {footer && <div className="modal-footer">{footer}</div>}
    </dialog>
  );
}
