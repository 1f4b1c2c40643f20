import { useQueries, useQuery } from '@tanstack/react-query';
import type { Customer } from '../shared/api-types';
import { customerQuery, customersQuery } from './admin-queries';

/**
 * Customer names for lists of bookings (a booking carries only the customer's id): the customer list,
 * shared with the Customers page's cache, and the few it does not hold (it stops at 500) one by one.
 */
export function useCustomers(ids: readonly string[]): (id: string) => Customer | undefined {
  const list = useQuery(customersQuery());
  const known = new Map(list.data?.map((customer) => [customer.id, customer]));
  const missing = list.data ? [...new Set(ids)].filter((id) => !known.has(id)).slice(0, 50) : [];
  const others = useQueries({ queries: missing.map((id) => ({ ...customerQuery(id), retry: false })) });
  for (const other of others) if (other.data) known.set(other.data.id, other.data);
  return (id) => known.get(id);
}
