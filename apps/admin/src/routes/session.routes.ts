import type { LoginLimits, User } from '@leshan/report-store';
import type { Request, Response } from 'express';
import { ApiError } from '@leshan/http-kit';
import { clearSessionCookie, setSessionCookie } from '../auth/cookies.js';
import { assertAcceptablePassword } from '../auth/password-rule.js';
import type { AdminConfig, AdminDeps } from '../deps.js';
import { liveFor } from '../live/draft-live.js';
import { roleAllows, route, signedIn, unauthenticated } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';
import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  OkSchema,
  SessionViewSchema,
} from '../api/session.schemas.js';
import type { SessionView, UserView } from '../api/session.schemas.js';

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
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

export const loginLimits = (config: AdminConfig): LoginLimits => ({
  pairMax: config.loginMaxAttempts,
  addressMax: config.loginAddressMaxAttempts,
  accountFree: config.loginAccountFreeAttempts,
  windowMs: config.loginWindowMs,
  delayBaseMs: 1_000,
  delayCapMs: config.loginDelayCapMs,
});

const badCredentials = (): ApiError =>
  new ApiError(401, 'bad-credentials', '邮箱或密码不正确，或账号已停用');

function tooMany(res: Response, limit: 'pair' | 'address' | 'account', waitMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  res.setHeader('Retry-After', String(seconds));
  const message =
    limit === 'account'
      ? `此账号近期登录失败较多，每次尝试须间隔一段时间，请 ${seconds} 秒后再试`
      : `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`;
  return new ApiError(429, 'too-many-attempts', message);
}

export function sessionRoutes({ store, config }: AdminDeps): AdminRoute[] {
  const limits = loginLimits(config);

  /** A new session of `user` in this browser, refused if the password changed meanwhile. */
  async function openSession(req: Request, res: Response, user: User): Promise<SessionView> {
    const created = await store.createSession({
      userId: user.id,
      ttlMs: config.sessionTtlMs,
      credentialVersion: user.credentialVersion,
    });
    if (!created.ok) throw badCredentials();
    setSessionCookie(req, res, created.token, config.sessionTtlMs);
    return sessionView(toUserView(user), created.session.csrfToken, created.session.expiresAt);
  }

  return [
    route({
      method: 'post',
      path: '/api/session',
      operationId: 'signIn',
      summary:
        'Sign in (each attempt counted before the password check: per account+address, per address, and a growing delay per account)',
      tag: 'session',
      access: 'public',
      responses: { 200: SessionViewSchema },
      errors: [401, 429],
    })
      .body(LoginBodySchema)
      .handle(async ({ body, req, res }) => {
        const email = body.email.trim().toLowerCase();
        const address = req.ip ?? '';
        const attempt = await store.reserveLoginAttempt({ email, address, limits });
        if (!attempt.ok) throw tooMany(res, attempt.limit, attempt.retryAfterMs);
        const user = await store.authenticate(email, body.password);
        if (user === null) {
          await store.appendAudit({
            actor: null,
            action: 'login.failed',
            target: email,
            ip: address,
          });
          throw badCredentials();
        }
        await store.settleLoginAttempt({ email, address, succeeded: true });
        const view = await openSession(req, res, user);
        await store.appendAudit({ actor: user.id, action: 'login', target: user.id, ip: address });
        return { body: view };
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
      method: 'post',
      path: '/api/session/password',
      operationId: 'changePassword',
      summary:
        'Change one’s own password (the current one required); every session of the user ends and this browser gets a new one',
      tag: 'session',
      access: 'signed-in',
      responses: { 200: SessionViewSchema },
      errors: [400, 409],
    })
      .body(ChangePasswordBodySchema)
      .handle(async ({ body, user, req, res }) => {
        const me = signedIn(user);
        assertAcceptablePassword(body.newPassword, 'newPassword');
        const changed = await store.setPassword({
          userId: me.userId,
          password: body.newPassword,
          mustChange: false,
          currentPassword: body.currentPassword,
        });
        if (!changed.ok) {
          const { code, message } = changed.error;
          if (code === 'bad-password')
            throw new ApiError(400, code, message.zh, {
              issues: [{ path: 'body.currentPassword', message: message.zh }],
            });
          throw new ApiError(code === 'conflict' ? 409 : 400, code, message.zh);
        }
        const view = await openSession(req, res, changed.user);
        await store.appendAudit({
          actor: me.userId,
          action: 'password.change',
          target: me.userId,
          ip: req.ip ?? null,
        });
        return { body: view };
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
        liveFor(store).closeSession(user.token);
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
