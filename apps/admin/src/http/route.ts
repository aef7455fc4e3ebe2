import type { Request, Response } from 'express';
import { ApiError, routesFor, STATE_CHANGING } from '@leshan/http-kit';
import type { Route, RouteMeta } from '@leshan/http-kit';
import type { ExpressMount } from '@leshan/http-kit/express';

import { RoleSchema } from '../api/role.schemas.js';
import type { Role } from '../api/role.schemas.js';

export { RoleSchema };
export type { Role };
const RANK: Record<Role, number> = { reporter: 0, editor: 1, publisher: 2, admin: 3 };
/**
 * Editors, publishers and admins are a ladder; a reporter stands beside it: it may call the
 * reporter routes only, and only a reporter may (issue 18).
 */
export const roleAllows = (role: Role, needed: Role): boolean =>
  needed === 'reporter' || role === 'reporter' ? role === needed : RANK[role] >= RANK[needed];

/** Who may call a route: anyone, any signed-in user, or at least this role. */
export type Access = 'public' | 'signed-in' | Role;

export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  /** After a reset or a generated first password: only PASSWORD_CHANGE_ROUTES answer. */
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  /** The session token from the cookie (for logout); never logged or sent back. */
  token: string;
}

/** What every admin handler gets besides its parsed input. */
export interface AdminContext {
  /** The caller; always set on a route whose access is not `public`. */
  user: Principal | undefined;
  req: Request;
  res: Response;
}

export type AdminRoute = Route<AdminContext, Access>;
/** `route({ method, path, operationId, …, access }).body(S).handle(fn)`: one admin route. */
export const route = routesFor<AdminContext, Access>();

export const unauthenticated = (): ApiError => new ApiError(401, 'unauthenticated', '请先登录');

/** The signed-in caller of a guarded route (the mount refused anyone else already). */
export function signedIn(user: Principal | undefined): Principal {
  if (user === undefined) throw unauthenticated();
  return user;
}

/** What a user who must change their password may still call (issue 15). */
const PASSWORD_CHANGE_ROUTES = new Set(['getSession', 'signOut', 'changePassword']);

/** Access control before any input is read: session, role, and the CSRF token on every change. */
export function adminContext(
  getUser: (req: Request) => Principal | undefined,
): ExpressMount<AdminContext, Access>['context'] {
  return (req, res, meta: RouteMeta<Access>) => {
    const user = getUser(req);
    if (meta.access !== 'public') {
      if (user === undefined) throw unauthenticated();
      if (user.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(meta.operationId))
        throw new ApiError(403, 'password-change-required', '请先修改密码，然后才能继续使用');
      // The token before the role: a request another site forged is refused as such, and learns
      // nothing of what the victim's role may do (found by the reliability suite once reporters'
      // routes refused admins).
      if (STATE_CHANGING.has(meta.method) && req.get('x-csrf-token') !== user.csrfToken)
        throw new ApiError(403, 'csrf', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
      if (meta.access !== 'signed-in' && !roleAllows(user.role, meta.access))
        throw new ApiError(403, 'forbidden', '您的角色无权执行此操作');
    }
    return { user, req, res };
  };
}
