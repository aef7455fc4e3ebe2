import { z } from 'zod';
import {
  AuditListSchema,
  AuditQuerySchema,
  CreateUserBodySchema,
  PasswordResetSchema,
  UpdateUserBodySchema,
  UserListSchema,
  UserParamsSchema,
} from '../api/users.schemas.js';
import { UserViewSchema } from '../api/session.schemas.js';
import type { AdminDeps } from '../deps.js';
import { nameOf, userNames } from '../deps.js';
import { ApiError, notFound } from '@leshan/http-kit';
import { route } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';
import { toUserView } from './session.routes.js';
import { assertAcceptablePassword, oneTimePassword } from '../auth/password-rule.js';
import type { Refusal } from '@leshan/report-store';

/** A store refusal of a user change as the API says it. */
function refused(result: Refusal): never {
  const { code, message } = result.error;
  if (code === 'not-found') throw notFound('该用户');
  throw new ApiError(code === 'last-admin' || code === 'conflict' ? 409 : 400, code, message.zh);
}

const selfOnly = (): ApiError =>
  new ApiError(
    400,
    'self-lockout',
    '不能停用、删除自己的账号或撤销自己的管理员角色，请让另一位管理员操作',
  );

const UserBodySchema = z.object({ user: UserViewSchema });

export function userRoutes({ store }: AdminDeps): AdminRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/users',
      operationId: 'listUsers',
      summary: 'All accounts',
      tag: 'users',
      access: 'admin',
      responses: { 200: UserListSchema },
    }).handle(async () => {
      const users = await Promise.all(
        (await store.listUsers()).map(async (u) => {
          const view = toUserView(u);
          if (view.role !== 'reporter') return view;
          return { ...view, departments: await store.getUserDepartments(view.id) };
        }),
      );
      return { body: { users } };
    }),
    route({
      method: 'post',
      path: '/api/users',
      operationId: 'createUser',
      summary: 'Create an account',
      tag: 'users',
      access: 'admin',
      responses: { 201: UserBodySchema },
      errors: [409],
    })
      .body(CreateUserBodySchema)
      .handle(async ({ body, user, req }) => {
        assertAcceptablePassword(body.password, 'password');
        const created = await store.createUser(body);
        if (!created.ok) {
          throw new ApiError(
            created.error.code === 'email-taken' ? 409 : 400,
            created.error.code,
            created.error.message.zh,
          );
        }
        await store.appendAudit({
          actor: user?.userId ?? null,
          action: 'user.create',
          target: created.user.id,
          details: { email: created.user.email, role: created.user.role },
          ip: req.ip ?? null,
        });
        return { status: 201, body: { user: toUserView(created.user) } };
      }),
    route({
      method: 'patch',
      path: '/api/users/:id',
      operationId: 'updateUser',
      summary: 'Change an account’s name, role, password, or disable it (its sessions end)',
      tag: 'users',
      access: 'admin',
      responses: { 200: UserBodySchema },
      errors: [404],
    })
      .params(UserParamsSchema)
      .body(UpdateUserBodySchema)
      .handle(async ({ params, body, user, req }) => {
        if (
          user?.userId === params.id &&
          (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))
        )
          throw selfOnly();
        const { confirmAdmin, ...patch } = body;
        if (patch.role === 'admin' && confirmAdmin !== true) {
          const target = await store.getUser(params.id);
          if (target !== null && target.role !== 'admin')
            throw new ApiError(
              400,
              'confirm-admin',
              '设为管理员需要确认：管理员可以管理所有用户（请在请求中加上 confirmAdmin: true）',
            );
        }
        const updated = await store.updateUser(params.id, patch);
        if (!updated.ok) refused(updated);
        if (patch.disabled === true || patch.role !== undefined)
          await store.revokeUserSessions(params.id);
        await store.appendAudit({
          actor: user?.userId ?? null,
          action: 'user.update',
          target: params.id,
          details: {
            changed: Object.keys(patch),
            ...(patch.role === undefined ? {} : { role: patch.role }),
            ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
          },
          ip: req.ip ?? null,
        });
        return { body: { user: toUserView(updated.user) } };
      }),
    route({
      method: 'post',
      path: '/api/users/:id/password-reset',
      operationId: 'resetUserPassword',
      summary:
        'Give an account a one-time password (shown once; changed at the next sign-in); its sessions end',
      tag: 'users',
      access: 'admin',
      responses: { 200: PasswordResetSchema },
      errors: [404, 409],
    })
      .params(UserParamsSchema)
      .handle(async ({ params, user, req, res }) => {
        if (user?.userId === params.id)
          throw new ApiError(400, 'use-own-change', '请在“修改密码”中修改自己的密码');
        const password = oneTimePassword();
        const reset = await store.setPassword({ userId: params.id, password, mustChange: true });
        if (!reset.ok) refused(reset);
        await store.appendAudit({
          actor: user?.userId ?? null,
          action: 'user.password-reset',
          target: params.id,
          ip: req.ip ?? null,
        });
        res.setHeader('Cache-Control', 'no-store');
        return { body: { user: toUserView(reset.user), password } };
      }),
    route({
      method: 'delete',
      path: '/api/users/:id',
      operationId: 'deleteUser',
      summary: 'Remove an account (never one’s own, never the last active admin)',
      tag: 'users',
      access: 'admin',
      responses: { 200: UserBodySchema },
      errors: [404, 409],
    })
      .params(UserParamsSchema)
      .handle(async ({ params, user, req }) => {
        if (user?.userId === params.id) throw selfOnly();
        const removed = await store.deleteUser(params.id);
        if (!removed.ok) refused(removed);
        await store.appendAudit({
          actor: user?.userId ?? null,
          action: 'user.delete',
          target: params.id,
          details: { email: removed.user.email, role: removed.user.role },
          ip: req.ip ?? null,
        });
        return { body: { user: toUserView(removed.user) } };
      }),
    route({
      method: 'get',
      path: '/api/audit',
      operationId: 'listAudit',
      summary: 'The audit log, newest first, with filters',
      tag: 'users',
      access: 'admin',
      responses: { 200: AuditListSchema },
    })
      .query(AuditQuerySchema)
      .handle(async ({ query }) => {
        let actor: string | undefined = query.actor;
        if (actor?.includes('@') === true)
          actor = (await store.findUserByEmail(actor))?.id ?? 'nobody';
        const page = await store.listAudit({
          limit: query.limit,
          ...(actor === undefined ? {} : { actor }),
          ...(query.action === undefined ? {} : { action: query.action }),
          ...(query.since === undefined ? {} : { since: new Date(query.since).toISOString() }),
          ...(query.until === undefined ? {} : { until: new Date(query.until).toISOString() }),
          ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        });
        if (!page.ok) throw new ApiError(400, page.error.code, page.error.message.zh);
        const names = await userNames(store);
        return {
          body: {
            entries: page.entries.map((e) => ({
              id: e.id,
              at: e.at,
              actorId: e.actor,
              actor: nameOf(names, e.actor),
              action: e.action,
              target: e.target,
              ip: e.ip,
              details: e.details,
            })),
            nextCursor: page.nextCursor,
          },
        };
      }),
  ];
}
