import { formatDateTime } from '../../src/shared/business-time';
import type { PortalBooking } from '../shared/api-types';
import { historySentence } from './booking-words';
import { usePortalWords } from './portal-words';

/** What happened to the booking, newest first, in words. */
export function BookingHistory({ booking }: { booking: PortalBooking }) {
  const words = usePortalWords();
  const { t, locale } = words;
  // The server lists oldest first; changes within the same second keep that order, reversed.
  const entries = [...booking.history].reverse().sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className="card card-padded" aria-labelledby="history-heading">
      <h2 id="history-heading" className="section-heading">
        {t('history.heading')}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t('history.none')}</p>
      ) : (
        <ol className="history">
          {entries.map((entry) => (
            <li
              key={`${entry.at}-${entry.type}-${entry.toStartsAt ?? ''}`}
              className={`history-item history-${entry.type}`}
            >
              <p className="history-text">{historySentence(entry, booking.timezone, words)}</p>
              {entry.reason && <p className="history-reason">“{entry.reason}”</p>}
              <p className="history-at">
                <time dateTime={entry.at}>{formatDateTime(entry.at, booking.timezone, locale)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
