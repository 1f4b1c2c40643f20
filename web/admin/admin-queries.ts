import { queryOptions } from '@tanstack/react-query';
import type { Language } from '../../src/i18n/languages';
import { answerOf, dataOf, given } from '../shared/api-client';
import type { EmailKind, QueryOf } from '../shared/api-types';
import type { SlotSource } from '../shared/slot-source';
import { adminApi } from './admin-api';
import { BOOKING_STATUSES, OUTBOX_STATUSES } from './admin-words';

/**
 * What the admin pages read, as TanStack Query options: one key per resource, so a change invalidates
 * every list that shows it (`invalidateQueries({ queryKey: ['bookings'] })`).
 */

export const settingsQuery = queryOptions({
  queryKey: ['settings'],
  queryFn: () => dataOf(adminApi.GET('/api/v1/settings')),
});

export const staffQuery = queryOptions({
  queryKey: ['staff'],
  queryFn: () => dataOf(adminApi.GET('/api/v1/staff')),
});

export const servicesQuery = queryOptions({
  queryKey: ['services'],
  queryFn: () => dataOf(adminApi.GET('/api/v1/services')),
});

export const customersQuery = (search = '') =>
  queryOptions({
    queryKey: ['customers', 'list', search],
    queryFn: () => dataOf(adminApi.GET('/api/v1/customers', { params: { query: given({ search }) } })),
  });

export const customerQuery = (id: string) =>
  queryOptions({
    queryKey: ['customers', 'one', id],
    queryFn: () => dataOf(adminApi.GET('/api/v1/customers/{id}', { params: { path: { id } } })),
  });

/** The API's filter, with the status as the address gives it (checked before it is sent). */
export type BookingFilter = Omit<QueryOf<'/api/v1/bookings'>, 'status' | 'limit' | 'staffId'> & {
  staffId?: string | undefined;
  status?: string;
};

/** A filter from the address is sent only when it names one of the API's values. */
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string | undefined): value is T =>
    (values as readonly string[]).includes(value ?? '');
const isStatus = oneOf(BOOKING_STATUSES);
const isOutboxStatus = oneOf(OUTBOX_STATUSES);

export const bookingsQuery = ({ status, ...filter }: BookingFilter) =>
  queryOptions({
    queryKey: ['bookings', 'list', filter, status],
    queryFn: () =>
      dataOf(
        adminApi.GET('/api/v1/bookings', {
          params: { query: { ...given(filter), ...(isStatus(status) && { status }) } },
        }),
      ),
  });

/** A booking with its ETag: the next change sends it back as If-Match. */
export const bookingQuery = (id: string) =>
  queryOptions({
    queryKey: ['bookings', 'one', id],
    queryFn: () => answerOf(adminApi.GET('/api/v1/bookings/{id}', { params: { path: { id } } })),
  });

export const blockedEventsQuery = (filter: { from: string; to?: string; staffId?: string | undefined }) =>
  queryOptions({
    queryKey: ['blocked-events', filter],
    queryFn: () => dataOf(adminApi.GET('/api/v1/blocked-events', { params: { query: given(filter) } })),
  });

/** A staff member's free start times for a service, as the office's slot picker reads them month by month. */
export const availabilitySlots = (filter: {
  serviceId: string;
  staffId: string;
  /** The booking being moved: its own time must not hide the times around it. */
  exceptBookingId?: string | undefined;
}): SlotSource => ({
  key: ['availability', filter],
  load: (from, to) =>
    dataOf(
      adminApi.GET('/api/v1/availability', {
        params: { query: { ...filter, from, to, ...given({ exceptBookingId: filter.exceptBookingId }) } },
      }),
    ),
});

export const outboxQuery = ({ status, ...filter }: { status?: string; bookingId?: string; limit?: number }) =>
  queryOptions({
    queryKey: ['outbox', 'list', filter, status],
    queryFn: () =>
      dataOf(
        adminApi.GET('/api/v1/outbox', {
          params: { query: { ...given(filter), ...(isOutboxStatus(status) && { status }) } },
        }),
      ),
    staleTime: 0,
  });

export const outboxEmailQuery = (id: string) =>
  queryOptions({
    queryKey: ['outbox', 'one', id],
    queryFn: () => dataOf(adminApi.GET('/api/v1/outbox/{id}', { params: { path: { id } } })),
  });

export const templatesQuery = (language?: Language) =>
  queryOptions({
    queryKey: ['email-templates', 'list', language ?? null],
    queryFn: () =>
      dataOf(adminApi.GET('/api/v1/email-templates', { params: { query: given({ language }) } })),
  });

export const templateQuery = (kind: EmailKind, language?: Language) =>
  queryOptions({
    queryKey: ['email-templates', 'one', kind, language ?? null],
    queryFn: () =>
      dataOf(
        adminApi.GET('/api/v1/email-templates/{kind}', {
          params: { path: { kind }, query: given({ language }) },
        }),
      ),
  });

/** The saved template rendered for the business's next booking: what the editor shows first. */
export const savedPreviewQuery = (kind: EmailKind, language?: Language) =>
  queryOptions({
    queryKey: ['email-templates', 'preview', kind, language ?? null, 'saved'],
    queryFn: () =>
      dataOf(
        adminApi.POST('/api/v1/email-templates/{kind}/preview', {
          params: { path: { kind }, query: given({ language }) },
          body: null,
        }),
      ),
    staleTime: 10_000,
  });

export const templateVariablesQuery = queryOptions({
  queryKey: ['email-templates', 'variables'],
  queryFn: () => dataOf(adminApi.GET('/api/v1/email-templates/variables')),
  staleTime: Number.POSITIVE_INFINITY,
});

const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
const isRequestStatus = (value: string | undefined): value is RequestStatus =>
  REQUEST_STATUSES.includes(value as RequestStatus);

/** "Reschedule requests", newest first; `status` and `batchId` narrow it (the calendar asks for pending ones). */
export const rescheduleRequestsQuery = ({
  status,
  ...filter
}: {
  status?: string;
  batchId?: string;
  bookingId?: string;
  limit?: number;
}) =>
  queryOptions({
    queryKey: ['reschedule-requests', 'list', filter, status],
    queryFn: () =>
      dataOf(
        adminApi.GET('/api/v1/reschedule-requests', {
          params: { query: { ...given(filter), ...(isRequestStatus(status) && { status }) } },
        }),
      ),
    staleTime: 0,
  });
