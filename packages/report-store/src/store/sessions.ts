import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@leshan/report-core/hash';
import type { Session, SessionRow } from '../schemas/session-schemas.js';
import { SessionFromRowSchema } from '../schemas/session-schemas.js';
import type { User } from '../schemas/user-schemas.js';
import type { StoreContext } from './context.js';
import { assertWritable, laterIso, nowIso } from './context.js';
import { getUser } from './users.js';

/** The token goes to the browser (cookie); the store keeps only its sha256. */
export interface NewSession {
  token: string;
  session: Session;
}

const tokenId = (token: string): string => sha256Hex(token);

export async function createSession(
  ctx: StoreContext,
  input: { userId: string; ttlMs: number },
): Promise<NewSession> {
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
  };
  await ctx.conn.write((trx) => trx.insertInto('sessions').values(row).execute());
  return { token, session: SessionFromRowSchema.parse(row) };
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
  if (user === null || user.disabled) return null;
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
