import { z } from 'zod';
import {
  AuditListSchema,
  AuditQuerySchema,
  CreateUserBodySchema,
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
    }).handle(async () => ({ body: { users: (await store.listUsers()).map(toUserView) } })),
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
        ) {
          throw new ApiError(
            400,
            'self-lockout',
            '不能停用自己的账号或撤销自己的管理员角色，请让另一位管理员操作',
          );
        }
        const updated = await store.updateUser(params.id, body);
        if (!updated.ok) {
          if (updated.error.code === 'not-found') throw notFound('该用户');
          throw new ApiError(400, updated.error.code, updated.error.message.zh);
        }
        if (body.disabled === true || body.role !== undefined || body.password !== undefined)
          await store.revokeUserSessions(params.id);
        const changed = Object.keys(body).filter((k) => k !== 'password');
        await store.appendAudit({
          actor: user?.userId ?? null,
          action: 'user.update',
          target: params.id,
          details: {
            changed,
            passwordChanged: body.password !== undefined,
            ...(body.role === undefined ? {} : { role: body.role }),
            ...(body.disabled === undefined ? {} : { disabled: body.disabled }),
          },
          ip: req.ip ?? null,
        });
        return { body: { user: toUserView(updated.user) } };
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
