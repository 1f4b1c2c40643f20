import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { calendarDateOf, formatDuration } from '../../src/shared/business-time';
import { ApiError } from '../shared/api-client';
import type { PortalBooking, Slot } from '../shared/api-types';
import { ModalDialog } from '../shared/modal-dialog';
import { formatWhen } from './booking-words';
import { errorMessage } from './error-words';
import { ChangeAttempt } from './idempotency-key';
import { SlotPicker } from './lazy-slot-picker';
import { rescheduleBooking } from './portal-api';
import { reloadBooking, rescheduleSlots, rescheduleSlotsWith } from './portal-queries';
import { REQUEST_WORDS } from './request-words';
import { BusyButton, Notice, OptionalText } from './ui-parts';

/** Failures worth simply trying again: nothing was decided about the booking. */
const isTransient = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.code === 'rate_limited';

type Step = 'pick' | 'review' | 'blocked';

/**
 * "Reschedule booking": choose a day and a time, check old → new, confirm. Every refusal is the server's
 * call; afterwards the booking is reloaded so the page and the dialog show what is true now.
 */
export function RescheduleDialog({
  booking,
  onClose,
  onRescheduled,
}: {
  booking: PortalBooking;
  onClose: () => void;
  onRescheduled: (updated: PortalBooking) => void;
}) {
  const [step, setStep] = useState<Step>('pick');
  const [picked, setPicked] = useState<Slot | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = useRef(new ChangeAttempt());
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const zone = booking.timezone;

  const client = useQueryClient();
  // Where the customer may choose with whom (the office's request, or the business allows it), times are per person.
  const choices = booking.staffChoices;
  const [staffId, setStaffId] = useState(
    choices.some((member) => member.id === booking.staffId)
      ? booking.staffId
      : (choices[0]?.id ?? booking.staffId),
  );
  const choosing = choices.length > 1;
  const staffName = choices.find((member) => member.id === staffId)?.name ?? booking.staff.name;
  const slots = choosing ? rescheduleSlotsWith(booking.id, staffId) : rescheduleSlots(booking.id);

  // Each step announces itself by taking focus, so keyboard and screen-reader users know where they are.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (step !== 'pick' || problem) stepHeading.current?.focus();
  }, [step]);

  const confirm = async () => {
    if (!picked || busy) return;
    const note = reason.trim();
    const body = {
      startsAt: picked.startsAt,
      ...(note && { reason: note }),
      ...(choosing && { staffId }),
    };
    const key = attempt.current.keyFor({ version: booking.version, ...body });
    setBusy(true);
    setProblem(null);
    try {
      onRescheduled(await rescheduleBooking(booking, body, key));
    } catch (error) {
      const message = errorMessage(error);
      if (isTransient(error)) {
        setProblem(message);
        return;
      }
      // Say what went wrong only once it is known where the customer can go from here.
      const fresh = await reloadBooking(client, booking.id);
      if (fresh?.status === 'confirmed' && fresh.actions.reschedule.allowed) {
        setProblem(message);
        setPicked(undefined);
        client.invalidateQueries({ queryKey: slots.key });
        setStep('pick');
      } else {
        setProblem(fresh?.actions.reschedule.message ?? message);
        setStep('blocked');
      }
    } finally {
      setBusy(false);
    }
  };

  const current = (
    <>
      Currently <strong>{formatWhen(booking.startsAt, zone)}</strong>
    </>
  );

  const footer =
    step === 'blocked' ? (
      <button type="button" className="button button-primary" onClick={onClose}>
        Close
      </button>
    ) : step === 'review' ? (
      <>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => {
            setProblem(null);
            setStep('pick');
          }}
        >
          Back
        </button>
        <BusyButton busy={busy} busyLabel="Rescheduling…" onClick={confirm}>
          Confirm reschedule
        </BusyButton>
      </>
    ) : undefined;

  return (
    <ModalDialog
      title="Reschedule booking"
      description={step === 'blocked' ? undefined : current}
      onClose={onClose}
      closable={!busy}
      footer={footer}
      wide
    >
      {step === 'blocked' && (
        <>
          <h3 className="step-heading" tabIndex={-1} ref={stepHeading}>
            This booking cannot be moved online
          </h3>
          <Notice tone="error">
            <p>{problem}</p>
          </Notice>
        </>
      )}
      {step === 'review' && picked && (
        <>
          <h3 className="step-heading" tabIndex={-1} ref={stepHeading}>
            Check your new time
          </h3>
          {problem && (
            <Notice tone="error" title="Your booking was not moved">
              <p>{problem}</p>
            </Notice>
          )}
          <div className="change-summary">
            <div className="change-row">
              <span className="change-label">From</span>
              <s className="change-time change-old">{formatWhen(booking.startsAt, zone)}</s>
            </div>
            <div className="change-row">
              <span className="change-label">To</span>
              <span className="change-time change-new">{formatWhen(picked.startsAt, zone)}</span>
            </div>
            <p className="change-meta">
              {booking.service.name}
              {staffName && ` ${REQUEST_WORDS.withStaff(staffName)}`} ·{' '}
              {formatDuration(booking.service.durationMinutes)}
            </p>
          </div>
          <OptionalText
            label="Reason for the change"
            value={reason}
            onChange={setReason}
            maxLength={500}
            disabled={busy}
          />
          <p className="muted small">We will email you a confirmation with the new time.</p>
        </>
      )}
      {/* Kept mounted while reviewing, so "Back" returns to the same month without asking the server again. */}
      <div hidden={step !== 'pick'}>
        <h3 className="visually-hidden" tabIndex={-1} ref={step === 'pick' ? stepHeading : undefined}>
          Choose a new day and time
        </h3>
        {problem && step === 'pick' && (
          <Notice tone="error" title="Please choose another time">
            <p>{problem}</p>
          </Notice>
        )}
        {choosing && (
          <fieldset className="staff-choice">
            <legend>{REQUEST_WORDS.staffLabel}</legend>
            <div className="button-row">
              {choices.map((member) => (
                <label key={member.id} className="time-slot time-radio">
                  <input
                    type="radio"
                    name="reschedule-staff"
                    value={member.id}
                    checked={member.id === staffId}
                    onChange={() => {
                      setStaffId(member.id);
                      setPicked(undefined);
                    }}
                  />
                  {member.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <SlotPicker
          key={staffId}
          source={slots}
          timeZone={zone}
          initialDay={calendarDateOf(booking.startsAt, zone)}
          currentStartsAt={staffId === booking.staffId ? booking.startsAt : undefined}
          pickedStartsAt={picked?.startsAt}
          onPick={(slot) => {
            setPicked(slot);
            setProblem(null);
            setStep('review');
          }}
        />
      </div>
    </ModalDialog>
  );
}
