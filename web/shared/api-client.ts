import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './api/openapi-types';

/** A refusal from the API (RFC 9457 problem+json), with its stable code and field-level messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: ReadonlyArray<{ field: string; message: string; line?: number }> = [],
  ) {
    super(message);
  }
}

export type ApiClient = Client<paths>;

/**
 * A client typed by the server's own OpenAPI document (web/shared/api/openapi-types.ts, `npm run
 * api:types`), with the page's cookies. `onResponse` sees every answer (the admin app listens for 401).
 */
export function createApiClient(onResponse?: (response: Response) => void): ApiClient {
  const client = createClient<paths>({ credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (onResponse)
    client.use({
      onResponse({ response }) {
        onResponse(response);
      },
    });
  return client;
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful answer with its ETag. Throws ApiError for a refusal and for a network failure
 * (status 0), so every caller can show a message instead of a blank page.
 */
export async function answerOf<T>(pending: Promise<Answer<T>>): Promise<{ data: T; etag: string | null }> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch {
    throw new ApiError(0, 'network', 'We could not reach the server. Check your connection and try again.');
  }
  const { response } = answer;
  if (!response.ok) {
    const problem = (typeof answer.error === 'object' && answer.error !== null ? answer.error : {}) as {
      code?: string;
      detail?: string;
      errors?: ApiError['errors'];
    };
    throw new ApiError(
      response.status,
      problem.code ?? 'error',
      problem.detail ?? `The request failed (${response.status}).`,
      problem.errors ?? [],
    );
  }
  return { data: answer.data as T, etag: response.headers.get('etag') };
}

/** The body of a successful answer; see answerOf. */
export async function dataOf<T>(pending: Promise<Answer<T>>): Promise<T> {
  return (await answerOf(pending)).data;
}

/** Query parameters without the empty ones (an empty filter means no filter). */
export function given<T extends Record<string, string | number | undefined | null>>(
  params: T,
): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as { [K in keyof T]?: Exclude<T[K], null> };
}
