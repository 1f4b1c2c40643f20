import { useEffect, useState } from 'react';
import { get } from './admin-api';
import type { Customer } from './admin-types';

/**
 * Customer names for lists of bookings (a booking carries only the customer's id). Kept for the session and
 * refreshed when the Customers page changes someone.
 */
const known = new Map<string, Customer>();
let listLoaded: Promise<void> | undefined;
const listeners = new Set<() => void>();

export function rememberCustomer(customer: Customer): void {
  known.set(customer.id, customer);
  for (const listener of listeners) listener();
}

async function fetchMissing(ids: readonly string[]): Promise<void> {
  listLoaded ??= get<Customer[]>('/customers').then(
    (customers) => {
      for (const customer of customers) known.set(customer.id, customer);
    },
    () => {
      listLoaded = undefined;
    },
  );
  await listLoaded;
  // The list stops at 500 customers; the few others on screen are fetched one by one.
  const missing = ids.filter((id) => !known.has(id)).slice(0, 50);
  await Promise.all(
    missing.map((id) =>
      get<Customer>(`/customers/${encodeURIComponent(id)}`).then(
        (customer) => known.set(customer.id, customer),
        () => undefined,
      ),
    ),
  );
}

export function useCustomers(ids: readonly string[]): (id: string) => Customer | undefined {
  const [, setVersion] = useState(0);
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    const bump = () => setVersion((n) => n + 1);
    listeners.add(bump);
    return () => {
      listeners.delete(bump);
    };
  }, []);
  useEffect(() => {
    const wanted = key ? key.split(',') : [];
    if (wanted.every((id) => known.has(id))) return;
    let live = true;
    fetchMissing(wanted).then(() => {
      if (live) setVersion((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return (id) => known.get(id);
}
