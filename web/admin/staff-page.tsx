import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { newStaffMemberSchema, staffMemberPatchSchema } from '../../src/catalog/staff-schemas';
import { dataOf } from '../shared/api-client';
import type { StaffMember, WorkingHours } from '../shared/api-types';
import { ApiError, adminApi, emptyAsNull, problemMessage } from './admin-api';
import { WEEKDAYS } from './admin-words';
import { useBusiness } from './business-context';
import { staffMemberPath } from './paths';
import { useServerForm } from './server-form';
import { DialogButtons, EmptyState, Field, Modal, Notice, PageHeader, SaveButton } from './ui';
import { checkedHours, WorkingHoursField } from './working-hours-editor';

function hoursSummary(hours: WorkingHours): string {
  const open = WEEKDAYS.filter((day) => hours[day].length > 0);
  return open.length === 0 ? 'Never' : `${open.length} day${open.length === 1 ? '' : 's'} a week`;
}

export function StaffPage() {
  const navigate = useNavigate();
  const { staff, services, reloadCatalog } = useBusiness();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title="Staff"
        description="Who does the work, which services each person performs, and their own hours if they differ."
        actions={
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            Add staff member
          </button>
        }
      />
      {staff.length === 0 ? (
        <EmptyState>No staff yet. Add the people customers can be booked with.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Services</th>
                <th scope="col">Working hours</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={member.id}>
                  <th scope="row">
                    <Link to={staffMemberPath(member.id)}>{member.name}</Link>
                  </th>
                  <td>{member.email ?? '—'}</td>
                  <td>
                    {member.serviceIds.length === 0
                      ? 'None yet'
                      : services
                          .filter((service) => member.serviceIds.includes(service.id))
                          .map((service) => service.name)
                          .join(', ')}
                  </td>
                  <td>
                    {member.workingHours
                      ? `Own hours, ${hoursSummary(member.workingHours)}`
                      : 'The business’s hours'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && (
        <AddStaffDialog
          onClose={() => setAdding(false)}
          onAdded={async (member) => {
            await reloadCatalog();
            navigate(staffMemberPath(member.id));
          }}
        />
      )}
    </>
  );
}

function AddStaffDialog({ onClose, onAdded }: { onClose(): void; onAdded(member: StaffMember): void }) {
  const { services } = useBusiness();
  const { form, onSubmit, state, errorOf } = useServerForm({
    schema: newStaffMemberSchema,
    defaultValues: {
      name: '',
      email: null,
      serviceIds: services.filter((service) => service.active).map((service) => service.id),
    },
    save: (body) => dataOf(adminApi.POST('/api/v1/staff', { body })),
    onSaved: onAdded,
  });
  const { register } = form;

  return (
    <Modal
      title="Add staff member"
      onClose={onClose}
      footer={
        <DialogButtons
          form="add-staff-form"
          onCancel={onClose}
          submit="Add staff member"
          busy={state.kind === 'saving'}
          busyLabel="Adding…"
        />
      }
    >
      <form id="add-staff-form" onSubmit={onSubmit} noValidate>
        {state.kind === 'failed' && <Notice tone="error">{state.message}</Notice>}
        <Field label="Name" error={errorOf('name')}>
          {(props) => <input {...props} type="text" {...register('name')} />}
        </Field>
        <Field label="Email (optional)" error={errorOf('email')}>
          {(props) => <input {...props} type="email" {...register('email', { setValueAs: emptyAsNull })} />}
        </Field>
        <Controller
          control={form.control}
          name="serviceIds"
          render={({ field }) => (
            <ServiceChoices
              serviceIds={field.value ?? []}
              onChange={field.onChange}
              error={errorOf('serviceIds')}
            />
          )}
        />
      </form>
    </Modal>
  );
}

function ServiceChoices({
  serviceIds,
  onChange,
  error,
}: {
  serviceIds: string[];
  onChange(ids: string[]): void;
  error?: string | undefined;
}) {
  const { services } = useBusiness();
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`}>
      <legend>Services they perform</legend>
      {services.length === 0 && (
        <p className="hint">
          No services yet: add them under <Link to="/admin/services">Services</Link>.
        </p>
      )}
      <div className="checkbox-list">
        {services.map((service) => (
          <label key={service.id} className="checkbox-item">
            <input
              type="checkbox"
              checked={serviceIds.includes(service.id)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...serviceIds, service.id]
                    : serviceIds.filter((id) => id !== service.id),
                )
              }
            />
            {service.name}
            {!service.active && <span className="hint"> (not offered)</span>}
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

export function StaffMemberPage({ id }: { id: string }) {
  const { staff, settings, reloadCatalog } = useBusiness();
  const member = staff.find((each) => each.id === id);
  const header = (title: string) => (
    <PageHeader breadcrumb={[{ label: 'Staff', href: '/admin/staff' }]} title={title} />
  );
  if (!member) {
    return (
      <>
        {header('Staff member')}
        <Notice tone="error">
          There is no staff member at this address. <Link to="/admin/staff">Back to Staff</Link>
        </Notice>
      </>
    );
  }
  return (
    <>
      {header(member.name)}
      <StaffMemberForm member={member} businessHours={settings.workingHours} onSaved={reloadCatalog} />
    </>
  );
}

/**
 * The edit form's values: the working hours stay in the form while "the business's hours" is chosen, so switching
 * back keeps them.
 */
const patch = staffMemberPatchSchema.shape;
const staffMemberFormSchema = z
  .object({
    name: patch.name.unwrap(),
    email: patch.email.unwrap(),
    serviceIds: patch.serviceIds.unwrap(),
    ownHours: z.boolean(),
    workingHours: z.custom<WorkingHours>(),
  })
  .transform(({ ownHours, workingHours, ...rest }, context) => {
    if (!ownHours) return { ...rest, workingHours: null };
    return { ...rest, workingHours: checkedHours(workingHours, context, 'workingHours') };
  });

const valuesOf = (member: StaffMember, businessHours: WorkingHours) => ({
  name: member.name,
  email: member.email,
  serviceIds: [...member.serviceIds].sort(),
  ownHours: member.workingHours !== null,
  workingHours: member.workingHours ?? businessHours,
});

function StaffMemberForm({
  member,
  businessHours,
  onSaved,
}: {
  member: StaffMember;
  businessHours: WorkingHours;
  onSaved(): Promise<void>;
}) {
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const { form, onSubmit, state, errorOf } = useServerForm({
    schema: staffMemberFormSchema,
    defaultValues: valuesOf(member, businessHours),
    save: (body) =>
      dataOf(adminApi.PATCH('/api/v1/staff/{id}', { params: { path: { id: member.id } }, body })),
    onSaved: (saved) => {
      form.reset(valuesOf(saved, businessHours));
      return onSaved();
    },
  });
  const { register, control } = form;
  const ownHours = form.watch('ownHours');
  const chooseOwnHours = (own: boolean) => form.setValue('ownHours', own, { shouldDirty: true });

  const remove = useMutation({
    mutationFn: () => dataOf(adminApi.DELETE('/api/v1/staff/{id}', { params: { path: { id: member.id } } })),
    onSuccess: async () => {
      setDeleting(false);
      await onSaved();
      navigate('/admin/staff');
    },
  });
  const deleteError =
    remove.error &&
    (remove.error instanceof ApiError && remove.error.code === 'in_use'
      ? `${member.name} has bookings, which keep their history. Reschedule or cancel them first, or simply remove all services so nobody can book ${member.name} any more.`
      : problemMessage(remove.error));

  return (
    <form onSubmit={onSubmit} noValidate className="settings-form">
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <div className="form-row">
          <Field label="Name" error={errorOf('name')}>
            {(props) => <input {...props} type="text" maxLength={120} {...register('name')} />}
          </Field>
          <Field label="Email (optional)" error={errorOf('email')}>
            {(props) => <input {...props} type="email" {...register('email', { setValueAs: emptyAsNull })} />}
          </Field>
        </div>
        <Controller
          control={control}
          name="serviceIds"
          render={({ field }) => (
            <ServiceChoices
              serviceIds={field.value}
              onChange={(serviceIds) => field.onChange([...serviceIds].sort())}
              error={errorOf('serviceIds')}
            />
          )}
        />
      </section>
      <section className="card" aria-labelledby="staff-hours-heading">
        <h2 id="staff-hours-heading">Working hours</h2>
        <fieldset className="radio-list">
          <legend className="visually-hidden">Which working hours apply</legend>
          <label className="checkbox-item">
            <input type="radio" name="hours" checked={!ownHours} onChange={() => chooseOwnHours(false)} />
            The business’s working hours
          </label>
          <label className="checkbox-item">
            <input type="radio" name="hours" checked={ownHours} onChange={() => chooseOwnHours(true)} />
            Own working hours
          </label>
        </fieldset>
        {ownHours ? (
          <WorkingHoursField control={control} label={`${member.name}’s working hours`} />
        ) : (
          <p className="hint">
            Follows <Link to="/admin/availability">the business’s working hours</Link>.
          </p>
        )}
      </section>
      <div className="form-footer">
        <SaveButton state={state} />
        <button
          type="button"
          className="button button-danger-quiet footer-end"
          onClick={() => setDeleting(true)}
        >
          Delete staff member
        </button>
      </div>
      {deleting && (
        <Modal
          title={`Delete ${member.name}?`}
          onClose={() => {
            setDeleting(false);
            remove.reset();
          }}
          footer={
            <>
              <button type="button" className="button" onClick={() => setDeleting(false)}>
                Keep
              </button>
              <button type="button" className="button button-danger" onClick={() => remove.mutate()}>
                Delete
              </button>
            </>
          }
        >
          {deleteError ? (
            <Notice tone="error">{deleteError}</Notice>
          ) : (
            <p>{member.name} can no longer be booked.</p>
          )}
        </Modal>
      )}
    </form>
  );
}
