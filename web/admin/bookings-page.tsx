import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  formatCalendarDate,
  formatClock,
  formatShortCalendarDate,
  formatShortDateTime,
  todayIn,
} from '../../src/shared/business-time';
import { addDays, instantAt, startOfWeek } from '../../src/shared/calendar-dates';
import { problemMessage } from './admin-api';
import { blockedEventsQuery, bookingsQuery, rescheduleRequestsQuery } from './admin-queries';
import { BOOKING_STATUSES, bookingReference } from './admin-words';
import { AskCustomersDialog } from './ask-to-reschedule-dialog';
import { BookingsCalendar, dayColumns, weekColumns } from './bookings-calendar';
import { useBusiness } from './business-context';
import { useCustomers } from './customer-directory';
import { DateInput } from './locale-inputs';
import { useReplaceQuery } from './navigation';
import { NewBookingDialog } from './new-booking-dialog';
import { bookingPath } from './paths';
import { BookingStatusBadge, EmptyState, Field, Loading, Notice, PageHeader } from './ui';

type View = 'day' | 'week' | 'list';
const VIEWS: { view: View; label: string }[] = [
  { view: 'day', label: 'Day' },
  { view: 'week', label: 'Week' },
  { view: 'list', label: 'List' },
];

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function BookingsPage() {
  const navigate = useNavigate();
  const { settings, staff } = useBusiness();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const today = todayIn(settings.timezone);
  const view: View =
    params.get('view') === 'week' || params.get('view') === 'list' ? (params.get('view') as View) : 'day';
  const date = isDate(params.get('date')) ? (params.get('date') as string) : today;
  const staffId = params.get('staff') ?? '';

  const switcher = <ViewSwitch view={view} />;

  return (
    <>
      <PageHeader
        title="Bookings"
        description={`All times in ${settings.timezone}.`}
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setCreating(true)}
            disabled={staff.length === 0}
          >
            New booking
          </button>
        }
      />
      {staff.length === 0 ? (
        <EmptyState>
          <p>
            Add your team under <Link to="/admin/staff">Staff</Link> and what you offer under{' '}
            <Link to="/admin/services">Services</Link>; their bookings appear here.
          </p>
        </EmptyState>
      ) : view === 'list' ? (
        <BookingList today={today} viewSwitch={switcher} />
      ) : (
        <CalendarView view={view} date={date} today={today} staffId={staffId} viewSwitch={switcher} />
      )}
      {creating && (
        <NewBookingDialog
          onClose={() => setCreating(false)}
          onCreated={(booking) => navigate(bookingPath(booking.id))}
          date={view === 'list' ? today : date}
        />
      )}
    </>
  );
}

function ViewSwitch({ view }: { view: View }) {
  const replaceQuery = useReplaceQuery();
  return (
    <fieldset className="view-switch">
      <legend className="visually-hidden">View</legend>
      {VIEWS.map((option) => (
        <button
          key={option.view}
          type="button"
          className="segment"
          aria-pressed={view === option.view}
          onClick={() => replaceQuery({ view: option.view === 'day' ? undefined : option.view })}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}

function CalendarView({
  view,
  date,
  today,
  staffId,
  viewSwitch,
}: {
  view: 'day' | 'week';
  date: string;
  today: string;
  staffId: string;
  viewSwitch: ReactNode;
}) {
  const replaceQuery = useReplaceQuery();
  const { settings, staff } = useBusiness();
  const zone = settings.timezone;
  const member = staff.find((each) => each.id === staffId);
  // A week is one staff member's; without a choice it shows the first.
  const weekMember = member ?? staff[0];
  const from = view === 'day' ? date : startOfWeek(date);
  const to = view === 'day' ? date : addDays(from, 6);
  const filterStaff = view === 'week' ? weekMember?.id : member?.id;

  const bookings = useQuery(bookingsQuery({ from, to, staffId: filterStaff }));
  const blocked = useQuery(
    blockedEventsQuery({
      from: instantAt(from, '00:00', zone),
      to: instantAt(addDays(to, 1), '00:00', zone),
      staffId: filterStaff,
    }),
  );
  // Bookings whose customer was asked to reschedule and has not answered: marked in the calendar.
  const pending = useQuery(rescheduleRequestsQuery({ status: 'pending', limit: 1000 }));
  const asked = new Set(pending.data?.map((request) => request.bookingId) ?? []);
  const [asking, setAsking] = useState(false);
  const [askedNotice, setAskedNotice] = useState<{ count: number; batchId: string } | null>(null);
  const loading = bookings.isFetching || blocked.isFetching;
  const failure = bookings.error ?? blocked.error;
  const data =
    bookings.data && blocked.data
      ? { bookings: bookings.data.filter((booking) => booking.status !== 'cancelled'), blocked: blocked.data }
      : undefined;
  const customer = useCustomers(data?.bookings.map((booking) => booking.customerId) ?? []);

  const step = view === 'day' ? 1 : 7;
  const unit = view === 'day' ? 'day' : 'week';
  const columns =
    view === 'day'
      ? dayColumns(member ? [member] : staff, date)
      : weekMember
        ? weekColumns(weekMember, from, settings.locale)
        : [];
  const heading =
    view === 'day'
      ? formatCalendarDate(date, settings.locale)
      : `${formatShortCalendarDate(from, settings.locale)} – ${formatShortCalendarDate(to, settings.locale)}`;

  return (
    <>
      <div className="toolbar">
        <div className="toolbar-group">
          {viewSwitch}
          <button
            type="button"
            className="button"
            onClick={() => replaceQuery({ date: addDays(date, -step) })}
          >
            <span aria-hidden="true">‹ </span>Previous {unit}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => replaceQuery({ date: undefined })}
            disabled={date === today}
          >
            Today
          </button>
          <button
            type="button"
            className="button"
            onClick={() => replaceQuery({ date: addDays(date, step) })}
          >
            Next {unit}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
        <div className="toolbar-group">
          <Field label="Date" className="field-inline">
            {(props) => (
              <DateInput {...props} value={date} onChange={(day) => day && replaceQuery({ date: day })} />
            )}
          </Field>
          <Field label="Staff" className="field-inline">
            {(props) => (
              <select
                {...props}
                value={view === 'week' ? (weekMember?.id ?? '') : staffId}
                onChange={(event) => replaceQuery({ staff: event.target.value })}
              >
                {view === 'day' && <option value="">Everyone</option>}
                {staff.map((each) => (
                  <option key={each.id} value={each.id}>
                    {each.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </div>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setAsking(true)}>
          Ask customers to reschedule
        </button>
        {askedNotice && (
          <p className="hint" role="status">
            {askedNotice.count === 0
              ? 'No confirmed bookings to ask about in those days.'
              : `${askedNotice.count} customer${askedNotice.count === 1 ? '' : 's'} asked to pick a new time. `}
            {askedNotice.count > 0 && (
              <Link to={`/admin/reschedule-requests?batch=${encodeURIComponent(askedNotice.batchId)}`}>
                See their answers
              </Link>
            )}
          </p>
        )}
      </div>
      {asking && (
        <AskCustomersDialog
          initialDate={date}
          initialStaffId={filterStaff}
          onClose={() => setAsking(false)}
          onAsked={(answer) => {
            setAsking(false);
            setAskedNotice({ count: answer.requests.length, batchId: answer.batchId });
          }}
        />
      )}
      <h2 className="calendar-heading">
        {heading}
        {view === 'week' && weekMember && <span className="hint"> · {weekMember.name}</span>}
        {loading && <span className="hint"> · Loading…</span>}
      </h2>
      {failure && <Notice tone="error">{problemMessage(failure)}</Notice>}
      {data && (
        <>
          <BookingsCalendar
            columns={columns}
            bookings={data.bookings}
            blocked={data.blocked}
            customer={customer}
            asked={asked}
            label={`Bookings, ${heading}`}
            minColumnWidth={view === 'week' ? '6rem' : '8.5rem'}
          />
          <p className="hint calendar-summary" role="status">
            {data.bookings.length === 0
              ? `No bookings this ${unit}.`
              : `${data.bookings.length} booking${data.bookings.length === 1 ? '' : 's'} this ${unit}.`}
          </p>
        </>
      )}
      {!data && loading && <Loading label="Loading bookings…" />}
    </>
  );
}

function BookingList({ today, viewSwitch }: { today: string; viewSwitch: ReactNode }) {
  const replaceQuery = useReplaceQuery();
  const { settings, staff, staffName, serviceName } = useBusiness();
  const [params] = useSearchParams();
  const zone = settings.timezone;
  const from = isDate(params.get('from')) ? (params.get('from') as string) : today;
  const to = isDate(params.get('to')) ? (params.get('to') as string) : addDays(today, 30);
  const status = params.get('status') ?? '';
  const staffId = params.get('staff') ?? '';
  const customerId = params.get('customer') ?? '';
  const [draft, setDraft] = useState({ from, to, status, staffId });

  const list = useQuery(bookingsQuery({ from, to, status, staffId, customerId }));
  const customer = useCustomers([
    ...(list.data?.map((booking) => booking.customerId) ?? []),
    ...(customerId ? [customerId] : []),
  ]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    replaceQuery({ from: draft.from, to: draft.to, status: draft.status, staff: draft.staffId });
  };

  return (
    <>
      <div className="toolbar">{viewSwitch}</div>
      <form className="filters" onSubmit={apply} aria-label="Filter bookings">
        <Field label="From" className="field-inline">
          {(props) => (
            <DateInput {...props} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
          )}
        </Field>
        <Field label="To" className="field-inline">
          {(props) => <DateInput {...props} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />}
        </Field>
        <Field label="Status" className="field-inline">
          {(props) => (
            <select
              {...props}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value })}
            >
              <option value="">Any status</option>
              {BOOKING_STATUSES.map((each) => (
                <option key={each} value={each}>
                  {each.charAt(0).toUpperCase() + each.slice(1)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Staff" className="field-inline">
          {(props) => (
            <select
              {...props}
              value={draft.staffId}
              onChange={(e) => setDraft({ ...draft, staffId: e.target.value })}
            >
              <option value="">Everyone</option>
              {staff.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button">
          Show bookings
        </button>
      </form>
      {customerId && (
        <p className="filter-chip">
          Customer: <strong>{customer(customerId)?.name ?? 'this customer'}</strong>{' '}
          <button type="button" className="button-link" onClick={() => replaceQuery({ customer: undefined })}>
            Show all customers
          </button>
        </p>
      )}
      {list.isError && <Notice tone="error">{problemMessage(list.error)}</Notice>}
      {list.isPending && <Loading label="Loading bookings…" />}
      {list.data && list.data.length === 0 && <EmptyState>No bookings match these filters.</EmptyState>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">
              Bookings from {formatCalendarDate(from, settings.locale)} to{' '}
              {formatCalendarDate(to, settings.locale)}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Customer</th>
                <th scope="col">Service</th>
                <th scope="col">Staff</th>
                <th scope="col">Status</th>
                <th scope="col">Reference</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((booking) => (
                <tr key={booking.id}>
                  <td>
                    <Link to={bookingPath(booking.id)}>
                      {formatShortDateTime(booking.startsAt, zone, settings.locale)}–
                      {formatClock(booking.endsAt, zone, settings.locale)}
                    </Link>
                    {booking.rescheduleCount > 0 && <span className="tag">Rescheduled</span>}
                  </td>
                  <td>{customer(booking.customerId)?.name ?? '…'}</td>
                  <td>{serviceName(booking.serviceId)}</td>
                  <td>{staffName(booking.staffId)}</td>
                  <td>
                    <BookingStatusBadge status={booking.status} />
                  </td>
                  <td className="mono">{bookingReference(booking.id)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.length >= 500 && (
            <p className="hint">Showing the first 500 bookings: narrow the dates to see the rest.</p>
          )}
        </div>
      )}
    </>
  );
}
