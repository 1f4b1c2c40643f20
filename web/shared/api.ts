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

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

/**
 * Calls the Rebook API with the page's cookies. Throws ApiError for a refusal and for a network failure
 * (status 0), so every caller can show a message instead of a blank page.
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'We could not reach the server. Check your connection and try again.');
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem = (parsed ?? {}) as { code?: string; detail?: string; errors?: ApiError['errors'] };
    throw new ApiError(
      response.status,
      problem.code ?? 'error',
      problem.detail ?? `The request failed (${response.status}).`,
      problem.errors ?? [],
    );
  }
  return { data: parsed as T, etag: response.headers.get('etag') };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
