import { randomUUID } from 'node:crypto';
import { toValidationIssues } from '@leshan/report-core/model';
import { burnVerification, hashPassword, verifyPassword } from '../auth/password.js';
import { isUniqueViolation } from '../db/db-errors.js';
import type { Refusal } from '../schemas/store-error.js';
import { refuse } from '../schemas/store-error.js';
import type { NewUser, User, UserPatch, UserRow } from '../schemas/user-schemas.js';
import {
  EmailSchema,
  NewUserSchema,
  PasswordSchema,
  UserFromRowSchema,
  UserPatchSchema,
} from '../schemas/user-schemas.js';
import type { StoreContext } from './context.js';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Tables } from '../db/tables.js';
import { assertWritable, nowIso, Rollback, writeOrRollback } from './context.js';

export type UserResult = { ok: true; user: User } | Refusal;

const toUser = (row: UserRow): User => UserFromRowSchema.parse(row);

/** The user's row, read in `db` (the store's connection or a transaction). */
const userRow = (db: Kysely<Tables>, id: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

const noSuchUser = (id: string): Refusal => refuse('not-found', '用户不存在', `no user ${id}`);

export async function createUser(ctx: StoreContext, input: NewUser): Promise<UserResult> {
  assertWritable(ctx, 'createUser');
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) {
    return refuse(
      'invalid-input',
      '用户信息不正确',
      'invalid user',
      toValidationIssues(parsed.error.issues),
    );
  }
  const now = nowIso(ctx);
  const row: UserRow = {
    id: randomUUID(),
    email: parsed.data.email,
    display_name: parsed.data.displayName,
    role: parsed.data.role,
    password_hash: await hashPassword(parsed.data.password),
    disabled: 0,
    must_change_password: parsed.data.mustChangePassword === true ? 1 : 0,
    credential_version: 0,
    created_at: now,
    updated_at: now,
  };
  try {
    await ctx.conn.write((trx) => trx.insertInto('users').values(row).execute());
  } catch (error) {
    if (isUniqueViolation(error))
      return refuse('email-taken', '该邮箱已被使用', 'e-mail address already in use');
    throw error;
  }
  return { ok: true, user: toUser(row) };
}

export async function getUser(ctx: StoreContext, id: string): Promise<User | null> {
  const row = await userRow(ctx.conn.db, id);
  return row === undefined ? null : toUser(row);
}

async function rowByEmail(ctx: StoreContext, email: string): Promise<UserRow | undefined> {
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) return undefined;
  return ctx.conn.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', parsed.data)
    .executeTakeFirst();
}

export async function findUserByEmail(ctx: StoreContext, email: string): Promise<User | null> {
  const row = await rowByEmail(ctx, email);
  return row === undefined ? null : toUser(row);
}

export async function listUsers(ctx: StoreContext): Promise<User[]> {
  const rows = await ctx.conn.db
    .selectFrom('users')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toUser);
}

/** The user when e-mail and password match an enabled account, else null (same time either way). */
export async function authenticate(
  ctx: StoreContext,
  email: string,
  password: string,
): Promise<User | null> {
  const row = await rowByEmail(ctx, email);
  if (row === undefined) {
    await burnVerification(password);
    return null;
  }
  const ok = await verifyPassword(password, row.password_hash);
  return ok && row.disabled === 0 ? toUser(row) : null;
}

const invalidPatch = (issues: Parameters<typeof toValidationIssues>[0]): Refusal =>
  refuse('invalid-input', '用户信息不正确', 'invalid user change', toValidationIssues(issues));

/**
 * Issue 15: two admins demoting each other at once left none. Every change that can take away
 * an active admin runs under one lock (PostgreSQL: a transaction advisory lock; SQLite: BEGIN
 * IMMEDIATE already lets one writer in), and counts the other active admins inside it. Returns
 * the user's row as read under that lock.
 */
async function lockedUser(
  ctx: StoreContext,
  trx: Kysely<Tables>,
  id: string,
): Promise<UserRow | undefined> {
  if (ctx.conn.engine === 'postgres')
    await sql`select pg_advisory_xact_lock(15150001)`.execute(trx);
  return userRow(trx, id);
}

async function refuseLastAdmin(
  trx: Kysely<Tables>,
  target: UserRow,
  stillAdmin: boolean,
): Promise<void> {
  if (target.role !== 'admin' || target.disabled === 1 || stillAdmin) return;
  const others = await trx
    .selectFrom('users')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('id', '!=', target.id)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0) {
    throw new Rollback(
      refuse(
        'last-admin',
        '这是最后一位在用的管理员，不能停用、删除或撤销其管理员角色；请先让另一位用户成为管理员',
        'this is the last active admin',
      ),
    );
  }
}

/** Changes a user's name, role or whether it is disabled; disabling ends their sessions. */
export async function updateUser(
  ctx: StoreContext,
  id: string,
  patch: UserPatch,
): Promise<UserResult> {
  assertWritable(ctx, 'updateUser');
  const parsed = UserPatchSchema.safeParse(patch);
  if (!parsed.success) return invalidPatch(parsed.error.issues);
  const { displayName, role, disabled } = parsed.data;
  return writeOrRollback<UserResult>(ctx, async (trx) => {
    const before = await lockedUser(ctx, trx, id);
    if (before === undefined) return noSuchUser(id);
    await refuseLastAdmin(trx, before, (role ?? before.role) === 'admin' && disabled !== true);
    const updated = await trx
      .updateTable('users')
      .set({
        updated_at: nowIso(ctx),
        ...(displayName === undefined ? {} : { display_name: displayName }),
        ...(role === undefined ? {} : { role }),
        ...(disabled === undefined ? {} : { disabled: disabled ? 1 : 0 }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (disabled === true) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return { ok: true, user: toUser(updated) };
  });
}

/** Removes a user and their sessions; never the last active admin. */
export async function deleteUser(ctx: StoreContext, id: string): Promise<UserResult> {
  assertWritable(ctx, 'deleteUser');
  return writeOrRollback<UserResult>(ctx, async (trx) => {
    const before = await lockedUser(ctx, trx, id);
    if (before === undefined) return noSuchUser(id);
    await refuseLastAdmin(trx, before, false);
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await trx.deleteFrom('users').where('id', '=', id).execute();
    return { ok: true, user: toUser(before) };
  });
}

/**
 * Sets a new password and raises the credential version, ending every session of the user,
 * including one being created at this moment (createSession checks the version in its own
 * transaction). With `currentPassword` (a user's own change) the old one must match, and the
 * version must not have moved since it was checked.
 */
export async function setPassword(
  ctx: StoreContext,
  input: { userId: string; password: string; mustChange: boolean; currentPassword?: string },
): Promise<UserResult> {
  assertWritable(ctx, 'setPassword');
  const parsed = PasswordSchema.safeParse(input.password);
  if (!parsed.success) return invalidPatch(parsed.error.issues);
  const before = await userRow(ctx.conn.db, input.userId);
  if (before === undefined) return noSuchUser(input.userId);
  if (input.currentPassword !== undefined) {
    if (!(await verifyPassword(input.currentPassword, before.password_hash)))
      return refuse('bad-password', '当前密码不正确', 'the current password is wrong');
    if (await verifyPassword(input.password, before.password_hash))
      return refuse(
        'invalid-input',
        '新密码不能与当前密码相同',
        'the new password is the current one',
      );
  }
  const hash = await hashPassword(parsed.data);
  return ctx.conn.write(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        credential_version: before.credential_version + 1,
        must_change_password: input.mustChange ? 1 : 0,
        updated_at: nowIso(ctx),
      })
      .where('id', '=', input.userId)
      .where('credential_version', '=', before.credential_version)
      .returningAll()
      .executeTakeFirst();
    if (updated === undefined)
      return refuse(
        'conflict',
        '密码刚被另一处修改，请重新登录后再试',
        'the password changed meanwhile',
      );
    await trx.deleteFrom('sessions').where('user_id', '=', input.userId).execute();
    return { ok: true as const, user: toUser(updated) };
  });
}

export async function countUsers(ctx: StoreContext): Promise<number> {
  const row = await ctx.conn.db
    .selectFrom('users')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
