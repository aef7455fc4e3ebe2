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
  UserFromRowSchema,
  UserPatchSchema,
} from '../schemas/user-schemas.js';
import type { StoreContext } from './context.js';
import { assertWritable, nowIso } from './context.js';

export type UserResult = { ok: true; user: User } | Refusal;

const toUser = (row: UserRow): User => UserFromRowSchema.parse(row);

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
  const row = await ctx.conn.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
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

/** Changes a user; disabling a user or setting a new password also ends their sessions. */
export async function updateUser(
  ctx: StoreContext,
  id: string,
  patch: UserPatch,
): Promise<UserResult> {
  assertWritable(ctx, 'updateUser');
  const parsed = UserPatchSchema.safeParse(patch);
  if (!parsed.success) {
    return refuse(
      'invalid-input',
      '用户信息不正确',
      'invalid user change',
      toValidationIssues(parsed.error.issues),
    );
  }
  const { displayName, role, disabled, password } = parsed.data;
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  const row = await ctx.conn.write(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({
        updated_at: nowIso(ctx),
        ...(displayName === undefined ? {} : { display_name: displayName }),
        ...(role === undefined ? {} : { role }),
        ...(disabled === undefined ? {} : { disabled: disabled ? 1 : 0 }),
        ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (updated !== undefined && (disabled === true || passwordHash !== undefined)) {
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    return updated;
  });
  if (row === undefined) return refuse('not-found', '用户不存在', `no user ${id}`);
  return { ok: true, user: toUser(row) };
}

export async function countUsers(ctx: StoreContext): Promise<number> {
  const row = await ctx.conn.db
    .selectFrom('users')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
