import { z } from 'zod';
import { RoleSchema } from '../http/route.js';

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

/** The form's own check; the store also refuses common passwords (passwordProblem). */
export const NewPasswordSchema = z
  .string()
  .min(12, { error: '密码至少 12 个字符；可以用一句容易记住的话' })
  .max(200, { error: '密码不能超过 200 个字符' })
  .refine((p) => p.trim() !== '', { error: '密码不能只由空格组成' });

export const ChangePasswordBodySchema = z
  .strictObject({
    currentPassword: z.string().min(1, { error: '请输入当前密码' }).max(1024),
    newPassword: NewPasswordSchema,
  })
  .describe('Change one’s own password; every other session of the user ends.');

export const OkSchema = z.object({ ok: z.literal(true) });
