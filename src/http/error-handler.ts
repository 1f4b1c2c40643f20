import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, isRowRuleViolation } from '../db/dialect.js';
import { type DomainError, DomainFailure, type ErrorCode } from '../domain-error.js';
import type { Metrics } from '../observability/metrics.js';

const STATUS_OF: Record<ErrorCode, number> = {
  validation_failed: 422,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  too_many_attempts: 429,
  slot_unavailable: 409,
  booking_changed: 409,
  booking_not_active: 422,
  minimum_notice: 422,
  outside_working_hours: 422,
  outside_booking_window: 422,
  reschedule_limit_reached: 422,
  reschedule_disabled: 403,
  cancel_disabled: 403,
  service_unavailable: 422,
  in_use: 409,
  already_exists: 409,
  idempotency_key_reused: 422,
  template_invalid: 422,
  database_unavailable: 503,
  email_not_failed: 409,
  unsupported_media_type: 415,
  payload_too_large: 413,
  staff_not_available: 422,
  reschedule_request_pending: 409,
  reschedule_request_not_pending: 409,
};

/** Seconds a client should wait before retrying while the database is away (a restart takes a few). */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

const TITLE_OF: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * What the HTTP layer itself refuses (before any route runs), by status. Fixed words: the framework's own
 * messages quote the path or a header, and an error answer never echoes the request.
 */
const PROTOCOL_PROBLEM: Record<number, { code: string; detail: string }> = {
  400: { code: 'bad_request', detail: 'the request is malformed' },
  405: { code: 'method_not_allowed', detail: 'this endpoint does not take that method' },
  408: { code: 'request_timeout', detail: 'the request took too long to arrive' },
  413: { code: 'payload_too_large', detail: 'the request body is too large' },
  414: { code: 'uri_too_long', detail: 'the request URL is too long' },
  415: { code: 'unsupported_media_type', detail: 'send the body as application/json' },
  431: { code: 'headers_too_large', detail: 'the request headers are too large' },
};

export interface FieldIssue {
  field: string;
  message: string;
  line?: number;
  column?: number;
}

export function statusOf(code: ErrorCode): number {
  return STATUS_OF[code];
}

/** RFC 9457 problem details with our stable `code`. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldIssue[],
  extensions?: Record<string, unknown>,
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send(problemBody(status, code, detail, errors, extensions));
}

function problemBody(
  status: number,
  code: string,
  detail: string,
  errors?: FieldIssue[],
  extensions?: Record<string, unknown>,
) {
  return {
    ...extensions,
    type: `about:blank`,
    title: TITLE_OF[status] ?? STATUS_CODES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(errors ? { errors } : {}),
  };
}

function sendProtocolProblem(reply: FastifyReply, status: number): FastifyReply {
  const problem = PROTOCOL_PROBLEM[status] ?? PROTOCOL_PROBLEM[400];
  if (!problem) throw new Error('the 400 problem is always defined');
  return sendProblem(reply, status, problem.code, problem.detail);
}

export function sendDatabaseUnavailable(reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)),
    503,
    'database_unavailable',
    'the database is not available right now; please try again in a moment',
  );
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers too large, a malformed request
 * line, a request that took too long): answer those on the raw socket, as problem+json, then close it.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): number | undefined {
  if (error.code === 'ECONNRESET' || socket.destroyed) return undefined;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const problem = PROTOCOL_PROBLEM[status];
  const body = JSON.stringify(problemBody(status, problem?.code ?? 'bad_request', problem?.detail ?? ''));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
  return status;
}

/** The router's own refusals (a URL it cannot decode, a path segment over the length limit). */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  sendProtocolProblem(reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400);
}

export function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  const errors =
    error.issues?.map((issue) => ({ ...issue })) ??
    (error.field
      ? [
          {
            field: error.field,
            message: error.message,
            ...(error.line !== undefined && { line: error.line }),
          },
        ]
      : undefined);
  return sendProblem(reply, statusOf(error.code), error.code, error.message, errors, error.extensions);
}

function fieldName(path: readonly string[], part: string): string {
  return path.length > 0 ? path.join('.') : part;
}

export function installErrorHandler(app: FastifyInstance, metrics: Pick<Metrics, 'changeRefused'>): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainFailure) {
      // Every refusal a use case returns reaches the client through here: the one place to count them.
      metrics.changeRefused(error.error.code);
      return sendDomainError(reply, error.error);
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = error.validationContext ?? 'body';
      const errors = error.validation.flatMap((issue): FieldIssue[] => {
        const path = issue.instancePath.split('/').filter(Boolean);
        const unknownKeys = (issue.params as { keys?: unknown }).keys;
        if (issue.keyword === 'unrecognized_keys' && Array.isArray(unknownKeys)) {
          return unknownKeys.map((key) => ({
            field: fieldName([...path, String(key)], part),
            message: 'is not a known field',
          }));
        }
        return [{ field: fieldName(path, part), message: issue.message ?? 'is invalid' }];
      });
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return sendProblem(reply, 422, 'validation_failed', detail, errors);
    }

    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, 422, 'validation_failed', 'body: is not valid JSON', [
          { field: 'body', message: 'is not valid JSON' },
        ]);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProtocolProblem(reply, 415);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProtocolProblem(reply, 413);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendDatabaseUnavailable(reply);
    }
    // A value the database cannot store (PostgreSQL data exceptions, class 22): the caller's input, not our fault.
    // A row the database's own rules refuse (migration 0005) is the same: refused, never half-written.
    if ((typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code)) || isRowRuleViolation(error)) {
      return sendProblem(reply, 422, 'validation_failed', 'a value in the request cannot be stored');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const known = PROTOCOL_PROBLEM[error.statusCode];
      return known
        ? sendProtocolProblem(reply, error.statusCode)
        : sendProblem(reply, error.statusCode, 'bad_request', 'the request cannot be handled');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal_error', 'something went wrong on our side; please try again');
  });

  const routes = knownRoutes(app);
  app.setNotFoundHandler((request, reply) => {
    const allowed = routes.methodsAt(request.url.split('?')[0] ?? '/');
    // A route that takes this method and found nothing (a static file that is not there, e.g. an old asset
    // after a deploy) is a 404, not "use GET" to a GET.
    if (allowed.length > 0 && !allowed.includes(request.method))
      return sendProtocolProblem(reply.header('allow', allowed.join(', ')), 405);
    return sendProblem(reply, 404, 'not_found', 'there is no such endpoint');
  });
}

/** Every route's method and path pattern, to tell "no such endpoint" (404) from "not with that method" (405). */
function knownRoutes(app: FastifyInstance) {
  const patterns: { method: string; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const pattern = new RegExp(
      `^${route.url
        .split('/')
        .map((segment) =>
          segment.startsWith(':')
            ? '[^/]+'
            : segment === '*'
              ? '.*'
              : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/')}/?$`,
    );
    for (const method of methods) patterns.push({ method, pattern });
  });
  return {
    methodsAt(path: string): string[] {
      const methods = patterns.filter((route) => route.pattern.test(path)).map((route) => route.method);
      return [...new Set(methods)].sort();
    },
  };
}
