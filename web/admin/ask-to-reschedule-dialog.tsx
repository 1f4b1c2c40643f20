import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatNumericDate } from '../../src/shared/business-time';
import { addDays, instantAt } from '../../src/shared/calendar-dates';
import { dataOf } from '../shared/api-client';
import { adminApi, problemMessage } from './admin-api';
import { useBusiness } from './business-context';
import { DateInput, TimeInput } from './locale-inputs';
import { DialogButtons, Field, Modal, Notice, OptionalTextField } from './ui';

type Answer = Awaited<ReturnType<typeof askOne>>;
const askOne = (bookingId: string, body: { message?: string; respondBy?: string; staffIds?: string[] }) =>
  dataOf(
    adminApi.POST('/api/v1/bookings/{id}/reschedule-request', { params: { path: { id: bookingId } }, body }),
  );

function MessageAndRespondBy({
  message,
  onMessage,
  respondDate,
  onRespondDate,
  respondTime,
  onRespondTime,
}: {
  message: string;
  onMessage(value: string): void;
  respondDate: string;
  onRespondDate(value: string): void;
  respondTime: string;
  onRespondTime(value: string): void;
}) {
  return (
    <>
      <OptionalTextField
        label="Message to the customer"
        hint="Shown in the email and on their booking page, e.g. why the time must change."
        maxLength={1000}
        value={message}
        onChange={onMessage}
      />
      <div className="field-row">
        <Field label="Answer by (optional)" hint="Without it: 48 hours, never after the appointment starts.">
          {(props) => <DateInput {...props} value={respondDate} onChange={onRespondDate} />}
        </Field>
        <Field label="At">
          {(props) => <TimeInput {...props} value={respondTime} onChange={onRespondTime} />}
        </Field>
      </div>
    </>
  );
}

/** **Ask customer to reschedule** from Booking Details: the booking stays until the customer picks a time. */
export function AskCustomerDialog({
  bookingId,
  staffId,
  serviceId,
  onClose,
  onAsked,
}: {
  bookingId: string;
  staffId: string;
  serviceId: string;
  onClose(): void;
  onAsked(answer: Answer): void;
}) {
  const { settings, staff } = useBusiness();
  const performers = staff.filter((member) => member.serviceIds.includes(serviceId));
  const [message, setMessage] = useState('');
  const [respondDate, setRespondDate] = useState('');
  const [respondTime, setRespondTime] = useState('12:00');
  const [staffIds, setStaffIds] = useState<string[]>(
    settings.customerPortal.allowStaffChange ? performers.map((member) => member.id) : [staffId],
  );
  const client = useQueryClient();
  const ask = useMutation({
    mutationFn: () =>
      askOne(bookingId, {
        ...(message.trim() && { message: message.trim() }),
        ...(respondDate && { respondBy: instantAt(respondDate, respondTime || '12:00', settings.timezone) }),
        staffIds,
      }),
    onSuccess: (answer) => {
      client.invalidateQueries({ queryKey: ['reschedule-requests'] });
      client.invalidateQueries({ queryKey: ['bookings'] });
      client.invalidateQueries({ queryKey: ['outbox'] });
      onAsked(answer);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  return (
    <Modal
      title="Ask customer to reschedule"
      onClose={onClose}
      footer={
        <DialogButtons
          form="ask-form"
          onCancel={onClose}
          submit="Ask customer to reschedule"
          busy={ask.isPending}
          busyLabel="Asking…"
        />
      }
    >
      <form id="ask-form" onSubmit={submit} noValidate>
        {ask.isError && <Notice tone="error">{problemMessage(ask.error)}</Notice>}
        <p>
          The customer is emailed up to three free times, each one tap to confirm, and a link to all other
          times. The booking keeps its time until they choose.
        </p>
        <MessageAndRespondBy
          message={message}
          onMessage={setMessage}
          respondDate={respondDate}
          onRespondDate={setRespondDate}
          respondTime={respondTime}
          onRespondTime={setRespondTime}
        />
        {performers.length > 1 && (
          <fieldset className="field">
            <legend>May move to</legend>
            {performers.map((member) => (
              <label key={member.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={staffIds.includes(member.id)}
                  onChange={(e) =>
                    setStaffIds((current) =>
                      e.target.checked ? [...current, member.id] : current.filter((id) => id !== member.id),
                    )
                  }
                />{' '}
                {member.name}
              </label>
            ))}
          </fieldset>
        )}
      </form>
    </Modal>
  );
}

/** The later of two calendar dates (YYYY-MM-DD sorts as it reads). */
const lastOf = (a: string, b: string) => (b < a ? a : b);

type BulkAnswer = Awaited<ReturnType<typeof askMany>>;
const askMany = (body: { staffId: string; from: string; to: string; message?: string; respondBy?: string }) =>
  dataOf(adminApi.POST('/api/v1/reschedule-requests', { body }));

/**
 * **Ask customers to reschedule** from the bookings calendar: every confirmed booking of a staff member in a
 * date range gets a request; no suggested time falls inside the range.
 */
export function AskCustomersDialog({
  initialDate,
  initialStaffId,
  onClose,
  onAsked,
}: {
  initialDate: string;
  initialStaffId: string | undefined;
  onClose(): void;
  onAsked(answer: BulkAnswer): void;
}) {
  const { settings, staff } = useBusiness();
  const [staffId, setStaffId] = useState(initialStaffId ?? staff[0]?.id ?? '');
  const [from, setFrom] = useState(initialDate);
  const [to, setTo] = useState(initialDate);
  const [message, setMessage] = useState('');
  const [respondDate, setRespondDate] = useState('');
  const [respondTime, setRespondTime] = useState('12:00');
  const client = useQueryClient();
  const zone = settings.timezone;
  const ask = useMutation({
    mutationFn: () =>
      askMany({
        staffId,
        from: instantAt(from, '00:00', zone),
        // The last day counts whole: up to the next midnight.
        to: instantAt(addDays(lastOf(from, to), 1), '00:00', zone),
        ...(message.trim() && { message: message.trim() }),
        ...(respondDate && { respondBy: instantAt(respondDate, respondTime || '12:00', zone) }),
      }),
    onSuccess: (answer) => {
      client.invalidateQueries({ queryKey: ['reschedule-requests'] });
      client.invalidateQueries({ queryKey: ['bookings'] });
      client.invalidateQueries({ queryKey: ['outbox'] });
      onAsked(answer);
    },
  });
  // A date field whose text names no date holds "": say so on the field instead of sending nothing.
  const [checked, setChecked] = useState(false);
  const missingDate = `Enter a date, e.g. ${formatNumericDate(initialDate, settings.locale)}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (from && to) ask.mutate();
  };
  return (
    <Modal
      title="Ask customers to reschedule"
      onClose={onClose}
      footer={
        <DialogButtons
          form="ask-many-form"
          onCancel={onClose}
          submit="Ask customers to reschedule"
          busy={ask.isPending}
          busyLabel="Asking…"
        />
      }
    >
      <form id="ask-many-form" onSubmit={submit} noValidate>
        {ask.isError && <Notice tone="error">{problemMessage(ask.error)}</Notice>}
        <p>
          Every confirmed booking of this staff member in these days is kept while its customer is emailed
          free times outside them to choose from.
        </p>
        <Field label="Staff member">
          {(props) => (
            <select {...props} value={staffId} onChange={(e) => setStaffId(e.target.value)}>
              {staff.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field-row">
          <Field label="From" error={checked && !from ? missingDate : undefined}>
            {(props) => <DateInput {...props} value={from} onChange={setFrom} />}
          </Field>
          <Field label="To (included)" error={checked && !to ? missingDate : undefined}>
            {(props) => <DateInput {...props} value={to} onChange={setTo} />}
          </Field>
        </div>
        <MessageAndRespondBy
          message={message}
          onMessage={setMessage}
          respondDate={respondDate}
          onRespondDate={setRespondDate}
          respondTime={respondTime}
          onRespondTime={setRespondTime}
        />
      </form>
    </Modal>
  );
}
