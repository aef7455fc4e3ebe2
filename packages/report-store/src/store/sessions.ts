import { createHash, randomBytes } from 'node:crypto';
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

// Node's sha256: the same digest as report-core's portable one, a fraction of its cost per request.
const tokenId = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Sessions a user may hold at once; signing in once more ends the oldest (issue 15). */
export const MAX_SESSIONS_PER_USER = 10;

/**
 * Opens a session for a user who just proved `credentialVersion` (from authenticate). Refused
 * when the password changed since (a reset racing a sign-in, issue 15) or the user was disabled:
 * the version is checked in the transaction that inserts the session, under a row lock on
 * PostgreSQL (which also orders sign-ins of one user, so the cap holds). Expired sessions are purged and the user's oldest beyond the cap end here.
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
    // FOR UPDATE, not FOR SHARE: two sign-ins of one user at once must also wait for each other,
    // or each keeps its own newest ten and the user holds eleven (reliability run, PostgreSQL).
    if (ctx.conn.engine === 'postgres') query = query.forUpdate();
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

type Found = { session: Session; user: User };

/** How long a looked-up session is kept at most; every use also checks it was not revoked. */
export const SESSION_KEPT_MS = 5_000;
const KEPT_MAX = 1_000;

interface Kept {
  found: Found;
  generation: number;
  othersCommitted: number;
  until: number;
}

// Issue 13: the session lookup cost two queries on every request. On SQLite a lookup is kept for
// a few seconds, keyed by the token's hash, and used only while nothing could have changed it:
// this store changed no session or user since (credentialsChanged, called by every write of
// sessions and users through the Store), no other connection committed anything
// (PRAGMA data_version) and the session has not expired. PostgreSQL looks up every time.
const kept = new WeakMap<StoreContext, { generation: number; entries: Map<string, Kept> }>();

function keptOf(ctx: StoreContext): { generation: number; entries: Map<string, Kept> } {
  let state = kept.get(ctx);
  if (state === undefined) kept.set(ctx, (state = { generation: 0, entries: new Map() }));
  return state;
}

/**
 * Forgets every kept session lookup: called after (and whether or not) a write of sessions or
 * users ends — sign-out, password change, role or disabled change, deletion, expiry purge.
 */
export function credentialsChanged(ctx: StoreContext): void {
  const state = keptOf(ctx);
  state.generation += 1;
  state.entries.clear();
}

/** Runs a write of sessions or users, then forgets the kept lookups (credentialsChanged). */
export async function changingCredentials<T>(
  ctx: StoreContext,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } finally {
    credentialsChanged(ctx);
  }
}

/**
 * The live session of a token with its user, or null when the token is unknown, expired or
 * revoked, or the user is disabled. `touch` (default true) records the visit as lastSeenAt;
 * without it a lookup may be answered from the last few seconds' (see `kept` above).
 */
export async function getSession(
  ctx: StoreContext,
  token: string,
  options: { touch?: boolean } = {},
): Promise<Found | null> {
  const id = tokenId(token);
  const state = keptOf(ctx);
  const marks = ctx.conn.othersCommitted;
  const cacheable = options.touch === false && marks !== null;
  const generation = state.generation;
  // Read before the database: a change committed after this is seen by the next lookup.
  const othersCommitted = cacheable ? marks() : 0;
  if (cacheable) {
    const hit = state.entries.get(id);
    if (
      hit !== undefined &&
      hit.generation === generation &&
      hit.othersCommitted === othersCommitted &&
      hit.until > Date.now() &&
      hit.found.session.expiresAt > nowIso(ctx)
    )
      return hit.found;
    state.entries.delete(id);
  }
  const found = await lookUpSession(ctx, id, options);
  if (cacheable && found !== null && state.generation === generation) {
    if (state.entries.size >= KEPT_MAX) state.entries.clear();
    state.entries.set(id, {
      found,
      generation,
      othersCommitted,
      until: Date.now() + SESSION_KEPT_MS,
    });
  }
  return found;
}

async function lookUpSession(
  ctx: StoreContext,
  id: string,
  options: { touch?: boolean },
): Promise<Found | null> {
  const now = nowIso(ctx);
  const row = await ctx.conn.db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
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
