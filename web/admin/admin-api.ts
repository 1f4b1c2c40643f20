import { ApiError, createApiClient, dataOf } from '../shared/api-client';
import type { SettingsChange } from '../shared/api-types';

const sessionEndedListeners = new Set<() => void>();

/** Called when any admin call answers 401: the session expired or was signed out elsewhere. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/**
 * The admin API, typed by the server's OpenAPI document. A 401 tells the app to ask for the password again,
 * without throwing away what is on screen, so an unsaved edit survives an expired session.
 */
export const adminApi = createApiClient((response) => {
  if (response.status === 401) for (const listener of sessionEndedListeners) listener();
});

/** Saves a change to the business settings and answers them all, as they now are. */
export const saveSettings = (body: SettingsChange) => dataOf(adminApi.PATCH('/api/v1/settings', { body }));

/** Replaces the business's logo with an image file (PNG, JPEG or WebP), sent as it is. */
export const uploadLogo = (file: Blob) =>
  dataOf(
    adminApi.PUT('/api/v1/settings/logo', {
      // The document describes the image body in words only (it is bytes, not JSON): sent as the file is.
      body: file as never,
      bodySerializer: () => file,
      headers: { 'content-type': file.type || 'application/octet-stream' },
    }),
  );

export const removeLogo = () => dataOf(adminApi.DELETE('/api/v1/settings/logo'));

/** A query string for a link inside the admin (empty values left out). */
export function query(params: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** An empty optional field is sent as null ("no phone number"), not as an empty string. */
export const emptyAsNull = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The server's words for a field ("must be at least 5") as a sentence beside the field. */
export function humanMessage(message: string): string {
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
