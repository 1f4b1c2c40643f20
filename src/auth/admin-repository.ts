import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export type CredentialKind = 'session' | 'api_token';

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
}

export async function findAdminByEmail(db: Kysely<Database>, email: string): Promise<AdminUser | undefined> {
  const row = await db
    .selectFrom('admin_users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash };
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('admin_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertAdmin(
  db: Kysely<Database>,
  admin: { id: string; email: string; name: string; passwordHash: string },
  now: number,
): Promise<void> {
  await db
    .insertInto('admin_users')
    .values({
      id: admin.id,
      email: admin.email.toLowerCase(),
      name: admin.name,
      password_hash: admin.passwordHash,
      created_at: now,
    })
    .execute();
}

export async function insertCredential(
  db: Kysely<Database>,
  credential: { id: string; adminId: string; kind: CredentialKind; tokenHash: string; expiresAt: number },
  now: number,
): Promise<void> {
  await db
    .insertInto('admin_credentials')
    .values({
      id: credential.id,
      admin_id: credential.adminId,
      kind: credential.kind,
      token_hash: credential.tokenHash,
      created_at: now,
      expires_at: credential.expiresAt,
      last_used_at: now,
    })
    .execute();
}

export async function findLiveCredential(
  db: Kysely<Database>,
  tokenHash: string,
  kind: CredentialKind,
  now: number,
) {
  return db
    .selectFrom('admin_credentials')
    .innerJoin('admin_users', 'admin_users.id', 'admin_credentials.admin_id')
    .select([
      'admin_credentials.id',
      'admin_credentials.admin_id',
      'admin_credentials.expires_at',
      'admin_users.email',
    ])
    .where('admin_credentials.token_hash', '=', tokenHash)
    .where('admin_credentials.kind', '=', kind)
    .where('admin_credentials.expires_at', '>', now)
    .executeTakeFirst();
}

export async function extendCredential(
  db: Kysely<Database>,
  id: string,
  expiresAt: number,
  now: number,
): Promise<void> {
  await db
    .updateTable('admin_credentials')
    .set({ expires_at: expiresAt, last_used_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteCredential(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('admin_credentials').where('token_hash', '=', tokenHash).execute();
}

/** Housekeeping: at most `batch` sessions and API tokens past their `expires_at`. */
export async function deleteExpiredCredentials(
  db: Kysely<Database>,
  expiredBy: number,
  batch: number,
): Promise<number> {
  const dead = db
    .selectFrom('admin_credentials')
    .select('id')
    .where('expires_at', '<=', expiredBy)
    .limit(batch);
  const result = await db.deleteFrom('admin_credentials').where('id', 'in', dead).executeTakeFirst();
  return Number(result.numDeletedRows);
}
