import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDuration } from '../../src/shared/business-time';
import { ApiError } from '../shared/api-client';
import type { OfferedService, Slot } from '../shared/api-types';
import type { BookingArrival } from './booking-view-page';
import { formatWhen } from './booking-words';
import { errorMessage, isApiError } from './error-words';
import { ChangeAttempt } from './idempotency-key';
import { SlotPicker } from './lazy-slot-picker';
import { scheduleAppointment } from './portal-api';
import { bookingPath, MY_BOOKINGS_PATH, SIGN_IN_PATH } from './portal-paths';
import { offeredServicesQuery, serviceSlots } from './portal-queries';
import { BusyButton, MessagePage, Notice, OptionalText, PageLoadError, Skeleton } from './ui-parts';

type Step = 'service' | 'time' | 'confirm';
const STEPS: Step[] = ['service', 'time', 'confirm'];
const STEP_LABEL: Record<Step, string> = { service: 'Service', time: 'Day & time', confirm: 'Confirm' };
const STEP_TITLE: Record<Step, string> = {
  service: 'Choose a service',
  time: 'Choose a day and time',
  confirm: 'Confirm your appointment',
};

/** "Schedule an appointment": service → day → time → confirm, then the new booking's own page. */
export function ScheduleAppointmentPage({ nearDay }: { nearDay: string | undefined }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const load = useQuery(offeredServicesQuery);
  const [step, setStep] = useState<Step>('service');
  const [service, setService] = useState<OfferedService | undefined>();
  const [slot, setSlot] = useState<Slot | undefined>();
  const [zone, setZone] = useState<string | undefined>();
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const changeAttempt = useRef(new ChangeAttempt());
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = 'Schedule an appointment';
  }, []);

  // With one service there is nothing to choose, but it stays on screen to say what is being booked.
  const only = load.data?.length === 1 ? load.data[0] : undefined;
  useEffect(() => {
    if (only) setService(only);
  }, [only]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step]);

  const confirm = async () => {
    if (!service || !slot || busy) return;
    const note = notes.trim();
    const body = { serviceId: service.id, startsAt: slot.startsAt, ...(note && { notes: note }) };
    setBusy(true);
    setProblem(null);
    try {
      const booking = await scheduleAppointment(body, changeAttempt.current.keyFor(body));
      const arrival: BookingArrival = {
        banner: {
          tone: 'success',
          title: 'Your appointment is booked',
          text: `See you on ${formatWhen(booking.startsAt, booking.timezone)}. A confirmation email is on its way.`,
        },
      };
      navigate(bookingPath(booking.id), { state: arrival });
    } catch (error) {
      setProblem(errorMessage(error));
      if (isApiError(error, 'slot_unavailable') || isApiError(error, 'minimum_notice')) {
        setSlot(undefined);
        client.invalidateQueries({ queryKey: ['slots'] });
        setStep('time');
      }
    } finally {
      setBusy(false);
    }
  };

  if (load.error instanceof ApiError && load.error.status === 401) {
    return (
      <MessagePage
        title="Schedule an appointment"
        action={{ to: SIGN_IN_PATH, label: 'Sign in with your email' }}
      >
        Sign in with your email address to book a new appointment.
      </MessagePage>
    );
  }

  const stepNumber = STEPS.indexOf(step) + 1;
  return (
    <>
      <Link className="back-link" to={MY_BOOKINGS_PATH}>
        <span aria-hidden="true">←</span> My bookings
      </Link>
      <div className="page-heading">
        <h1 className="page-title" tabIndex={-1}>
          Schedule an appointment
        </h1>
        <ol className="stepper" aria-label="Progress">
          {STEPS.map((each, index) => (
            <li
              key={each}
              className={`stepper-item${index + 1 < stepNumber ? ' done' : index + 1 === stepNumber ? ' current' : ''}`}
              aria-current={each === step ? 'step' : undefined}
            >
              <span className="stepper-dot" aria-hidden="true">
                {index + 1}
              </span>
              <span className="stepper-label">{STEP_LABEL[each]}</span>
            </li>
          ))}
        </ol>
      </div>

      {load.isError ? (
        <PageLoadError message={errorMessage(load.error)} onRetry={() => load.refetch()} />
      ) : (
        <section className="card card-padded" aria-labelledby="step-heading">
          <h2 id="step-heading" className="section-heading" tabIndex={-1} ref={stepHeading}>
            <span className="visually-hidden">
              Step {stepNumber} of {STEPS.length}:{' '}
            </span>
            {STEP_TITLE[step]}
          </h2>
          {problem && (
            <Notice tone="error" title={step === 'time' ? 'Please choose another time' : 'Not booked yet'}>
              <p>{problem}</p>
            </Notice>
          )}

          {step === 'service' &&
            (!load.data ? (
              <div className="choice-list">
                <Skeleton height="4rem" />
                <Skeleton height="4rem" />
              </div>
            ) : load.data.length === 0 ? (
              <p className="muted">
                There is nothing to book online at the moment. Please get in touch with us.
              </p>
            ) : (
              <fieldset className="choice-list">
                <legend className="visually-hidden">Service</legend>
                {load.data.map((each) => (
                  <label key={each.id} className="choice">
                    <input
                      type="radio"
                      name="service"
                      value={each.id}
                      checked={service?.id === each.id}
                      onChange={() => {
                        setService(each);
                        setSlot(undefined);
                      }}
                    />
                    <span className="choice-text">
                      <span className="choice-title">{each.name}</span>
                      <span className="choice-meta">{formatDuration(each.durationMinutes)}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            ))}

          {step === 'time' && service && (
            <>
              <p className="muted">
                {service.name} · {formatDuration(service.durationMinutes)}
              </p>
              <SlotPicker
                source={serviceSlots(service.id)}
                timeZone={zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
                initialDay={nearDay}
                pickedStartsAt={slot?.startsAt}
                onPick={(picked, pickedZone) => {
                  setZone(pickedZone);
                  setSlot(picked);
                  setProblem(null);
                  setStep('confirm');
                }}
              />
            </>
          )}

          {step === 'confirm' && service && slot && (
            <>
              <dl className="summary">
                <div>
                  <dt>Service</dt>
                  <dd>
                    {service.name} ({formatDuration(service.durationMinutes)})
                  </dd>
                </div>
                <div>
                  <dt>When</dt>
                  <dd>{formatWhen(slot.startsAt, zone ?? 'UTC')}</dd>
                </div>
              </dl>
              <OptionalText
                label="Notes for us"
                value={notes}
                onChange={setNotes}
                maxLength={2000}
                disabled={busy}
              />
            </>
          )}

          <div className="button-row step-actions">
            {step !== 'service' && (
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => {
                  setProblem(null);
                  setStep(step === 'confirm' ? 'time' : 'service');
                }}
              >
                Back
              </button>
            )}
            {step === 'service' && (
              <button
                type="button"
                className="button button-primary"
                disabled={!service}
                onClick={() => {
                  setProblem(null);
                  setStep('time');
                }}
              >
                Continue
              </button>
            )}
            {step === 'confirm' && (
              <BusyButton busy={busy} busyLabel="Booking…" onClick={confirm}>
                Confirm booking
              </BusyButton>
            )}
          </div>
        </section>
      )}
    </>
  );
}
