import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isRowRuleViolation } from '../db/dialect.js';
import { type DomainError, DomainFailure, type ErrorCode } from '../domain-error.js';

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
};

const TITLE_OF: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export interface FieldIssue {
  field: string;
  message: string;
  line?: number;
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
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `about:blank`,
      title: TITLE_OF[status] ?? 'Error',
      status,
      code,
      detail,
      ...(errors ? { errors } : {}),
    });
}

export function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  const errors = error.field
    ? [{ field: error.field, message: error.message, ...(error.line !== undefined && { line: error.line }) }]
    : undefined;
  return sendProblem(reply, statusOf(error.code), error.code, error.message, errors);
}

function fieldName(path: readonly string[], part: string): string {
  return path.length > 0 ? path.join('.') : part;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainFailure) return sendDomainError(reply, error.error);

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
        return sendProblem(reply, 415, 'unsupported_media_type', 'send the body as application/json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, 413, 'payload_too_large', 'the request body is too large');
    }
    // A value the database cannot store (PostgreSQL data exceptions, class 22): the caller's input, not our fault.
    // A row the database's own rules refuse (migration 0005) is the same: refused, never half-written.
    if ((typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code)) || isRowRuleViolation(error)) {
      return sendProblem(reply, 422, 'validation_failed', 'a value in the request cannot be stored');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, error.statusCode, 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal_error', 'something went wrong on our side; please try again');
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, 'not_found', `no such endpoint: ${request.method} ${request.url.split('?')[0]}`),
  );
}
