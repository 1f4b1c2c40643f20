import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { newCustomerSchema } from '../../src/catalog/customer-schemas';
import { LANGUAGES, type Language, languageOfLocale } from '../../src/i18n/languages';
import { dataOf } from '../shared/api-client';
import type { Customer } from '../shared/api-types';
import { adminApi, emptyAsNull, problemMessage, query } from './admin-api';
import { customersQuery } from './admin-queries';
import { useBusiness } from './business-context';
import { useReplaceQuery } from './navigation';
import { useServerForm } from './server-form';
import { DialogButtons, EditButton, EmptyState, Field, Loading, Modal, Notice, PageHeader } from './ui';

const SEARCH_DELAY_MS = 250;

/** Each language in its own words, as a customer would recognise it. */
const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español (Spanish)',
  fr: 'Français (French)',
  de: 'Deutsch (German)',
};

export function CustomersPage() {
  const replaceQuery = useReplaceQuery();
  const [params] = useSearchParams();
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
  }, [typed, search, replaceQuery]);

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
                      to={`/admin/bookings${query({ view: 'list', customer: customer.id, from: '2000-01-01', to: '2100-12-31' })}`}
                      aria-label={`Bookings of ${customer.name}`}
                    >
                      Bookings
                    </Link>
                    <EditButton name={customer.name} onClick={() => setEditing({ customer })} />
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
  const { settings } = useBusiness();
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const { form, onSubmit, state, errorOf } = useServerForm({
    schema: newCustomerSchema,
    defaultValues: {
      name: customer?.name ?? '',
      email: customer?.email ?? '',
      phone: customer?.phone ?? null,
      timezone: customer?.timezone ?? null,
      language: customer?.language ?? null,
    },
    save: (body) =>
      dataOf(
        customer
          ? adminApi.PATCH('/api/v1/customers/{id}', { params: { path: { id: customer.id } }, body })
          : adminApi.POST('/api/v1/customers', { body }),
      ),
    invalidates: [['customers']],
    onSaved: (data) => onSaved(data, !customer),
  });
  const { register } = form;
  const chosenZone = form.watch('timezone');

  return (
    <Modal
      title={customer ? `Edit ${customer.name}` : 'New customer'}
      onClose={onClose}
      footer={
        <DialogButtons
          form="customer-form"
          onCancel={onClose}
          submit={customer ? 'Save' : 'Add customer'}
          busy={state.kind === 'saving'}
        />
      }
    >
      <form id="customer-form" onSubmit={onSubmit} noValidate>
        {state.kind === 'failed' && <Notice tone="error">{state.message}</Notice>}
        <Field label="Name" error={errorOf('name')}>
          {(props) => <input {...props} type="text" autoComplete="off" {...register('name')} />}
        </Field>
        <Field label="Email address" error={errorOf('email')}>
          {(props) => <input {...props} type="email" autoComplete="off" {...register('email')} />}
        </Field>
        <Field label="Phone (optional)" error={errorOf('phone')}>
          {(props) => (
            <input
              {...props}
              type="tel"
              autoComplete="off"
              {...register('phone', { setValueAs: emptyAsNull })}
            />
          )}
        </Field>
        <Field
          label="Time zone (optional)"
          hint="When set, emails also show times in the customer’s own zone."
          error={errorOf('timezone')}
        >
          {(props) => (
            <select {...props} {...register('timezone', { setValueAs: emptyAsNull })}>
              <option value="">Same as the business</option>
              {[...new Set([chosenZone ?? '', ...zones].filter(Boolean))].sort().map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Language"
          hint="The language of this customer’s emails and Customer Portal."
          error={errorOf('language')}
        >
          {(props) => (
            <select {...props} {...register('language', { setValueAs: emptyAsNull })}>
              <option value="">The business’s ({LANGUAGE_NAMES[languageOfLocale(settings.locale)]})</option>
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {LANGUAGE_NAMES[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
    </Modal>
  );
}
