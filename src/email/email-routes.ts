import { z } from 'zod';
import { requireAdmin } from '../auth/admin-guard.js';
import { notFound, valueOrThrow } from '../domain-error.js';
import { idField, instantOut, toIso } from '../field-schemas.js';
import { API_PREFIX, type App, type AppContext } from '../http/app-context.js';
import { TEMPLATE_VARIABLES } from './email-context.js';
import { EMAIL_KIND_TITLES, EMAIL_KINDS } from './email-kind.js';
import {
  previewEmailTemplate,
  readEmailTemplate,
  resetEmailTemplate,
  saveEmailTemplate,
} from './manage-templates.js';
import { findOutboxMessage, listOutbox, OUTBOX_STATUSES, type OutboxMessage } from './outbox-repository.js';
import { retryFailedEmail } from './retry-email.js';
import type { StoredTemplate } from './stored-templates.js';
import {
  languageQuerySchema,
  templateBodySchema,
  templateSourceOf,
  templateViewSchema,
} from './template-schemas.js';

const kindParams = z.strictObject({ kind: z.enum(EMAIL_KINDS) });
const templateSchema = templateViewSchema;
const templateView = (template: StoredTemplate): z.infer<typeof templateSchema> => ({
  kind: template.kind,
  title: EMAIL_KIND_TITLES[template.kind],
  language: template.language,
  mode: template.mode,
  subject: template.source.subject,
  html: template.html,
  text: template.text,
  blocks: template.source.mode === 'blocks' ? template.source.blocks : null,
  customized: template.customized,
  updatedAt: template.updatedAt === null ? null : toIso(template.updatedAt),
});

const outboxSummarySchema = z.object({
  id: idField,
  kind: z.enum(EMAIL_KINDS),
  bookingId: idField.nullable(),
  to: z.string(),
  subject: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  createdAt: instantOut,
  sentAt: instantOut.nullable(),
  lastError: z.string().nullable(),
});
const outboxMessageSchema = outboxSummarySchema.extend({
  html: z.string().nullable(),
  text: z.string().nullable(),
});
const outboxSummary = (message: OutboxMessage): z.infer<typeof outboxSummarySchema> => ({
  id: message.id,
  kind: message.kind,
  bookingId: message.bookingId,
  to: message.recipient,
  subject: message.subject,
  status: message.status,
  attempts: message.attempts,
  createdAt: toIso(message.createdAt),
  sentAt: message.sentAt === null ? null : toIso(message.sentAt),
  lastError: message.lastError,
});

export function registerEmailRoutes(app: App, context: AppContext): void {
  const { store, clock } = context;
  const db = store.db;
  const onRequest = requireAdmin(context);
  const tags = ['email'];

  app.get(
    `${API_PREFIX}/email-templates`,
    {
      onRequest,
      schema: {
        tags,
        description: "Every kind, in `language` (default: the business's).",
        querystring: languageQuerySchema,
        response: { 200: z.array(templateSchema) },
      },
    },
    async (request) =>
      (await Promise.all(EMAIL_KINDS.map((kind) => readEmailTemplate(db, kind, request.query.language)))).map(
        templateView,
      ),
  );
  app.get(
    `${API_PREFIX}/email-templates/variables`,
    {
      onRequest,
      schema: { tags, response: { 200: z.array(z.object({ name: z.string(), description: z.string() })) } },
    },
    () => [...TEMPLATE_VARIABLES],
  );
  const query = languageQuerySchema;
  app.get(
    `${API_PREFIX}/email-templates/:kind`,
    {
      onRequest,
      schema: {
        tags,
        description:
          "The template in `language` (default: the business's): the saved one, else that language's default.",
        params: kindParams,
        querystring: query,
        response: { 200: templateSchema },
      },
    },
    async (request) => templateView(await readEmailTemplate(db, request.params.kind, request.query.language)),
  );
  app.put(
    `${API_PREFIX}/email-templates/:kind`,
    {
      onRequest,
      schema: {
        tags,
        description:
          'Saves blocks (`mode: "blocks"`) or Liquid (`html`, `text`) for one language. A template with a problem is `422 template_invalid`, each problem in `errors` with its field, line and column; nothing is saved.',
        params: kindParams,
        querystring: query,
        body: templateBodySchema,
        response: { 200: templateSchema },
      },
    },
    async (request) =>
      templateView(
        valueOrThrow(
          await saveEmailTemplate(
            db,
            clock.now(),
            request.params.kind,
            request.query.language,
            templateSourceOf(request.body),
          ),
        ),
      ),
  );
  app.delete(
    `${API_PREFIX}/email-templates/:kind`,
    {
      onRequest,
      schema: { tags, params: kindParams, querystring: query, response: { 200: templateSchema } },
    },
    async (request) =>
      templateView(await resetEmailTemplate(db, request.params.kind, request.query.language)),
  );
  app.post(
    `${API_PREFIX}/email-templates/:kind/preview`,
    {
      onRequest,
      schema: {
        tags,
        description:
          "Renders the saved template, or the draft in the body, for the business's next booking (a sample when it has none).",
        params: kindParams,
        querystring: query,
        body: templateBodySchema.nullish(),
        response: { 200: z.object({ subject: z.string(), html: z.string(), text: z.string() }) },
      },
    },
    async (request) =>
      valueOrThrow(
        await previewEmailTemplate(
          db,
          context.publicUrl,
          clock.now(),
          request.params.kind,
          request.query.language,
          request.body ? templateSourceOf(request.body) : undefined,
        ),
      ),
  );

  app.get(
    `${API_PREFIX}/outbox`,
    {
      onRequest,
      schema: {
        tags,
        querystring: z.strictObject({
          bookingId: idField.optional(),
          status: z.enum(OUTBOX_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(outboxSummarySchema) },
      },
    },
    async (request) => (await listOutbox(db, request.query)).map(outboxSummary),
  );
  app.get(
    `${API_PREFIX}/outbox/:id`,
    {
      onRequest,
      schema: { tags, params: z.strictObject({ id: idField }), response: { 200: outboxMessageSchema } },
    },
    async (request) => {
      const message = await findOutboxMessage(db, request.params.id);
      if (!message) return valueOrThrow(notFound('email'));
      return { ...outboxSummary(message), html: message.html, text: message.text };
    },
  );
  app.post(
    `${API_PREFIX}/outbox/:id/retry`,
    {
      onRequest,
      schema: {
        tags,
        description:
          'Queues a failed email again: it goes out at once and is retried for another 24 hours. 409 email_not_failed for an email that is not failed.',
        params: z.strictObject({ id: idField }),
        response: { 200: outboxMessageSchema },
      },
    },
    async (request) => {
      const message = valueOrThrow(await retryFailedEmail(db, request.params.id, clock.now()));
      return { ...outboxSummary(message), html: message.html, text: message.text };
    },
  );
}
