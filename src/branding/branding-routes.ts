import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireAdmin } from '../auth/admin-guard.js';
import { valueOrThrow } from '../domain-error.js';
import { API_PREFIX, type App, type AppContext } from '../http/app-context.js';
import { faviconImage, logoImage, type ServedImage } from './brand-images.js';
import { removeLogo, uploadLogo } from './business-logo.js';
import { LOGO_MAX_BYTES, LOGO_TYPES } from './logo-image.js';

// Every page load asks for these: a browser keeps them and asks again with If-None-Match (a 304 costs a round
// trip, no bytes), so a new logo shows at once. The CSP keeps an image opened on its own from running anything.
const IMAGE_HEADERS = {
  'cache-control': 'public, no-cache',
  'content-security-policy': "default-src 'none'; sandbox",
};

function notModified(request: FastifyRequest, etag: string): boolean {
  const asked = request.headers['if-none-match'];
  return asked?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag) ?? false;
}

async function sendImage(request: FastifyRequest, reply: FastifyReply, image: ServedImage) {
  reply.headers(IMAGE_HEADERS).header('etag', image.etag);
  if (notModified(request, image.etag)) return reply.code(304).send();
  const { type, bytes } = valueOrThrow(await image.load());
  return reply.type(type).send(bytes);
}

export function registerBrandingRoutes(app: App, context: AppContext): void {
  const db = context.store.db;
  const onRequest = requireAdmin(context);
  const tags = ['settings'];

  // The logo upload takes raw image bytes, which no other route does: its parser lives in its own context.
  app.register(async (logoUpload) => {
    logoUpload.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    logoUpload.put(
      `${API_PREFIX}/settings/logo`,
      {
        onRequest,
        bodyLimit: LOGO_MAX_BYTES,
        schema: {
          tags,
          description: `The business's logo: the body is the image, sent as ${LOGO_TYPES.join(', ')} (at most 512 KB; the bytes must be that type). SVG is refused.`,
        },
      },
      async (request, reply) => {
        valueOrThrow(await uploadLogo(context, request.headers['content-type'], request.body));
        return reply.code(204).send();
      },
    );
  });

  app.delete(`${API_PREFIX}/settings/logo`, { onRequest, schema: { tags } }, async (_request, reply) => {
    await removeLogo(context);
    return reply.code(204).send();
  });

  app.get(
    `${API_PREFIX}/branding/logo`,
    { schema: { tags: ['branding'], security: [], description: "The business's logo (public)." } },
    async (request, reply) => sendImage(request, reply, valueOrThrow(await logoImage(db))),
  );

  app.get('/favicon.ico', { schema: { hide: true } }, async (request, reply) =>
    sendImage(request, reply, await faviconImage(db)),
  );
}
