import type { RequestHandler, Request } from 'express';
import type { Store } from '@leshan/report-store';
import type { Principal } from '../http/route.js';
import { SESSION_COOKIE, readCookie } from './cookies.js';

// The caller of each request, kept beside the request rather than cast onto it.
const principals = new WeakMap<Request, Principal>();

/** Loads the session named by the cookie (if any) once per request. */
export function loadPrincipal(store: Store): RequestHandler {
  return (req, _res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token === undefined) {
      next();
      return;
    }
    store
      .getSession(token, { touch: false })
      .then((found) => {
        if (found !== null) {
          principals.set(req, {
            userId: found.user.id,
            email: found.user.email,
            displayName: found.user.displayName,
            role: found.user.role,
            mustChangePassword: found.user.mustChangePassword,
            sessionId: found.session.id,
            csrfToken: found.session.csrfToken,
            expiresAt: found.session.expiresAt,
            token,
          });
        }
        next();
      })
      .catch(next);
  };
}

export function principalOf(req: Request): Principal | undefined {
  return principals.get(req);
}
