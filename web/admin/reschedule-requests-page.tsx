import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { formatShortDateTime } from '../../src/shared/business-time';
import { dataOf } from '../shared/api-client';
import { adminApi, problemMessage } from './admin-api';
import { rescheduleRequestsQuery } from './admin-queries';
import { useBusiness } from './business-context';
import { useReplaceQuery } from './navigation';
import { bookingPath } from './paths';
import { answeredBy, progressText, REQUEST_STATUS_LABELS, REQUEST_STATUS_ORDER } from './request-words';
import { EmptyState, Field, Loading, Notice, PageHeader } from './ui';

/** Takes back a pending request; the booking stays where it is. */
export function WithdrawRequestButton({ id }: { id: string }) {
  const client = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () =>
      dataOf(adminApi.DELETE('/api/v1/reschedule-requests/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['reschedule-requests'] });
      client.invalidateQueries({ queryKey: ['bookings'] });
    },
  });
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => withdraw.mutate()}
        disabled={withdraw.isPending}
      >
        {withdraw.isPending ? 'Withdrawing…' : 'Withdraw'}
      </button>
      {withdraw.isError && <div className="cell-error">{problemMessage(withdraw.error)}</div>}
    </>
  );
}

/** **Reschedule requests**: what the office asked, of whom, and what each customer did. */
export function RescheduleRequestsPage() {
  const replaceQuery = useReplaceQuery();
  const { settings } = useBusiness();
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const batchId = params.get('batch') ?? undefined;
  const requests = useQuery(rescheduleRequestsQuery({ status, ...(batchId && { batchId }), limit: 500 }));
  const zone = settings.timezone;
  const batch = batchId ? requests.data?.find((request) => request.progress)?.progress : undefined;

  return (
    <>
      <PageHeader
        title="Reschedule requests"
        description="Customers you asked to pick a new time, newest first. A booking stays where it is until its customer answers."
        actions={
          <button
            type="button"
            className="button"
            onClick={() => requests.refetch()}
            disabled={requests.isFetching}
          >
            {requests.isFetching ? 'Refreshing…' : 'Refresh'}
          </button>
        }
      />
      <div className="toolbar">
        <Field label="Status" className="field-inline">
          {(props) => (
            <select {...props} value={status} onChange={(e) => replaceQuery({ status: e.target.value })}>
              <option value="">All requests</option>
              {REQUEST_STATUS_ORDER.map((each) => (
                <option key={each} value={each}>
                  {REQUEST_STATUS_LABELS[each]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {batchId && (
          <p className="hint" data-testid="batch-progress">
            {batch ? progressText(batch) : ''}{' '}
            <button type="button" className="link-button" onClick={() => replaceQuery({ batch: undefined })}>
              Show all requests
            </button>
          </p>
        )}
      </div>
      {requests.isError && <Notice tone="error">{problemMessage(requests.error)}</Notice>}
      {requests.isPending && <Loading label="Loading requests…" />}
      {requests.data && requests.data.length === 0 && <EmptyState>No reschedule requests here.</EmptyState>}
      {requests.data && requests.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="reschedule-requests">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Booking</th>
                <th scope="col">Status</th>
                <th scope="col">Answer</th>
                <th scope="col">Asked</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.map((request) => (
                <tr key={request.id} data-request-id={request.id}>
                  <th scope="row">
                    <Link to={bookingPath(request.bookingId)}>{request.booking.customerName}</Link>
                  </th>
                  <td>
                    {request.booking.serviceName} with {request.booking.staffName}
                    <div className="hint">
                      {formatShortDateTime(request.booking.startsAt, zone, settings.locale)}
                    </div>
                  </td>
                  <td>
                    <span className={`badge badge-request-${request.status}`}>
                      {REQUEST_STATUS_LABELS[request.status]}
                    </span>
                    {request.status === 'pending' && (
                      <div className="hint">
                        Answer by {formatShortDateTime(request.respondBy, zone, settings.locale)}
                      </div>
                    )}
                    {request.status === 'pending' && <WithdrawRequestButton id={request.id} />}
                  </td>
                  <td>
                    {request.resolvedBy && request.resolvedAt ? (
                      <>
                        {REQUEST_STATUS_LABELS[request.status]} {answeredBy(request.resolvedBy)}
                        <div className="hint">
                          {formatShortDateTime(request.resolvedAt, zone, settings.locale)}
                        </div>
                        {request.accepted && (
                          <div className="hint">
                            New time {formatShortDateTime(request.accepted.startsAt, zone, settings.locale)}
                          </div>
                        )}
                        {request.responseMessage && <div className="hint">“{request.responseMessage}”</div>}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {formatShortDateTime(request.createdAt, zone, settings.locale)}
                    {request.message && <div className="hint">{request.message}</div>}
                    {request.progress && request.batchId && (
                      <div className="hint">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => replaceQuery({ batch: request.batchId ?? undefined })}
                        >
                          {progressText(request.progress)}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
