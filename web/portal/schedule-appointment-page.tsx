import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../shared/api-client';
import type { OfferedService, Slot } from '../shared/api-types';
import type { BookingArrival } from './booking-view-page';
import { usePortalSite } from './bootstrap';
import { errorMessage, isApiError } from './error-words';
import { ChangeAttempt } from './idempotency-key';
import { SlotPicker } from './lazy-slot-picker';
import { scheduleAppointment } from './portal-api';
import { bookingPath, MY_BOOKINGS_PATH, SIGN_IN_PATH } from './portal-paths';
import { offeredServicesQuery, serviceSlots } from './portal-queries';
import { usePortalWords } from './portal-words';
import {
  BusyButton,
  CallUs,
  MessagePage,
  Notice,
  OptionalText,
  PageLoadError,
  Skeleton,
  usePageTitle,
} from './ui-parts';

type Step = 'service' | 'time' | 'confirm';
const STEPS: Step[] = ['service', 'time', 'confirm'];
const STEP_LABEL = {
  service: 'schedule.stepService',
  time: 'schedule.stepTime',
  confirm: 'schedule.stepConfirm',
} as const;
const STEP_TITLE = {
  service: 'schedule.titleService',
  time: 'schedule.titleTime',
  confirm: 'schedule.titleConfirm',
} as const;

/** "Schedule an appointment": service → day → time → confirm, then the new booking's own page. */
export function ScheduleAppointmentPage({ nearDay }: { nearDay: string | undefined }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const words = usePortalWords();
  const { t } = words;
  // Without a sign-in or a booking link the services can only answer 401: not asked.
  const { mayBook, addLinkedBooking } = usePortalSite();
  const load = useQuery({ ...offeredServicesQuery, enabled: mayBook });
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

  usePageTitle(t('schedule.title'));

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
      // Its answer came with this browser's cookie for the new booking (or the customer is signed in).
      addLinkedBooking(booking.id);
      const arrival: BookingArrival = {
        banner: {
          tone: 'success',
          title: t('schedule.bookedTitle'),
          text: t('schedule.bookedText', { when: words.when(booking.startsAt, booking.timezone) }),
        },
      };
      navigate(bookingPath(booking.id), { state: arrival });
    } catch (error) {
      setProblem(errorMessage(error, words));
      if (isApiError(error, 'slot_unavailable') || isApiError(error, 'minimum_notice')) {
        setSlot(undefined);
        client.invalidateQueries({ queryKey: ['slots'] });
        setStep('time');
      }
    } finally {
      setBusy(false);
    }
  };

  if (!mayBook || (load.error instanceof ApiError && load.error.status === 401)) {
    return (
      <MessagePage
        title={t('schedule.title')}
        action={{ to: SIGN_IN_PATH, label: t('common.signInWithEmail') }}
      >
        {t('schedule.signInText')}
      </MessagePage>
    );
  }

  const stepNumber = STEPS.indexOf(step) + 1;
  return (
    <>
      <Link className="back-link" to={MY_BOOKINGS_PATH}>
        <span aria-hidden="true">←</span> {t('common.myBookings')}
      </Link>
      <div className="page-heading">
        <h1 className="page-title" tabIndex={-1}>
          {t('schedule.title')}
        </h1>
        <ol className="stepper" aria-label={t('schedule.progress')}>
          {STEPS.map((each, index) => (
            <li
              key={each}
              className={`stepper-item${index + 1 < stepNumber ? ' done' : index + 1 === stepNumber ? ' current' : ''}`}
              aria-current={each === step ? 'step' : undefined}
            >
              <span className="stepper-dot" aria-hidden="true">
                {index + 1}
              </span>
              <span className="stepper-label">{t(STEP_LABEL[each])}</span>
            </li>
          ))}
        </ol>
      </div>

      {load.isError ? (
        <PageLoadError message={errorMessage(load.error, words)} onRetry={() => load.refetch()} />
      ) : (
        <section className="card card-padded" aria-labelledby="step-heading">
          <h2 id="step-heading" className="section-heading" tabIndex={-1} ref={stepHeading}>
            <span className="visually-hidden">
              {t('schedule.stepOf', { step: stepNumber, count: STEPS.length })}{' '}
            </span>
            {t(STEP_TITLE[step])}
          </h2>
          {problem && (
            <Notice
              tone="error"
              title={step === 'time' ? t('reschedule.chooseAnother') : t('schedule.notBooked')}
            >
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
              <>
                <p className="muted">{t('schedule.nothingToBook')}</p>
                <CallUs />
              </>
            ) : (
              <fieldset className="choice-list">
                <legend className="visually-hidden">{t('schedule.service')}</legend>
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
                      <span className="choice-meta">{words.duration(each.durationMinutes)}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            ))}

          {step === 'time' && service && (
            <>
              <p className="muted">
                {service.name} · {words.duration(service.durationMinutes)}
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
                  <dt>{t('schedule.service')}</dt>
                  <dd>
                    {service.name} ({words.duration(service.durationMinutes)})
                  </dd>
                </div>
                <div>
                  <dt>{t('schedule.when')}</dt>
                  <dd>{words.when(slot.startsAt, zone ?? 'UTC')}</dd>
                </div>
              </dl>
              <OptionalText
                label={t('schedule.notes')}
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
                {t('common.back')}
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
                {t('schedule.continue')}
              </button>
            )}
            {step === 'confirm' && (
              <BusyButton busy={busy} busyLabel={t('schedule.busy')} onClick={confirm}>
                {t('schedule.confirm')}
              </BusyButton>
            )}
          </div>
        </section>
      )}
    </>
  );
}
