import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../shared/api-client';
import type { PortalBooking } from '../shared/api-types';
import { ModalDialog } from '../shared/modal-dialog';
import { formatWhen } from './booking-words';
import { errorMessage } from './error-words';
import { cancelBooking } from './portal-api';
import { reloadBooking } from './portal-queries';
import { BusyButton, Notice, OptionalText } from './ui-parts';

/** "Cancel booking", asked once more before it happens: it cannot be undone online. */
export function CancelDialog({
  booking,
  onClose,
  onCancelled,
}: {
  booking: PortalBooking;
  onClose: () => void;
  onCancelled: (updated: PortalBooking) => void;
}) {
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [blocked, setBlocked] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const note = reason.trim();
    try {
      onCancelled(await cancelBooking(booking, note ? { reason: note } : {}));
    } catch (error) {
      setProblem(errorMessage(error));
      const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
      if (!transient) {
        const fresh = await reloadBooking(client, booking.id);
        if (!fresh?.actions.cancel.allowed) {
          if (fresh?.actions.cancel.message) setProblem(fresh.actions.cancel.message);
          setBlocked(true);
        }
      }
      problemRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title="Cancel booking"
      onClose={onClose}
      closable={!busy}
      footer={
        blocked ? (
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
              Keep booking
            </button>
            <BusyButton
              busy={busy}
              busyLabel="Cancelling…"
              className="button button-danger"
              onClick={confirm}
            >
              Yes, cancel booking
            </BusyButton>
          </>
        )
      }
    >
      <p>
        Cancel your {booking.service.name}
        {booking.staff.name && ` with ${booking.staff.name}`} on{' '}
        <strong>{formatWhen(booking.startsAt, booking.timezone)}</strong>?
      </p>
      <div ref={problemRef} tabIndex={-1} className="focus-target">
        {problem && (
          <Notice tone="error" title="Your booking was not cancelled">
            <p>{problem}</p>
          </Notice>
        )}
      </div>
      {!blocked && (
        <>
          <OptionalText label="Reason" value={reason} onChange={setReason} maxLength={500} disabled={busy} />
          <p className="muted small">This cannot be undone online. We will email you to confirm.</p>
        </>
      )}
    </ModalDialog>
  );
}
