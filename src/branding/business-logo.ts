import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { type DialectName, type Store, writeTransaction } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { fail, ok, type Result } from '../domain-error.js';
import { readSettingsForChange, writeSettings } from '../settings/settings-repository.js';
import { checkLogo } from './logo-image.js';
import { deleteLogo, writeLogo } from './logo-repository.js';

/**
 * The business's logo: uploaded, replaced or removed by the office. `settings.branding.hasLogo` changes in the
 * same transaction as the logo itself, so the two never disagree.
 */
export async function uploadLogo(
  context: { store: Store; clock: Clock },
  declaredType: string | undefined,
  body: unknown,
): Promise<Result<{ etag: string }>> {
  const bytes = Buffer.isBuffer(body) ? body : null;
  const check = checkLogo(declaredType, bytes);
  if (!check.ok) {
    return fail(check.reason === 'too_large' ? 'payload_too_large' : 'unsupported_media_type', check.message);
  }
  const image = bytes as Buffer;
  const etag = `"${createHash('sha256').update(image).digest('base64url').slice(0, 27)}"`;
  const now = context.clock.now();
  await writeTransaction(context.store, async (tx) => {
    await writeLogo(tx, { contentType: check.contentType, image, etag, updatedAt: now });
    await markLogo(tx, context.store.dialect, true, now);
  });
  return ok({ etag });
}

/** Removing a logo that is not there is no error: afterwards there is none either way. */
export async function removeLogo(context: { store: Store; clock: Clock }): Promise<void> {
  const now = context.clock.now();
  await writeTransaction(context.store, async (tx) => {
    await deleteLogo(tx);
    await markLogo(tx, context.store.dialect, false, now);
  });
}

async function markLogo(tx: Kysely<Database>, dialect: DialectName, hasLogo: boolean, now: number) {
  const settings = await readSettingsForChange(tx, dialect);
  if (settings.branding.hasLogo === hasLogo) return;
  await writeSettings(tx, { ...settings, branding: { ...settings.branding, hasLogo } }, now);
}
