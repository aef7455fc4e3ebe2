import { z } from 'zod';
import { passwordProblemIn } from '@leshan/report-store/password-rule';
import { RoleSchema } from '../http/route.js';

const NO_LIST: ReadonlySet<string> = new Set();

export const LoginBodySchema = z
  .strictObject({
    email: z.email({ error: '请输入有效的电子邮箱地址' }).max(254).describe('Account e-mail.'),
    password: z.string().min(1, { error: '请输入密码' }).max(1024, { error: '密码过长' }),
  })
  .describe('Sign in with e-mail and password.');

export const UserViewSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    disabled: z.boolean(),
    mustChangePassword: z
      .boolean()
      .describe('After a reset or a generated first password: only a password change is allowed.'),
    createdAt: z.string(),
  })
  .describe('An account as the API shows it (never its password hash).');
export type UserView = z.infer<typeof UserViewSchema>;

export const SessionViewSchema = z
  .object({
    user: UserViewSchema,
    csrfToken: z
      .string()
      .describe('Send it back as the X-CSRF-Token header on every state-changing request.'),
    expiresAt: z.string(),
    permissions: z
      .object({ edit: z.boolean(), publish: z.boolean(), manageUsers: z.boolean() })
      .describe('What the signed-in role may do, so the UI offers only that.'),
  })
  .describe('The signed-in user and the CSRF token of the session.');
export type SessionView = z.infer<typeof SessionViewSchema>;

/**
 * The shape of the one password rule (@leshan/report-store/password-rule: length, not only
 * spaces), checked before sending; the common-password list is checked by the server and, as
 * the user types, by the form once it has loaded the list.
 */
export const NewPasswordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblemIn(password, NO_LIST);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem.zh });
});

export const ChangePasswordBodySchema = z
  .strictObject({
    currentPassword: z.string().min(1, { error: '请输入当前密码' }).max(1024),
    newPassword: NewPasswordSchema,
  })
  .describe('Change one’s own password; every other session of the user ends.');

export const OkSchema = z.object({ ok: z.literal(true) });
