import type { User } from '@leshan/report-store';
import { clearSessionCookie, setSessionCookie } from '../auth/cookies.js';
import type { AdminDeps } from '../deps.js';
import { ApiError } from '@leshan/http-kit';
import { FailureLimiter } from '../http/rate-limit.js';
import { roleAllows, route, unauthenticated } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';
import { LoginBodySchema, OkSchema, SessionViewSchema } from '../api/session.schemas.js';
import type { SessionView, UserView } from '../api/session.schemas.js';

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt,
});

function sessionView(user: UserView, csrfToken: string, expiresAt: string): SessionView {
  return {
    user,
    csrfToken,
    expiresAt,
    permissions: {
      edit: roleAllows(user.role, 'editor'),
      publish: roleAllows(user.role, 'publisher'),
      manageUsers: roleAllows(user.role, 'admin'),
    },
  };
}

export function sessionRoutes({ store, config }: AdminDeps): AdminRoute[] {
  const limiter = new FailureLimiter(config.loginMaxAttempts, config.loginWindowMs);
  return [
    route({
      method: 'post',
      path: '/api/session',
      operationId: 'signIn',
      summary: 'Sign in (rate-limited per address and per e-mail)',
      tag: 'session',
      access: 'public',
      responses: { 200: SessionViewSchema },
      errors: [401, 429],
    })
      .body(LoginBodySchema)
      .handle(async ({ body, req, res }) => {
        const email = body.email.trim().toLowerCase();
        const keys = [`ip:${req.ip ?? ''}`, `email:${email}`];
        const wait = Math.max(...keys.map((k) => limiter.retryAfter(k)));
        if (wait > 0) {
          res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
          throw new ApiError(
            429,
            'too-many-attempts',
            `登录失败次数过多，请 ${Math.ceil(wait / 60000)} 分钟后再试`,
          );
        }
        const user = await store.authenticate(email, body.password);
        if (user === null) {
          for (const k of keys) limiter.fail(k);
          await store.appendAudit({
            actor: null,
            action: 'login.failed',
            target: email,
            ip: req.ip ?? null,
          });
          throw new ApiError(401, 'bad-credentials', '邮箱或密码不正确，或账号已停用');
        }
        for (const k of keys) limiter.reset(k);
        const { token, session } = await store.createSession({
          userId: user.id,
          ttlMs: config.sessionTtlMs,
        });
        setSessionCookie(req, res, token, config.sessionTtlMs);
        await store.appendAudit({
          actor: user.id,
          action: 'login',
          target: user.id,
          ip: req.ip ?? null,
        });
        return { body: sessionView(toUserView(user), session.csrfToken, session.expiresAt) };
      }),
    route({
      method: 'get',
      path: '/api/session',
      operationId: 'getSession',
      summary: 'The signed-in user, their permissions and the CSRF token',
      tag: 'session',
      access: 'signed-in',
      responses: { 200: SessionViewSchema },
    }).handle(async ({ user }) => {
      if (user === undefined) throw unauthenticated();
      const full = await store.getUser(user.userId);
      if (full === null) throw unauthenticated();
      return { body: sessionView(toUserView(full), user.csrfToken, user.expiresAt) };
    }),
    route({
      method: 'delete',
      path: '/api/session',
      operationId: 'signOut',
      summary: 'Sign out',
      tag: 'session',
      access: 'signed-in',
      responses: { 200: OkSchema },
    }).handle(async ({ user, req, res }) => {
      if (user !== undefined) {
        await store.revokeSession(user.token);
        await store.appendAudit({
          actor: user.userId,
          action: 'logout',
          target: user.userId,
          ip: req.ip ?? null,
        });
      }
      clearSessionCookie(req, res);
      return { body: { ok: true as const } };
    }),
  ];
}
