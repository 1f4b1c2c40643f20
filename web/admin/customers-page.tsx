import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { dataOf } from '../shared/api-client';
import type { Customer } from '../shared/api-types';
import { adminApi, errorFor, fieldErrors, problemMessage, query } from './admin-api';
import { customersQuery } from './admin-queries';
import { Link, replaceQuery, useLocation } from './navigation';
import { EmptyState, Field, Loading, Modal, Notice, PageHeader } from './ui';

const SEARCH_DELAY_MS = 250;

export function CustomersPage() {
  const { params } = useLocation();
  const search = params.get('search') ?? '';
  const [typed, setTyped] = useState(search);
  const [editing, setEditing] = useState<{ customer: Customer | null } | null>(null);
  const [message, setMessage] = useState<string>();

  // The search goes into the address, so a refresh or a shared link shows the same list.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed.trim() !== search) replaceQuery({ search: typed.trim() });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, search]);

  const client = useQueryClient();
  const list = useQuery(customersQuery(search));

  return (
    <>
      <PageHeader
        title="Customers"
        description="Everyone who has booked with you. Their email address is where booking links and sign-in links go."
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing({ customer: null })}
          >
            New customer
          </button>
        }
      />
      <div className="toolbar">
        <Field label="Search customers" className="field-inline field-grow" hint="Name or email address">
          {(props) => (
            <input {...props} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
          )}
        </Field>
      </div>
      {message && <Notice tone="success">{message}</Notice>}
      {list.isError && <Notice tone="error">{problemMessage(list.error)}</Notice>}
      {list.isPending && <Loading label="Loading customers…" />}
      {list.data && list.data.length === 0 && (
        <EmptyState>{search ? `Nobody matches “${search}”.` : 'No customers yet.'}</EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" aria-busy={list.isFetching}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Phone</th>
                <th scope="col">Time zone</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((customer) => (
                <tr key={customer.id}>
                  <th scope="row">{customer.name}</th>
                  <td>{customer.email}</td>
                  <td>{customer.phone ?? '—'}</td>
                  <td>{customer.timezone ?? 'The business’s'}</td>
                  <td className="cell-actions">
                    <Link
                      className="button button-small"
                      href={`/admin/bookings${query({ view: 'list', customer: customer.id, from: '2000-01-01', to: '2100-12-31' })}`}
                      aria-label={`Bookings of ${customer.name}`}
                    >
                      Bookings
                    </Link>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing({ customer })}
                      aria-label={`Edit ${customer.name}`}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.length >= 500 && (
            <p className="hint">Showing the first 500: search to narrow the list.</p>
          )}
        </div>
      )}
      {editing && (
        <CustomerDialog
          customer={editing.customer}
          onClose={() => setEditing(null)}
          onSaved={(customer, created) => {
            client.invalidateQueries({ queryKey: ['customers'] });
            setEditing(null);
            setMessage(created ? `${customer.name} is added.` : `${customer.name} is saved.`);
          }}
        />
      )}
    </>
  );
}

function CustomerDialog({
  customer,
  onClose,
  onSaved,
}: {
  customer: Customer | null;
  onClose(): void;
  onSaved(customer: Customer, created: boolean): void;
}) {
  const [draft, setDraft] = useState({
    name: customer?.name ?? '',
    email: customer?.email ?? '',
    phone: customer?.phone ?? '',
    timezone: customer?.timezone ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!draft.name.trim()) local.name = 'Enter a name';
    if (!/^\S+@\S+\.\S+$/.test(draft.email.trim()))
      local.email = 'Enter an email address, e.g. name@example.com';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setError(undefined);
    const body = {
      name: draft.name.trim(),
      email: draft.email.trim(),
      phone: draft.phone.trim() || null,
      timezone: draft.timezone || null,
    };
    try {
      const data = await dataOf(
        customer
          ? adminApi.PATCH('/api/v1/customers/{id}', { params: { path: { id: customer.id } }, body })
          : adminApi.POST('/api/v1/customers', { body }),
      );
      onSaved(data, !customer);
    } catch (failure) {
      const byField = fieldErrors(failure);
      setErrors(byField);
      setError(Object.keys(byField).length > 0 ? 'Check the highlighted fields.' : problemMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Modal
      title={customer ? `Edit ${customer.name}` : 'New customer'}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="customer-form" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : customer ? 'Save' : 'Add customer'}
          </button>
        </>
      }
    >
      <form id="customer-form" onSubmit={submit} noValidate>
        {error && <Notice tone="error">{error}</Notice>}
        <Field label="Name" error={errorFor(errors, 'name')}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={120}
              autoComplete="off"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <Field label="Email address" error={errorFor(errors, 'email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="off"
              value={draft.email}
              onChange={(e) => setDraft({ ...draft, email: e.target.value })}
            />
          )}
        </Field>
        <Field label="Phone (optional)" error={errorFor(errors, 'phone')}>
          {(props) => (
            <input
              {...props}
              type="tel"
              autoComplete="off"
              value={draft.phone}
              onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Time zone (optional)"
          hint="When set, emails also show times in the customer’s own zone."
          error={errorFor(errors, 'timezone')}
        >
          {(props) => (
            <select
              {...props}
              value={draft.timezone}
              onChange={(e) => setDraft({ ...draft, timezone: e.target.value })}
            >
              <option value="">Same as the business</option>
              {[...new Set([draft.timezone, ...zones].filter(Boolean))].sort().map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
    </Modal>
  );
}
