import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@leshan/report-core/hash';
import type { Session, SessionRow } from '../schemas/session-schemas.js';
import { SessionFromRowSchema } from '../schemas/session-schemas.js';
import type { User } from '../schemas/user-schemas.js';
import type { StoreContext } from './context.js';
import type { Refusal } from '../schemas/store-error.js';
import { refuse } from '../schemas/store-error.js';
import { assertWritable, laterIso, nowIso, writeOrRollback } from './context.js';
import { getUser } from './users.js';

/** The token goes to the browser (cookie); the store keeps only its sha256. */
export interface NewSession {
  ok: true;
  token: string;
  session: Session;
}

const tokenId = (token: string): string => sha256Hex(token);

/** Sessions a user may hold at once; signing in once more ends the oldest (issue 15). */
export const MAX_SESSIONS_PER_USER = 10;

/**
 * Opens a session for a user who just proved `credentialVersion` (from authenticate). Refused
 * when the password changed since (a reset racing a sign-in, issue 15) or the user was disabled:
 * the version is checked in the transaction that inserts the session, under a row lock on
 * PostgreSQL. Expired sessions are purged and the user's oldest beyond the cap end here.
 */
export async function createSession(
  ctx: StoreContext,
  input: { userId: string; ttlMs: number; credentialVersion: number; maxPerUser?: number },
): Promise<NewSession | Refusal> {
  assertWritable(ctx, 'createSession');
  const token = randomBytes(32).toString('base64url');
  const now = nowIso(ctx);
  const row: SessionRow = {
    id: tokenId(token),
    user_id: input.userId,
    csrf_token: randomBytes(32).toString('base64url'),
    created_at: now,
    expires_at: laterIso(ctx, input.ttlMs),
    last_seen_at: now,
    credential_version: input.credentialVersion,
  };
  const max = input.maxPerUser ?? MAX_SESSIONS_PER_USER;
  return writeOrRollback<NewSession | Refusal>(ctx, async (trx) => {
    let query = trx
      .selectFrom('users')
      .select(['credential_version', 'disabled'])
      .where('id', '=', input.userId);
    if (ctx.conn.engine === 'postgres') query = query.forShare();
    const user = await query.executeTakeFirst();
    if (user?.disabled !== 0 || user.credential_version !== input.credentialVersion) {
      return refuse(
        'stale-credentials',
        '密码已更改或账号已停用，请重新登录',
        'credentials changed',
      );
    }
    await trx.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    await trx.insertInto('sessions').values(row).execute();
    const keep = await trx
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', input.userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(max)
      .execute();
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', input.userId)
      .where(
        'id',
        'not in',
        keep.map((k) => k.id),
      )
      .execute();
    return { ok: true, token, session: SessionFromRowSchema.parse(row) };
  });
}

/**
 * The live session of a token with its user, or null when the token is unknown, expired or
 * revoked, or the user is disabled. `touch` (default true) records the visit as lastSeenAt.
 */
export async function getSession(
  ctx: StoreContext,
  token: string,
  options: { touch?: boolean } = {},
): Promise<{ session: Session; user: User } | null> {
  const now = nowIso(ctx);
  const row = await ctx.conn.db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', tokenId(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined) return null;
  const user = await getUser(ctx, row.user_id);
  if (user === null || user.disabled || user.credentialVersion !== row.credential_version)
    return null;
  if (options.touch !== false && !ctx.conn.readonly) {
    await ctx.conn.write((trx) =>
      trx.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute(),
    );
    row.last_seen_at = now;
  }
  return { session: SessionFromRowSchema.parse(row), user };
}

/** Moves the expiry to now + ttlMs (sliding sessions); false when the session is gone. */
export async function extendSession(
  ctx: StoreContext,
  token: string,
  ttlMs: number,
): Promise<boolean> {
  assertWritable(ctx, 'extendSession');
  const result = await ctx.conn.write((trx) =>
    trx
      .updateTable('sessions')
      .set({ expires_at: laterIso(ctx, ttlMs) })
      .where('id', '=', tokenId(token))
      .where('expires_at', '>', nowIso(ctx))
      .executeTakeFirst(),
  );
  return result.numUpdatedRows > 0n;
}

export async function revokeSession(ctx: StoreContext, token: string): Promise<boolean> {
  assertWritable(ctx, 'revokeSession');
  const result = await ctx.conn.write((trx) =>
    trx.deleteFrom('sessions').where('id', '=', tokenId(token)).executeTakeFirst(),
  );
  return result.numDeletedRows > 0n;
}

export async function revokeUserSessions(ctx: StoreContext, userId: string): Promise<number> {
  assertWritable(ctx, 'revokeUserSessions');
  const result = await ctx.conn.write((trx) =>
    trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst(),
  );
  return Number(result.numDeletedRows);
}

/** Deletes expired sessions; returns how many. */
export async function deleteExpiredSessions(ctx: StoreContext): Promise<number> {
  assertWritable(ctx, 'deleteExpiredSessions');
  const result = await ctx.conn.write((trx) =>
    trx.deleteFrom('sessions').where('expires_at', '<=', nowIso(ctx)).executeTakeFirst(),
  );
  return Number(result.numDeletedRows);
}
