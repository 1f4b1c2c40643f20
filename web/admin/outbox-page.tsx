import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { formatShortDateTime } from '../../src/shared/business-time';
import { dataOf } from '../shared/api-client';
import { adminApi, problemMessage } from './admin-api';
import { outboxEmailQuery, outboxQuery } from './admin-queries';
import { EMAIL_KIND_TITLES, OUTBOX_STATUSES } from './admin-words';
import { useBusiness } from './business-context';
import { useReplaceQuery } from './navigation';
import { bookingPath, outboxEmailPath } from './paths';
import { EmptyState, Field, Loading, Notice, OutboxStatusBadge, PageHeader } from './ui';

const STATUS_LABELS = {
  pending: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
} as const;

/** Queues a failed email again (it is then retried for another 24 hours). */
function RetryButton({ id }: { id: string }) {
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => dataOf(adminApi.POST('/api/v1/outbox/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['outbox'] }),
  });
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => retry.mutate()}
        disabled={retry.isPending}
      >
        {retry.isPending ? 'Retrying…' : 'Retry'}
      </button>
      {retry.isError && <div className="cell-error">{problemMessage(retry.error)}</div>}
    </>
  );
}

export function OutboxPage() {
  const replaceQuery = useReplaceQuery();
  const { settings } = useBusiness();
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const emails = useQuery(outboxQuery({ status, limit: 200 }));
  const zone = settings.timezone;

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email Rebook has sent or is about to send, newest first. An email that cannot be sent is retried for 24 hours, then marked failed; Retry sends it again."
        actions={
          <button
            type="button"
            className="button"
            onClick={() => emails.refetch()}
            disabled={emails.isFetching}
          >
            {emails.isFetching ? 'Refreshing…' : 'Refresh'}
          </button>
        }
      />
      <div className="toolbar">
        <Field label="Status" className="field-inline">
          {(props) => (
            <select {...props} value={status} onChange={(e) => replaceQuery({ status: e.target.value })}>
              <option value="">All emails</option>
              {OUTBOX_STATUSES.map((each) => (
                <option key={each} value={each}>
                  {STATUS_LABELS[each]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {emails.isError && <Notice tone="error">{problemMessage(emails.error)}</Notice>}
      {emails.isPending && <Loading label="Loading emails…" />}
      {emails.data && emails.data.length === 0 && <EmptyState>No emails here.</EmptyState>}
      {emails.data && emails.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Created</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {emails.data.map((email) => (
                <tr key={email.id}>
                  <td>
                    <Link to={outboxEmailPath(email.id)}>{EMAIL_KIND_TITLES[email.kind]}</Link>
                    {email.subject && <div className="hint cell-subject">{email.subject}</div>}
                  </td>
                  <td>{email.to}</td>
                  <td>
                    <OutboxStatusBadge status={email.status} />
                    {email.status === 'failed' && <RetryButton id={email.id} />}
                  </td>
                  <td>{email.attempts}</td>
                  <td>{formatShortDateTime(email.createdAt, zone, settings.locale)}</td>
                  <td className="cell-error">{email.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function OutboxEmailPage({ id }: { id: string }) {
  const { settings } = useBusiness();
  const email = useQuery(outboxEmailQuery(id));
  const zone = settings.timezone;
  const data = email.data;
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Outbox', href: '/admin/outbox' }]}
        title={data ? EMAIL_KIND_TITLES[data.kind] : 'Email'}
        {...(data?.subject && { description: data.subject })}
      />
      {email.isError && <Notice tone="error">{problemMessage(email.error)}</Notice>}
      {email.isPending && <Loading label="Loading the email…" />}
      {data && (
        <div className="details-grid details-grid-email">
          <section className="card" aria-labelledby="delivery-heading">
            <h2 id="delivery-heading">Delivery</h2>
            <dl className="details-list">
              <div>
                <dt>To</dt>
                <dd>{data.to}</dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>
                  <OutboxStatusBadge status={data.status} />
                  {data.status === 'failed' && <RetryButton id={data.id} />}
                </dd>
              </div>
              <div>
                <dt>Attempts</dt>
                <dd>{data.attempts}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>{formatShortDateTime(data.createdAt, zone, settings.locale)}</dd>
              </div>
              <div>
                <dt>Sent</dt>
                <dd>{data.sentAt ? formatShortDateTime(data.sentAt, zone, settings.locale) : 'Not yet'}</dd>
              </div>
              {data.lastError && (
                <div>
                  <dt>Last error</dt>
                  <dd className="cell-error">{data.lastError}</dd>
                </div>
              )}
              {data.bookingId && (
                <div>
                  <dt>Booking</dt>
                  <dd>
                    <Link to={bookingPath(data.bookingId)}>Open Booking Details</Link>
                  </dd>
                </div>
              )}
            </dl>
          </section>
          <section className="card email-content" aria-labelledby="content-heading">
            <h2 id="content-heading">Content</h2>
            {data.html === null && data.text === null && (
              <p className="hint">The email is written when it is sent; there is nothing to show yet.</p>
            )}
            {data.html !== null && (
              <iframe
                title="The email as the customer sees it"
                className="preview-frame"
                sandbox=""
                srcDoc={data.html}
              />
            )}
            {data.text !== null && (
              <details>
                <summary>Plain-text version</summary>
                <pre className="preview-text">{data.text}</pre>
              </details>
            )}
          </section>
        </div>
      )}
    </>
  );
}
