import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/http/app-context.js';
import { TEST_PUBLIC_URL } from './test-app.js';

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A cookie as the server set it. */
export interface SetCookie {
  name: string;
  value: string;
  path?: string;
  httpOnly?: boolean;
  sameSite?: string;
  expires?: Date;
}

export const setCookiesOf = (response: LightMyRequestResponse): SetCookie[] =>
  response.cookies as SetCookie[];

/**
 * A customer's browser in the portal: it keeps the cookies the server sets and sends them back, and sends our
 * own Origin on unsafe requests as a browser on our pages would. `headers: { origin: undefined }` leaves the
 * Origin out; any other `origin` replaces it.
 */
export class PortalClient {
  readonly jar = new Map<string, string>();

  constructor(
    private readonly app: App,
    cookies: Record<string, string> = {},
  ) {
    for (const [name, value] of Object.entries(cookies)) this.jar.set(name, value);
  }

  /** Another browser holding the same cookies (or others given here). */
  with(cookies: Record<string, string>): PortalClient {
    return new PortalClient(this.app, { ...Object.fromEntries(this.jar), ...cookies });
  }

  cookieHeader(): string | undefined {
    if (this.jar.size === 0) return undefined;
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(response: LightMyRequestResponse): void {
    for (const cookie of setCookiesOf(response)) {
      // A cleared cookie expires in 1970. Cookies the app sets expire by the app's (test) clock, which is not
      // the machine's: comparing with Date.now() dropped a booking link's cookie once the wall clock passed
      // the test booking's end (seen on 2026-12-01 after 21:00 UTC).
      const expired = cookie.expires !== undefined && cookie.expires.getTime() <= Date.UTC(2000, 0, 1);
      if (cookie.value === '' || expired) this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
  }

  /** Follows a link from an email (absolute URL or path): GET or HEAD, not following the redirect. */
  async open(url: string, method: 'GET' | 'HEAD' = 'GET'): Promise<LightMyRequestResponse> {
    const path = url.startsWith(TEST_PUBLIC_URL) ? url.slice(TEST_PUBLIC_URL.length) : url;
    const cookie = this.cookieHeader();
    const response = await this.app.inject({ method, url: path, headers: cookie ? { cookie } : {} });
    this.keep(response);
    return response;
  }

  /** A call to /api/v1/portal{path}. */
  async api(
    method: Method,
    path: string,
    body?: unknown,
    headers: Record<string, string | undefined> = {},
  ): Promise<LightMyRequestResponse> {
    const all: Record<string, string | undefined> = {
      ...(UNSAFE.has(method) ? { origin: TEST_PUBLIC_URL } : {}),
      cookie: this.cookieHeader(),
      ...headers,
    };
    const sent = Object.fromEntries(
      Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const response = await this.app.inject({
      method,
      url: `/api/v1/portal${path}`,
      headers: sent,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.keep(response);
    return response;
  }
}
