import { ApiError } from '../shared/api-client';
import type { PortalBooking } from '../shared/api-types';
import type { PortalWords } from './portal-words';

const SENTENCE_END = /[.!?]$/;

function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return SENTENCE_END.test(capital) ? capital : `${capital}.`;
}

const FIELD_KEY = {
  email: 'errors.fieldEmail',
  startsAt: 'errors.fieldStartsAt',
  reason: 'errors.fieldReason',
  notes: 'errors.fieldNotes',
  serviceId: 'errors.fieldServiceId',
} as const;

/**
 * What to tell the customer when a request fails, in the page's language. A refusal about the booking is
 * worded from its code (the refusals catalogue, with the business's own words after it) when the booking's
 * rules are known; technical failures get plain words of our own.
 */
export function errorMessage(
  error: unknown,
  words: PortalWords,
  booking?: Pick<PortalBooking, 'status' | 'policy'>,
): string {
  const { t } = words;
  if (!(error instanceof ApiError)) return t('errors.page');
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'unauthorized':
      return t('errors.unauthorized');
    case 'not_found':
      return t('errors.notFound');
    case 'forbidden':
      return t('errors.forbidden');
    case 'rate_limited':
      return t('errors.rateLimited');
    case 'booking_changed':
      return t('errors.bookingChanged');
    case 'idempotency_key_reused':
      return t('errors.alreadySent');
    case 'validation_failed': {
      const fields = error.errors.map((issue) => {
        const key = Object.hasOwn(FIELD_KEY, issue.field)
          ? FIELD_KEY[issue.field as keyof typeof FIELD_KEY]
          : undefined;
        const field = key ? t(key) : issue.field;
        // The server words field problems in English; other languages say which field to check.
        return words.language === 'en'
          ? asSentence(`${field} ${issue.message}`)
          : t('errors.invalidField', { field });
      });
      return fields.length > 0 ? fields.join(' ') : asSentence(error.message);
    }
  }
  if (error.status >= 500) return t('errors.server');
  const kind = error.errors.some((issue) => issue.field === 'startsAt') ? 'slot' : 'change';
  const worded =
    error.code === 'slot_unavailable'
      ? words.refusal('slot_unavailable', undefined, { status: 'confirmed', policy: EMPTY_POLICY }, 'slot')
      : words.refusal(error.code, undefined, booking, kind);
  return worded ?? (asSentence(error.message) || t('errors.failed', { status: error.status }));
}

const EMPTY_POLICY: PortalBooking['policy'] = {
  minimumNoticeMinutes: 0,
  maxReschedulesPerBooking: null,
  bookingWindowDays: 0,
  changeBlockedMessage: '',
  contactPhone: null,
};

export const isApiError = (error: unknown, code: string): boolean =>
  error instanceof ApiError && error.code === code;
