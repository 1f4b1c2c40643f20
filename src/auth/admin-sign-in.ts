import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { fail, ok, type Result, tooMany } from '../domain-error.js';
import { ADMIN_SIGN_IN_PER_ACCOUNT, hitRateLimit, takeBackRateLimitHit } from '../limits/rate-limits.js';
import {
  type CredentialKind,
  countAdmins,
  deleteCredential,
  extendCredential,
  findAdminByEmail,
  findLiveCredential,
  insertAdmin,
  insertCredential,
} from './admin-repository.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';

const HOUR = 3_600_000;
/** A browser session ends after 12 idle hours; an API token lives 30 days. */
const LIFETIME: Record<CredentialKind, number> = { session: 12 * HOUR, api_token: 30 * 24 * HOUR };
/** Extending a session on every request would write on every read; once a minute is plenty. */
const EXTEND_AFTER = 60_000;

// Verifying against a real hash even for an unknown email keeps both answers equally slow.
const UNKNOWN_ADMIN_HASH = hash('not-a-real-password-but-a-timing-decoy');

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function createAdmin(
  db: Kysely<Database>,
  clock: Clock,
  email: string,
  password: string,
  name = 'Admin',
) {
  await insertAdmin(
    db,
    { id: randomUUID(), email, name, passwordHash: await hashPassword(password) },
    clock.now(),
  );
}

/** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD; later starts leave admins alone. */
export async function ensureInitialAdmin(
  db: Kysely<Database>,
  clock: Clock,
  admin: { email: string; password: string } | undefined,
): Promise<boolean> {
  if (!admin || (await countAdmins(db)) > 0) return false;
  await createAdmin(db, clock, admin.email, admin.password);
  return true;
}

export async function signIn(
  db: Kysely<Database>,
  clock: Clock,
  credentials: { email: string; password: string },
  kind: CredentialKind,
): Promise<Result<{ token: string; expiresAt: number }>> {
  const now = clock.now();
  // Every attempt is counted before its password is checked, so attempts arriving together cannot all be
  // checked; a right password takes its count back, and leaves the failures before it standing. Unknown emails
  // are counted alike: the lockout says nothing about which accounts exist.
  const attempt = await hitRateLimit(db, ADMIN_SIGN_IN_PER_ACCOUNT, credentials.email, now);
  if (!attempt.allowed) {
    const minutes = Math.ceil(attempt.retryAfterMs / 60_000);
    return tooMany(
      'too_many_attempts',
      `too many failed sign-ins for this account: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      attempt.retryAfterMs,
    );
  }
  const admin = await findAdminByEmail(db, credentials.email);
  const passwordMatches = await verify(
    admin?.passwordHash ?? (await UNKNOWN_ADMIN_HASH),
    credentials.password,
  );
  if (!admin || !passwordMatches) return fail('unauthorized', 'email or password is wrong');
  await takeBackRateLimitHit(db, ADMIN_SIGN_IN_PER_ACCOUNT, credentials.email, now);
  const token = newSecretToken();
  const expiresAt = now + LIFETIME[kind];
  await insertCredential(
    db,
    { id: randomUUID(), adminId: admin.id, kind, tokenHash: hashSecretToken(token), expiresAt },
    now,
  );
  return ok({ token, expiresAt });
}

export interface AdminIdentity {
  adminId: string;
  email: string;
}

export async function authenticate(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
  kind: CredentialKind,
): Promise<AdminIdentity | undefined> {
  const now = clock.now();
  const credential = await findLiveCredential(db, hashSecretToken(token), kind, now);
  if (!credential) return undefined;
  const freshExpiry = now + LIFETIME[kind];
  if (kind === 'session' && freshExpiry - credential.expires_at > EXTEND_AFTER) {
    await extendCredential(db, credential.id, freshExpiry, now);
  }
  return { adminId: credential.admin_id, email: credential.email };
}

export async function signOut(db: Kysely<Database>, token: string): Promise<void> {
  await deleteCredential(db, hashSecretToken(token));
}
