import { ApiError } from '../shared/api-client';

const SENTENCE_END = /[.!?]$/;

function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return SENTENCE_END.test(capital) ? capital : `${capital}.`;
}

/**
 * What to tell the customer when a request fails. Refusals about the booking carry the business's own
 * words in `detail`, so those are shown as they are; technical failures get plain words of our own.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong on this page. Please reload and try again.';
  switch (error.code) {
    case 'network':
      return 'We could not reach the server. Check your connection and try again.';
    case 'unauthorized':
      return 'Your session has ended. Please sign in again to continue.';
    case 'not_found':
      return 'We could not find this booking. It may have been removed, or the link may belong to someone else.';
    case 'forbidden':
      return 'This change could not be made from here. Please reload the page and try again.';
    case 'rate_limited':
      return 'Too many attempts in a short time. Please wait a minute and try again.';
    case 'slot_unavailable':
      return 'Sorry, that time has just been taken. Please choose another.';
    case 'booking_changed':
      return 'This booking was changed while you were looking at it. We have loaded the latest details; please check them and try again.';
    case 'idempotency_key_reused':
      return 'That change was already sent. Please reload the page to see where things stand.';
    case 'validation_failed': {
      const fields = error.errors.map((issue) => asSentence(`${fieldName(issue.field)} ${issue.message}`));
      return fields.length > 0 ? fields.join(' ') : asSentence(error.message);
    }
  }
  if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return asSentence(error.message) || `The request failed (${error.status}). Please try again.`;
}

function fieldName(field: string): string {
  const names: Record<string, string> = {
    email: 'The email address',
    startsAt: 'The time',
    reason: 'The reason',
    notes: 'The notes',
    serviceId: 'The service',
  };
  return names[field] ?? field;
}

export const isApiError = (error: unknown, code: string): boolean =>
  error instanceof ApiError && error.code === code;
