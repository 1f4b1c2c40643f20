import { ApiError, type ApiResponse, api } from '../shared/api';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const sessionEndedListeners = new Set<() => void>();

/** Called when any admin call answers 401: the session expired or was signed out elsewhere. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

const sessionRestoredListeners = new Set<() => void>();

/** Called after signing in again over a page: what failed with 401 can load now. */
export function onSessionRestored(listener: () => void): () => void {
  sessionRestoredListeners.add(listener);
  return () => sessionRestoredListeners.delete(listener);
}

export function sessionRestored(): void {
  for (const listener of sessionRestoredListeners) listener();
}

/**
 * An admin API call with the session cookie. A 401 tells the app to ask for the password again, without
 * throwing away what is on screen, so an unsaved edit survives an expired session.
 */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<ApiResponse<T>> {
  try {
    return await api<T>(method, path, body, headers);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      for (const listener of sessionEndedListeners) listener();
    throw error;
  }
}

export async function get<T>(path: string): Promise<T> {
  return (await request<T>('GET', path)).data;
}

export function query(params: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

const ZOD_WORDING: ReadonlyArray<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^Too small: expected number to be >=?(\S+)$/, (m) => `Must be at least ${m[1]}`],
  [/^Too big: expected number to be <=?(\S+)$/, (m) => `Must be at most ${m[1]}`],
  [/^Too small: expected string to have >=?(\d+) characters?$/, () => 'Must not be empty'],
  [/^Too big: expected string to have <=?(\d+) characters?$/, (m) => `Must be at most ${m[1]} characters`],
  [/^Invalid input: expected number.*$/, () => 'Enter a whole number'],
  [/^Invalid input: expected int.*$/, () => 'Enter a whole number'],
];

/** The API's validation wording turned into a sentence an office manager reads. */
export function humanMessage(message: string): string {
  for (const [pattern, wording] of ZOD_WORDING) {
    const match = message.match(pattern);
    if (match) return wording(match);
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Field-level messages of a 422 keyed by the API's field path ("customerPortal.minimumNoticeMinutes"). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const issue of error.errors) result[issue.field] ??= humanMessage(issue.message);
  return result;
}

/** The first message whose field is `field` or lies under it ("workingHours.tue" matches "workingHours.tue.0.end"). */
export function errorFor(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((name) => name.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}

/** One sentence for a refusal that is not about a single field. */
export function problemMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status === 0) return error.message;
  if (error.status === 401) return 'Your session has ended. Sign in again to continue.';
  if (error.status === 429) return 'Too many requests. Wait a minute and try again.';
  if (error.status >= 500) return 'Something went wrong on our side. Please try again.';
  return humanMessage(error.message);
}

export { ApiError };

/** The save state when the page found problems in the form before sending it. */
export const CHECK_THE_FIELDS = {
  kind: 'failed',
  message: 'Not saved: check the highlighted fields.',
} as const;

/** A refused save: errors to show beside their fields, and the message to show by the Save button. */
export function saveFailure(error: unknown): {
  errors: Record<string, string>;
  state: { kind: 'failed'; message: string };
} {
  const errors = fieldErrors(error);
  return {
    errors,
    state:
      Object.keys(errors).length > 0 ? CHECK_THE_FIELDS : { kind: 'failed', message: problemMessage(error) },
  };
}
