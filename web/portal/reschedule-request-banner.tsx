import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../shared/api-client';
import type { PortalBooking } from '../shared/api-types';
import { errorMessage } from './error-words';
import { ChangeAttempt } from './idempotency-key';
import { declineRescheduleRequest, rescheduleBooking } from './portal-api';
import { reloadBooking } from './portal-queries';
import { usePortalWords } from './portal-words';
import { useRequestWords } from './request-words';
import { BusyButton, Notice, OptionalText } from './ui-parts';

type Request = NonNullable<PortalBooking['rescheduleRequest']>;
type Suggestion = Request['suggestedTimes'][number];

/**
 * The office's pending request: its message and the suggested times, each one tap from **Confirm
 * reschedule**; **See all times** opens the Reschedule dialog; **None of these work** declines with a note.
 * `ready` is the time an email link chose (`?startsAt=`), shown first and ready to confirm.
 */
export function RescheduleRequestBanner({
  booking,
  ready,
  onRescheduled,
  onDeclined,
  onAllTimes,
}: {
  booking: PortalBooking;
  ready: string | null;
  onRescheduled: (updated: PortalBooking) => void;
  onDeclined: () => void;
  onAllTimes: () => void;
}) {
  const request = booking.rescheduleRequest as Request;
  const zone = booking.timezone;
  const client = useQueryClient();
  const words = usePortalWords();
  const formatWhen = words.when;
  const W = useRequestWords();
  const [busyAt, setBusyAt] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ title: string; text: string } | null>(null);
  const [declining, setDeclining] = useState(false);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const attempt = useRef(new ChangeAttempt());

  const readySuggestion = ready ? request.suggestedTimes.find((time) => time.startsAt === ready) : undefined;
  const readyTime: Suggestion | undefined =
    readySuggestion ??
    (ready && !Number.isNaN(Date.parse(ready))
      ? { startsAt: new Date(Date.parse(ready)).toISOString(), endsAt: '', staffId: '', staff: { name: '' } }
      : undefined);

  const confirm = async (time: Suggestion) => {
    if (busyAt) return;
    const body = { startsAt: time.startsAt, ...(time.staffId && { staffId: time.staffId }) };
    setBusyAt(time.startsAt);
    setProblem(null);
    try {
      onRescheduled(
        await rescheduleBooking(booking, body, attempt.current.keyFor({ version: booking.version, ...body })),
      );
    } catch (error) {
      // Taken meanwhile: the request now has fresh suggestions; reload shows them.
      await reloadBooking(client, booking.id);
      setProblem(
        error instanceof ApiError && error.code === 'slot_unavailable'
          ? { title: W.takenTitle, text: W.takenText }
          : { title: W.takenTitle, text: errorMessage(error, words, booking) },
      );
    } finally {
      setBusyAt(null);
    }
  };

  const decline = async () => {
    if (sending) return;
    setSending(true);
    setProblem(null);
    try {
      const message = note.trim();
      await declineRescheduleRequest(booking.id, message ? { message } : {});
      onDeclined();
    } catch (error) {
      setProblem({ title: W.declineTitle, text: errorMessage(error, words, booking) });
    } finally {
      setSending(false);
    }
  };

  const timeRow = (time: Suggestion, primary: boolean) => (
    <li key={`${time.startsAt}-${time.staffId}`} className="request-time">
      <span className="request-time-when">
        <strong>{formatWhen(time.startsAt, zone)}</strong>
        {time.staff.name && <span className="muted"> {W.withStaff(time.staff.name)}</span>}
      </span>
      <BusyButton
        busy={busyAt === time.startsAt}
        busyLabel={W.confirming}
        disabled={busyAt !== null && busyAt !== time.startsAt}
        className={primary ? 'button button-primary' : 'button button-secondary'}
        onClick={() => confirm(time)}
      >
        {W.confirm}
      </BusyButton>
    </li>
  );

  return (
    <section
      className="card card-padded request-banner"
      aria-labelledby="request-heading"
      data-testid="request-banner"
    >
      <h2 id="request-heading" className="section-heading">
        {readyTime ? W.readyTitle : W.bannerTitle}
      </h2>
      {problem && (
        <Notice tone="error" title={problem.title}>
          <p>{problem.text}</p>
        </Notice>
      )}
      {readyTime && !problem && (
        <>
          <ul className="request-times">{timeRow(readyTime, true)}</ul>
          <p className="muted small">{W.readyText(formatWhen(booking.startsAt, zone))}</p>
        </>
      )}
      <p>{W.bannerIntro}</p>
      {request.message && <p className="request-message">{request.message}</p>}
      <p className="muted small">{W.respondBy(formatWhen(request.respondBy, zone))}</p>
      {request.suggestedTimes.length > 0 && (
        <>
          <h3 className="step-heading">{W.suggestionsHeading}</h3>
          <ul className="request-times">
            {request.suggestedTimes
              .filter((time) => !(readyTime && !problem && time.startsAt === readyTime.startsAt))
              .map((time) => timeRow(time, !readyTime))}
          </ul>
        </>
      )}
      {declining ? (
        <div className="request-decline">
          <OptionalText
            label={W.declineNote}
            value={note}
            onChange={setNote}
            maxLength={1000}
            disabled={sending}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              disabled={sending}
              onClick={() => setDeclining(false)}
            >
              {W.declineCancel}
            </button>
            <BusyButton busy={sending} busyLabel={W.declineSending} onClick={decline}>
              {W.declineSend}
            </BusyButton>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={onAllTimes}>
            {W.allTimes}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setDeclining(true)}>
            {W.noneWork}
          </button>
        </div>
      )}
    </section>
  );
}
