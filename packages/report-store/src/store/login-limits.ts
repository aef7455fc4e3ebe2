import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import type { LoginAttempt, LoginLimitRow, LoginLimits } from '../schemas/login-limit-schemas.js';
import type { StoreContext } from './context.js';
import { assertWritable } from './context.js';

const EPOCH = new Date(0).toISOString();

/** The three counters of one sign-in attempt, in a fixed (sorted) order so locks never cross. */
function limitKeys(
  email: string,
  address: string,
): { account: string; address: string; pair: string } {
  const account = email.trim().toLowerCase();
  return {
    account: `account:${account}`,
    address: `address:${address}`,
    pair: `pair:${account}|${address}`,
  };
}

async function lockRows(
  ctx: StoreContext,
  trx: Kysely<Tables>,
  keys: string[],
  now: string,
): Promise<Map<string, LoginLimitRow>> {
  const sorted = [...keys].sort();
  await trx
    .insertInto('login_limits')
    .values(sorted.map((key) => ({ key, attempts: 0, window_start: now, last_attempt_at: EPOCH })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  let query = trx.selectFrom('login_limits').selectAll().where('key', 'in', sorted).orderBy('key');
  // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL locks the three rows.
  if (ctx.conn.engine === 'postgres') query = query.forUpdate();
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.key, row]));
}

/** The row as the current window sees it: an expired window counts from zero again. */
function current(
  row: LoginLimitRow | undefined,
  nowMs: number,
  limits: LoginLimits,
): { attempts: number; windowStart: number; last: number } {
  const windowStart = row === undefined ? nowMs : Date.parse(row.window_start);
  const last = row === undefined ? 0 : Date.parse(row.last_attempt_at);
  if (row === undefined || windowStart + limits.windowMs <= nowMs)
    return { attempts: 0, windowStart: nowMs, last };
  return { attempts: row.attempts, windowStart, last };
}

/**
 * Counts a sign-in attempt before its password is checked (issue 15: a burst sent at once was
 * all evaluated). Refused, nothing is counted; allowed, all three counters go up in one
 * transaction, so N simultaneous attempts pass at most the limit.
 */
export async function reserveLoginAttempt(
  ctx: StoreContext,
  input: { email: string; address: string; limits: LoginLimits },
): Promise<LoginAttempt> {
  assertWritable(ctx, 'reserveLoginAttempt');
  const { limits } = input;
  const keys = limitKeys(input.email, input.address);
  const nowMs = ctx.now().getTime();
  const now = new Date(nowMs).toISOString();
  return ctx.conn.write(async (trx) => {
    // Counters idle longer than a window and the longest wait are forgotten.
    const stale = new Date(nowMs - Math.max(limits.windowMs, limits.delayCapMs)).toISOString();
    await trx
      .deleteFrom('login_limits')
      .where('last_attempt_at', '<', stale)
      .where('window_start', '<', stale)
      .execute();
    const rows = await lockRows(ctx, trx, Object.values(keys), now);
    const pair = current(rows.get(keys.pair), nowMs, limits);
    const address = current(rows.get(keys.address), nowMs, limits);
    const account = current(rows.get(keys.account), nowMs, limits);
    const refusals: LoginAttempt[] = [];
    if (pair.attempts >= limits.pairMax)
      refusals.push({
        ok: false,
        limit: 'pair',
        retryAfterMs: pair.windowStart + limits.windowMs - nowMs,
      });
    if (address.attempts >= limits.addressMax)
      refusals.push({
        ok: false,
        limit: 'address',
        retryAfterMs: address.windowStart + limits.windowMs - nowMs,
      });
    if (account.attempts >= limits.accountFree) {
      // Per account a growing wait between attempts, never a lock: the owner can still sign in.
      const delay = Math.min(
        limits.delayCapMs,
        limits.delayBaseMs * 2 ** (account.attempts - limits.accountFree),
      );
      const wait = account.last + delay - nowMs;
      if (wait > 0) refusals.push({ ok: false, limit: 'account', retryAfterMs: wait });
    }
    const refused = refusals.sort((a, b) =>
      b.ok || a.ok ? 0 : b.retryAfterMs - a.retryAfterMs,
    )[0];
    if (refused !== undefined) return refused;
    for (const [key, state] of [
      [keys.pair, pair],
      [keys.address, address],
      [keys.account, account],
    ] as const) {
      await trx
        .updateTable('login_limits')
        .set({
          attempts: state.attempts + 1,
          window_start: new Date(state.windowStart).toISOString(),
          last_attempt_at: now,
        })
        .where('key', '=', key)
        .execute();
    }
    return { ok: true as const };
  });
}

/**
 * After the password check. A success clears only the signed-in account's own counters and
 * takes back its own count at the address; it never clears another key (issue 15: one good
 * login reset the address, so an attacker with any account could interleave guesses).
 */
export async function settleLoginAttempt(
  ctx: StoreContext,
  input: { email: string; address: string; succeeded: boolean },
): Promise<void> {
  assertWritable(ctx, 'settleLoginAttempt');
  if (!input.succeeded) return;
  const keys = limitKeys(input.email, input.address);
  await ctx.conn.write(async (trx) => {
    await trx.deleteFrom('login_limits').where('key', 'in', [keys.pair, keys.account]).execute();
    await trx
      .updateTable('login_limits')
      .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
      .where('key', '=', keys.address)
      .where('attempts', '>', 0)
      .execute();
  });
}
