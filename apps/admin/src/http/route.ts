import type { NextFunction, Request, Response, Router } from 'express';
import type { z } from 'zod';
import { HttpError, invalidInput } from './errors.js';

import { RoleSchema } from '../api/role.schemas.js';
import type { Role } from '../api/role.schemas.js';

export { RoleSchema };
export type { Role };
const RANK: Record<Role, number> = { editor: 1, publisher: 2, admin: 3 };
export const roleAllows = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

/** Who may call a route: anyone, any signed-in user, or at least this role. */
export type Access = 'public' | 'signed-in' | Role;

export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  /** The session token from the cookie (for logout); never logged or sent back. */
  token: string;
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  user: Principal | undefined;
  req: Request;
  res: Response;
}

export interface RouteResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Success responses by status; each body is checked against its schema before it is sent. */
  responses: Record<number, z.ZodType>;
  /** Other statuses the route may answer, for the OpenAPI document. */
  errors?: number[];
  handler: (ctx: RouteContext<P, Q, B>) => Promise<RouteResult> | RouteResult;
}

/** Keeps the generic types of one route while letting a list hold routes of different types. */
export function defineRoute<P = undefined, Q = undefined, B = undefined>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);

function parsePart(
  schema: z.ZodType | undefined,
  value: unknown,
  where: 'body' | 'query' | 'params',
): unknown {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(where, result.error);
  return result.data;
}

/** Mounts each route with access control, CSRF check, input parsing and output checking. */
export function mountRoutes(
  router: Router,
  routes: readonly RouteSpec[],
  getUser: (req: Request) => Principal | undefined,
): void {
  for (const route of routes) {
    router[route.method](route.path, (req: Request, res: Response, next: NextFunction) => {
      void (async () => {
        const user = getUser(req);
        if (route.access !== 'public') {
          if (user === undefined) throw new HttpError(401, 'unauthenticated', '请先登录');
          if (route.access !== 'signed-in' && !roleAllows(user.role, route.access)) {
            throw new HttpError(403, 'forbidden', '您的角色无权执行此操作');
          }
          if (STATE_CHANGING.has(route.method) && req.get('x-csrf-token') !== user.csrfToken) {
            throw new HttpError(403, 'csrf', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
          }
        }
        const ctx: RouteContext<unknown, unknown, unknown> = {
          params: parsePart(route.params, req.params, 'params'),
          query: parsePart(route.query, req.query, 'query'),
          body: parsePart(route.body, req.body, 'body'),
          user,
          req,
          res,
        };
        const result = await route.handler(ctx);
        const status = result.status ?? 200;
        const schema = route.responses[status];
        if (schema === undefined)
          throw new Error(
            `route ${route.method} ${route.path} answered undeclared status ${status}`,
          );
        const checked = schema.safeParse(result.body);
        if (!checked.success)
          throw new Error(
            `route ${route.method} ${route.path} produced an invalid ${status} body: ${checked.error.message}`,
          );
        for (const [name, value] of Object.entries(result.headers ?? {}))
          res.setHeader(name, value);
        res.status(status).json(checked.data);
      })().catch(next);
    });
  }
}
