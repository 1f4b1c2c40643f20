import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A string that must never come back in an error answer: it rides in the path, the query or the body. */
const MARKER = 'echo-me-not-4711';

interface Answer {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are (Node's parser refuses some requests before Fastify sees them) and reads the answer. */
function rawRequest(port: number, request: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = received.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({
        status: Number(statusLine.split(' ')[1]),
        contentType: headers['content-type'] ?? '',
        headers,
        body: rest.join('\r\n\r\n'),
      });
    });
  });
}

describe('every error answer is problem+json and echoes nothing', () => {
  let t: TestApp;
  let port: number;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
    auth = { authorization: `Bearer ${t.token}` };
  });
  afterAll(() => t.close());

  async function send(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, ...init });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    } satisfies Answer;
  }

  function expectProblem(answer: Answer, status: number, code: string) {
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(answer.body) as {
      status: number;
      code: string;
      title: string;
      detail: string;
    };
    expect(problem).toMatchObject({ status, code });
    expect(problem.title.length).toBeGreaterThan(0);
    expect(answer.body).not.toContain(MARKER);
  }

  it('400: a request line Node cannot parse, and a URL that does not decode', async () => {
    expectProblem(
      await rawRequest(port, `GET /${MARKER} HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n`),
      400,
      'bad_request',
    );
    expectProblem(
      await send('GET', `/api/v1/bookings/${MARKER}%E0%A4%A`, { headers: auth }),
      400,
      'bad_request',
    );
  });

  it('404: an unknown route, without quoting its path', async () => {
    expectProblem(await send('GET', `/api/v1/${MARKER}?q=${MARKER}`), 404, 'not_found');
    expectProblem(await send('POST', `/${MARKER}`, { body: MARKER }), 404, 'not_found');
  });

  it('404: a built asset that is not there (an old page after a deploy), not 405 to the method it allows', async () => {
    const answer = await send('GET', `/assets/${MARKER}.js`);
    expectProblem(answer, 404, 'not_found');
    expect(answer.headers.allow).toBeUndefined();
  });

  it('405: a known path with a method it does not take, naming the ones it does', async () => {
    const answer = await send('PUT', '/api/v1/bookings', { headers: auth, body: MARKER });
    expectProblem(answer, 405, 'method_not_allowed');
    expect(answer.headers.allow).toBe('GET, HEAD, POST');
    expectProblem(
      await send('DELETE', `/api/v1/customers/${MARKER}`, { headers: auth }),
      405,
      'method_not_allowed',
    );
  });

  it('413: a body over the limit', async () => {
    const body = JSON.stringify({ name: MARKER.repeat(30_000) });
    const answer = await send('POST', '/api/v1/customers', {
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    expectProblem(answer, 413, 'payload_too_large');
  });

  it('414: a path segment over the router limit', async () => {
    expectProblem(
      await send('GET', `/api/v1/bookings/${MARKER.repeat(30)}`, { headers: auth }),
      414,
      'uri_too_long',
    );
  });

  it('415: text/plain where the endpoint takes JSON', async () => {
    const answer = await send('POST', '/api/v1/customers', {
      headers: { ...auth, 'content-type': 'text/plain' },
      body: MARKER,
    });
    expectProblem(answer, 415, 'unsupported_media_type');
  });

  it('422: a malformed body names the field but not its value', async () => {
    const answer = await send('POST', '/api/v1/customers', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ann', email: MARKER }),
    });
    expectProblem(answer, 422, 'validation_failed');
    expect(JSON.parse(answer.body).errors[0].field).toBe('email');
    const notJson = await send('POST', '/api/v1/customers', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: `{"name": ${MARKER}`,
    });
    expectProblem(notJson, 422, 'validation_failed');
  });

  it('429: too many sign-in requests', async () => {
    const statuses: number[] = [];
    let last: Answer | undefined;
    for (let i = 0; i < 12 && last?.status !== 429; i++) {
      last = await send('POST', '/api/v1/portal/sign-in', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${MARKER}@example.com` }),
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expectProblem(last as Answer, 429, 'rate_limited');
  });

  it('431: headers over Node’s limit', async () => {
    const answer = await rawRequest(
      port,
      `GET /${MARKER} HTTP/1.1\r\nHost: x\r\nX-Big: ${MARKER.repeat(2_000)}\r\n\r\n`,
    );
    expectProblem(answer, 431, 'headers_too_large');
  });
});
