import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isLanguage, LANGUAGES } from '../../src/i18n/languages';
import { formatShortDateTime } from '../../src/shared/business-time';
import type { EmailTemplate } from '../shared/api-types';
import { problemMessage } from './admin-api';
import { savedPreviewQuery, templateQuery, templatesQuery, templateVariablesQuery } from './admin-queries';
import { useBusiness } from './business-context';
import { templatePath } from './paths';
import { LANGUAGE_NAMES } from './template-editor-page';
import { Loading, Notice, PageHeader } from './ui';

const WHEN_SENT: Record<EmailTemplate['kind'], string> = {
  booking_confirmation: 'When a booking is made',
  booking_reminder: 'Before the appointment',
  booking_rescheduled: 'After every reschedule',
  booking_cancelled: 'When a booking is cancelled',
  customer_sign_in: 'When a customer asks to sign in',
  business_notification: 'To your office, when a customer changes a booking',
  email_undeliverable: 'To your office, when an email could not be delivered for a day',
  reschedule_request: 'When you ask a customer to reschedule',
  reschedule_request_accepted: 'To your office, when a customer picks a new time you asked for',
  reschedule_request_declined: 'To your office, when a customer declines your reschedule request',
  reschedule_request_expired: 'To your office, when a reschedule request got no answer in time',
};

/** Whether the template holds the Reschedule or change booking details element (as a block, or the Liquid tag). */
export const hasRescheduleButton = (template: Pick<EmailTemplate, 'html' | 'text'>) =>
  /\{%-?\s*reschedule_button\s*-?%\}/.test(`${template.html}\n${template.text}`);

export function EmailTemplatesPage() {
  const { settings } = useBusiness();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('language');
  const language = isLanguage(asked) ? asked : undefined;
  const templates = useQuery(templatesQuery(language));
  const client = useQueryClient();
  useEffect(() => {
    void client.prefetchQuery(templateVariablesQuery);
  }, [client]);
  // Pointing at a template starts loading its editor and preview, so both are there when it opens.
  const prefetch = (kind: EmailTemplate['kind']) => {
    void client.prefetchQuery(templateQuery(kind, language));
    void client.prefetchQuery(savedPreviewQuery(kind, language));
  };
  const shown = templates.data?.[0]?.language;
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Settings', href: '/admin/settings' }, { label: 'Communications' }]}
        title="Email Templates"
        description="The emails Rebook sends for you, each in every language your customers read. Edit the wording; the Reschedule button only appears while the customer may still reschedule."
      />
      <div className="toolbar-group template-list-language">
        <label htmlFor="templates-language">Language</label>
        <select
          id="templates-language"
          value={language ?? shown ?? ''}
          onChange={(event) => setSearch({ language: event.target.value })}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </div>
      {templates.isPending && <Loading label="Loading templates…" />}
      {templates.isError && <Notice tone="error">{problemMessage(templates.error)}</Notice>}
      {templates.data && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Sent</th>
                <th scope="col">Subject</th>
                <th scope="col">Wording</th>
              </tr>
            </thead>
            <tbody>
              {templates.data.map((template) => (
                <tr key={template.kind}>
                  <th scope="row">
                    <Link
                      to={`${templatePath(template.kind)}${language ? `?language=${language}` : ''}`}
                      onMouseEnter={() => prefetch(template.kind)}
                      onFocus={() => prefetch(template.kind)}
                    >
                      {template.title}
                    </Link>
                    {hasRescheduleButton(template) && <span className="tag">Reschedule button</span>}
                  </th>
                  <td>{WHEN_SENT[template.kind]}</td>
                  <td className="cell-subject">{template.subject}</td>
                  <td>
                    {template.customized ? (
                      <span className="badge badge-custom">
                        {template.mode === 'html' ? 'Customized (HTML)' : 'Customized'}
                        {template.updatedAt &&
                          ` ${formatShortDateTime(template.updatedAt, settings.timezone, settings.locale)}`}
                      </span>
                    ) : (
                      <span className="badge badge-neutral">Default</span>
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
