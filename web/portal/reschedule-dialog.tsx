import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { calendarDateOf, formatClockWithZone, formatDate } from '../../src/shared/business-time';
import { ApiError } from '../shared/api-client';
import type { PortalBooking, Slot } from '../shared/api-types';
import { ModalDialog } from '../shared/modal-dialog';
import { differentClock } from './booking-words';
import { errorMessage } from './error-words';
import { ChangeAttempt } from './idempotency-key';
import { SlotPicker } from './lazy-slot-picker';
import { rescheduleBooking } from './portal-api';
import { reloadBooking, rescheduleSlots, rescheduleSlotsWith } from './portal-queries';
import { usePortalWords } from './portal-words';
import { marks, RichText } from './rich-text';
import { BusyButton, CallUs, Notice, OptionalText } from './ui-parts';

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
  const words = usePortalWords();
  const { t, locale } = words;
  const customerZone = booking.customerTimezone;
  /** The time on the customer's own clock, where that reads differently from the business's. */
  const theirClock = (iso: string) =>
    customerZone && differentClock(iso, zone, customerZone)
      ? `${formatDate(iso, customerZone, locale)}, ${formatClockWithZone(iso, customerZone, locale)}`
      : undefined;
  /** The time as the business writes it, then on the customer's clock. */
  const whenBoth = (iso: string) => {
    const theirs = theirClock(iso);
    const ours = words.when(iso, zone);
    return theirs ? `${ours} (${t('reschedule.yourTime', { time: theirs })})` : ours;
  };

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
      const message = errorMessage(error, words, booking);
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
        const why =
          fresh && words.refusal(fresh.actions.reschedule.code, fresh.actions.reschedule.message, fresh);
        setProblem(why ?? message);
        setStep('blocked');
      }
    } finally {
      setBusy(false);
    }
  };

  const theirsNow = theirClock(booking.startsAt);
  const current = (
    <>
      <RichText
        text={t('reschedule.current', marks(['when']))}
        values={{ when: words.when(booking.startsAt, zone) }}
        tags={{ strong: (children) => <strong>{children}</strong> }}
      />
      {theirsNow && (
        <span className="modal-description-theirs">{t('reschedule.yourTime', { time: theirsNow })}</span>
      )}
    </>
  );

  const footer =
    step === 'blocked' ? (
      <button type="button" className="button button-primary" onClick={onClose}>
        {t('common.close')}
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
          {t('common.back')}
        </button>
        <BusyButton busy={busy} busyLabel={t('reschedule.busy')} onClick={confirm}>
          {t('reschedule.confirm')}
        </BusyButton>
      </>
    ) : undefined;

  return (
    <ModalDialog
      title={t('reschedule.title')}
      closeLabel={t('common.close')}
      description={step === 'blocked' ? undefined : current}
      onClose={onClose}
      closable={!busy}
      footer={footer}
      wide
    >
      {step === 'blocked' && (
        <>
          <h3 className="step-heading" tabIndex={-1} ref={stepHeading}>
            {t('reschedule.blockedHeading')}
          </h3>
          <Notice tone="error">
            <p>{problem}</p>
            <CallUs />
          </Notice>
        </>
      )}
      {step === 'review' && picked && (
        <>
          <h3 className="step-heading" tabIndex={-1} ref={stepHeading}>
            {t('reschedule.reviewHeading')}
          </h3>
          {problem && (
            <Notice tone="error" title={t('reschedule.notMoved')}>
              <p>{problem}</p>
            </Notice>
          )}
          <div className="change-summary">
            <div className="change-row">
              <span className="change-label">{t('reschedule.from')}</span>
              <s className="change-time change-old">{whenBoth(booking.startsAt)}</s>
            </div>
            <div className="change-row">
              <span className="change-label">{t('reschedule.to')}</span>
              <span className="change-time change-new" data-testid="new-time">
                {whenBoth(picked.startsAt)}
              </span>
            </div>
            <p className="change-meta">
              {staffName
                ? t('reschedule.serviceWith', { service: booking.service.name, staff: staffName })
                : booking.service.name}{' '}
              · {words.duration(booking.service.durationMinutes)}
            </p>
          </div>
          <OptionalText
            label={t('reschedule.reason')}
            value={reason}
            onChange={setReason}
            maxLength={500}
            disabled={busy}
          />
          <p className="muted small">{t('reschedule.emailNote')}</p>
        </>
      )}
      {/* Kept mounted while reviewing, so "Back" returns to the same month without asking the server again. */}
      <div hidden={step !== 'pick'}>
        <h3 className="visually-hidden" tabIndex={-1} ref={step === 'pick' ? stepHeading : undefined}>
          {t('reschedule.pickHeading')}
        </h3>
        {problem && step === 'pick' && (
          <Notice tone="error" title={t('reschedule.chooseAnother')}>
            <p>{problem}</p>
          </Notice>
        )}
        {choosing && (
          <fieldset className="staff-choice">
            <legend>{t('booking.with')}</legend>
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
          customerZone={customerZone}
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
