import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound, ok, type Result } from '../domain-error.js';
import { readSettings } from '../settings/settings-repository.js';
import { defaultFavicon } from './default-favicon.js';
import { readLogo, readLogoTag } from './logo-repository.js';

/**
 * An image the app serves publicly: its tag first, so a conditional request (If-None-Match) is answered
 * without reading the bytes; the bytes on demand.
 */
export interface ServedImage {
  etag: string;
  load(): Promise<Result<{ type: string; bytes: Buffer }>>;
}

// The logo may be removed between reading its tag and its bytes: then it is simply not there.
const loadLogo = async (db: Kysely<Database>) => {
  const logo = await readLogo(db);
  return logo ? ok({ type: logo.contentType, bytes: logo.image }) : notFound('logo');
};

/** The business's logo, or `not_found` when it has none. */
export async function logoImage(db: Kysely<Database>): Promise<Result<ServedImage>> {
  const etag = await readLogoTag(db);
  if (etag === undefined) return notFound('logo');
  return ok({ etag, load: () => loadLogo(db) });
}

/** The portal's and the admin's favicon: the logo when there is one, else one drawn in the accent colour. */
export async function faviconImage(db: Kysely<Database>): Promise<ServedImage> {
  const logo = await logoImage(db);
  if (logo.ok) return logo.value;
  const drawn = defaultFaviconFor((await readSettings(db)).branding.accentColor);
  return { etag: drawn.etag, load: async () => ok({ type: 'image/png', bytes: drawn.bytes }) };
}

// Drawing is cheap but not free, and every page load asks: one per colour the business has had.
const drawnFavicons = new Map<string, { etag: string; bytes: Buffer }>();
function defaultFaviconFor(accentColor: string) {
  let found = drawnFavicons.get(accentColor);
  if (found === undefined) {
    const bytes = defaultFavicon(accentColor);
    found = {
      etag: `"default-${createHash('sha256').update(bytes).digest('base64url').slice(0, 16)}"`,
      bytes,
    };
    drawnFavicons.set(accentColor, found);
  }
  return found;
}
