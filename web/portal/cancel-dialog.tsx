import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../shared/api-client';
import type { PortalBooking } from '../shared/api-types';
import { ModalDialog } from '../shared/modal-dialog';
import { errorMessage } from './error-words';
import { cancelBooking } from './portal-api';
import { reloadBooking } from './portal-queries';
import { usePortalWords } from './portal-words';
import { marks, RichText } from './rich-text';
import { BusyButton, CallUs, Notice, OptionalText } from './ui-parts';

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
  const words = usePortalWords();
  const { t } = words;
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
      setProblem(errorMessage(error, words, booking));
      const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
      if (!transient) {
        const fresh = await reloadBooking(client, booking.id);
        if (!fresh?.actions.cancel.allowed) {
          const why = fresh && words.refusal(fresh.actions.cancel.code, fresh.actions.cancel.message, fresh);
          if (why) setProblem(why);
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
      title={t('cancel.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      closable={!busy}
      footer={
        blocked ? (
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('common.close')}
          </button>
        ) : (
          <>
            <button type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
              {t('cancel.keep')}
            </button>
            <BusyButton
              busy={busy}
              busyLabel={t('cancel.busy')}
              className="button button-danger"
              onClick={confirm}
            >
              {t('cancel.confirm')}
            </BusyButton>
          </>
        )
      }
    >
      <p>
        <RichText
          text={t(
            booking.staff.name ? 'cancel.questionWith' : 'cancel.question',
            marks(['service', 'staff', 'when']),
          )}
          values={{
            service: booking.service.name,
            staff: booking.staff.name,
            when: words.when(booking.startsAt, booking.timezone),
          }}
          tags={{ strong: (children) => <strong>{children}</strong> }}
        />
      </p>
      <div ref={problemRef} tabIndex={-1} className="focus-target">
        {problem && (
          <Notice tone="error" title={t('cancel.notCancelled')}>
            <p>{problem}</p>
            {blocked && <CallUs />}
          </Notice>
        )}
      </div>
      {!blocked && (
        <>
          <OptionalText
            label={t('cancel.reason')}
            value={reason}
            onChange={setReason}
            maxLength={500}
            disabled={busy}
          />
          <p className="muted small">{t('cancel.note')}</p>
        </>
      )}
    </ModalDialog>
  );
}
