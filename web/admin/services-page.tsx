import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { newServiceSchema } from '../../src/catalog/service-schemas';
import { formatDuration } from '../../src/shared/business-time';
import { dataOf } from '../shared/api-client';
import type { Service } from '../shared/api-types';
import { ApiError, adminApi, problemMessage } from './admin-api';
import { useBusiness } from './business-context';
import { useServerForm } from './server-form';
import { EditButton, EmptyState, Field, Modal, Notice, PageHeader } from './ui';

type Editing = { service: Service | null } | null;

export function ServicesPage() {
  const { services, staff, reloadCatalog } = useBusiness();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string>();

  return (
    <>
      <PageHeader
        title="Services"
        description="What customers can book: how long it takes, and the time kept free before and after for travel or setup."
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing({ service: null })}
          >
            Add service
          </button>
        }
      />
      {message && <Notice tone="success">{message}</Notice>}
      {services.length === 0 ? (
        <EmptyState>No services yet. Add what customers can book.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Duration</th>
                <th scope="col">Buffer before</th>
                <th scope="col">Buffer after</th>
                <th scope="col">Staff</th>
                <th scope="col">Offered</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map((service) => (
                <tr key={service.id} className={service.active ? '' : 'row-muted'}>
                  <th scope="row">{service.name}</th>
                  <td>{formatDuration(service.durationMinutes)}</td>
                  <td>{service.bufferBeforeMinutes ? `${service.bufferBeforeMinutes} min` : '—'}</td>
                  <td>{service.bufferAfterMinutes ? `${service.bufferAfterMinutes} min` : '—'}</td>
                  <td>{staff.filter((member) => member.serviceIds.includes(service.id)).length}</td>
                  <td>
                    {service.active ? (
                      <span className="badge badge-confirmed">Active</span>
                    ) : (
                      <span className="badge badge-neutral">Not offered</span>
                    )}
                  </td>
                  <td className="cell-actions">
                    <EditButton name={service.name} onClick={() => setEditing({ service })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <ServiceDialog
          service={editing.service}
          onClose={() => setEditing(null)}
          onDone={async (text) => {
            await reloadCatalog();
            setEditing(null);
            setMessage(text);
          }}
        />
      )}
    </>
  );
}

function ServiceDialog({
  service,
  onClose,
  onDone,
}: {
  service: Service | null;
  onClose(): void;
  onDone(message: string): void;
}) {
  const { form, onSubmit, state, errorOf } = useServerForm({
    schema: newServiceSchema,
    defaultValues: {
      name: service?.name ?? '',
      durationMinutes: service?.durationMinutes ?? 60,
      bufferBeforeMinutes: service?.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: service?.bufferAfterMinutes ?? 0,
      active: service?.active ?? true,
    },
    save: (body) =>
      dataOf(
        service
          ? adminApi.PATCH('/api/v1/services/{id}', { params: { path: { id: service.id } }, body })
          : adminApi.POST('/api/v1/services', { body }),
      ),
    onSaved: (saved) =>
      onDone(
        service ? `${saved.name} is saved.` : `${saved.name} is added. Choose who performs it under Staff.`,
      ),
  });
  const { register } = form;

  // Deleting, or (when bookings use the service) no longer offering it instead.
  const remove = useMutation({
    mutationFn: (id: string) =>
      dataOf(adminApi.DELETE('/api/v1/services/{id}', { params: { path: { id } } })),
    onSuccess: () => onDone(`${service?.name} is deleted.`),
  });
  const deactivate = useMutation({
    mutationFn: (id: string) =>
      dataOf(adminApi.PATCH('/api/v1/services/{id}', { params: { path: { id } }, body: { active: false } })),
    onSuccess: (saved) => onDone(`${saved.name} is no longer offered. Its bookings stay as they are.`),
  });
  const inUse = remove.error instanceof ApiError && remove.error.code === 'in_use';
  const busy = remove.isPending || deactivate.isPending;
  const problem =
    (deactivate.error && problemMessage(deactivate.error)) ??
    (remove.error && !inUse ? problemMessage(remove.error) : undefined) ??
    (state.kind === 'failed' ? state.message : undefined);

  const number = (
    field: 'durationMinutes' | 'bufferBeforeMinutes' | 'bufferAfterMinutes',
    label: string,
    hint?: string,
  ) => (
    <Field label={label} error={errorOf(field)} {...(hint && { hint })}>
      {(props) => (
        <input
          {...props}
          type="number"
          inputMode="numeric"
          className="input-short"
          {...register(field, { valueAsNumber: true })}
        />
      )}
    </Field>
  );

  return (
    <Modal
      title={service ? `Edit ${service.name}` : 'Add service'}
      onClose={onClose}
      footer={
        <>
          {service && !inUse && (
            <button
              type="button"
              className="button button-danger-quiet footer-start"
              onClick={() => service && remove.mutate(service.id)}
              disabled={busy}
            >
              Delete
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form="service-form"
            className="button button-primary"
            disabled={busy || state.kind === 'saving'}
          >
            {service ? 'Save' : 'Add service'}
          </button>
        </>
      }
    >
      <form id="service-form" onSubmit={onSubmit} noValidate>
        {inUse && (
          <Notice tone="warning" title="This service has bookings">
            <p>
              It cannot be deleted while bookings use it. Stop offering it instead: existing bookings stay as
              they are.
            </p>
            <button
              type="button"
              className="button"
              onClick={() => service && deactivate.mutate(service.id)}
              disabled={busy}
            >
              Deactivate instead
            </button>
          </Notice>
        )}
        {problem && !inUse && <Notice tone="error">{problem}</Notice>}
        <Field label="Name" error={errorOf('name')}>
          {(props) => <input {...props} type="text" {...register('name')} />}
        </Field>
        {number('durationMinutes', 'Duration (minutes)')}
        <div className="form-row">
          {number('bufferBeforeMinutes', 'Buffer before (minutes)', 'Kept free before, e.g. travel.')}
          {number('bufferAfterMinutes', 'Buffer after (minutes)', 'Kept free after, e.g. cleaning up.')}
        </div>
        <div className="check-row">
          <input type="checkbox" id="service-active" {...register('active')} />
          <label htmlFor="service-active">Offered to customers (active)</label>
        </div>
      </form>
    </Modal>
  );
}
