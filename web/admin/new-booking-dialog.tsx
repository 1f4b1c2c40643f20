import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { dataOf } from '../shared/api-client';
import type { BookingDetails, NewBooking } from '../shared/api-types';
import { ApiError, adminApi, fieldErrors, problemMessage } from './admin-api';
import { customersQuery } from './admin-queries';
import { BookingTimeField, chosenStart, type TimeChoice } from './booking-time-field';
import { useBusiness } from './business-context';
import { DialogButtons, Field, Modal, Notice, OptionalTextField } from './ui';

/** A booking taken by the office (on the phone, at the counter); the customer gets the Booking Confirmation. */
export function NewBookingDialog({
  date,
  onClose,
  onCreated,
}: {
  date: string;
  onClose(): void;
  onCreated(booking: BookingDetails): void;
}) {
  const { settings, services, staff } = useBusiness();
  const [search, setSearch] = useState('');
  const [customerId, setCustomerId] = useState('');
  const offered = services.filter((service) => service.active);
  const [serviceId, setServiceId] = useState(offered[0]?.id ?? '');
  const performers = useMemo(
    () => staff.filter((member) => member.serviceIds.includes(serviceId)),
    [staff, serviceId],
  );
  const [staffId, setStaffId] = useState(performers[0]?.id ?? '');
  const [choice, setChoice] = useState<TimeChoice>({
    day: date,
    slot: null,
    allowConflict: false,
    time: '09:00',
  });
  const [notes, setNotes] = useState('');
  // What the page checks before sending: the choices only it knows are missing.
  const [missing, setMissing] = useState<Record<string, string>>({});

  const client = useQueryClient();
  const customers = useQuery(customersQuery(search.trim()));
  const create = useMutation({
    mutationFn: (body: NewBooking) => dataOf(adminApi.POST('/api/v1/bookings', { body })),
    onSuccess: async (booking) => {
      onCreated(booking);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['bookings'] }),
        client.invalidateQueries({ queryKey: ['availability'] }),
      ]);
    },
  });
  const errors = { ...fieldErrors(create.error), ...missing };
  const error =
    create.error instanceof ApiError && create.error.code === 'slot_unavailable'
      ? 'That time was just taken. Pick another time, or allow a conflict to book it anyway.'
      : create.error
        ? problemMessage(create.error)
        : undefined;

  const chooseService = (id: string) => {
    setServiceId(id);
    const next = staff.filter((member) => member.serviceIds.includes(id));
    if (!next.some((member) => member.id === staffId)) setStaffId(next[0]?.id ?? '');
    setChoice({ ...choice, slot: null });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = chosenStart(choice, settings.timezone);
    const local: Record<string, string> = {};
    if (!customerId) local.customerId = 'Choose the customer.';
    if (!serviceId) local.serviceId = 'Choose a service.';
    if (!staffId) local.staffId = 'Choose who does it.';
    if (!startsAt)
      local.startsAt = choice.allowConflict
        ? 'Enter a start time.'
        : 'Choose one of the free times, or allow a conflict.';
    setMissing(local);
    create.reset();
    if (Object.keys(local).length > 0 || !startsAt) return;
    create.mutate({
      customerId,
      serviceId,
      staffId,
      startsAt,
      ...(notes.trim() && { notes: notes.trim() }),
      allowConflict: choice.allowConflict,
    });
  };

  return (
    <Modal
      title="New booking"
      onClose={onClose}
      wide
      footer={
        <DialogButtons
          form="new-booking-form"
          onCancel={onClose}
          submit="Book and send confirmation"
          busy={create.isPending}
          busyLabel="Booking…"
        />
      }
    >
      <form id="new-booking-form" onSubmit={submit} noValidate className="form-grid">
        {error && <Notice tone="error">{error}</Notice>}
        <div className="form-row">
          <Field label="Find customer" hint="Name or email address.">
            {(props) => (
              <input {...props} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            )}
          </Field>
          <Field label="Customer" error={errors.customerId}>
            {(props) => (
              <select {...props} value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
                <option value="">
                  {customers.isPending ? 'Loading…' : `Choose (${customers.data?.length ?? 0} found)`}
                </option>
                {customers.data?.map((customer) => (
                  <option key={customer.id} value={customer.id}>
                    {customer.name} — {customer.email}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label="Service" error={errors.serviceId}>
            {(props) => (
              <select {...props} value={serviceId} onChange={(e) => chooseService(e.target.value)}>
                {offered.length === 0 && <option value="">No active services</option>}
                {offered.map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.name} ({service.durationMinutes} min)
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Staff member" error={errors.staffId}>
            {(props) => (
              <select
                {...props}
                value={staffId}
                onChange={(e) => {
                  setStaffId(e.target.value);
                  setChoice({ ...choice, slot: null });
                }}
              >
                {performers.length === 0 && <option value="">Nobody performs this service</option>}
                {performers.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <BookingTimeField
          serviceId={serviceId}
          staffId={staffId}
          timeZone={settings.timezone}
          choice={choice}
          onChange={setChoice}
          error={errors.startsAt}
        />
        <OptionalTextField
          label="Notes"
          hint="Shown to the customer in their emails."
          maxLength={2000}
          value={notes}
          onChange={setNotes}
        />
      </form>
    </Modal>
  );
}
