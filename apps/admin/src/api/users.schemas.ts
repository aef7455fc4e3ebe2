import { z } from 'zod';
import { RoleSchema } from '../http/route.js';
import { NewPasswordSchema, UserViewSchema } from './session.schemas.js';

const PasswordSchema = NewPasswordSchema;

export const UserListSchema = z.object({
  users: z.array(
    UserViewSchema.extend({
      departments: z
        .array(z.string())
        .optional()
        .describe(
          'A reporter’s departments (ids of the draft’s departments); absent for other roles.',
        ),
    }),
  ),
});
export const CreateUserBodySchema = z.strictObject({
  email: z.email({ error: '请输入有效的电子邮箱地址' }).max(254),
  displayName: z
    .string()
    .trim()
    .min(1, { error: '请输入姓名' })
    .max(80, { error: '姓名不能超过 80 字' }),
  role: RoleSchema,
  password: PasswordSchema,
});
export const UserParamsSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9-]+$/),
});
export const UpdateUserBodySchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(80).optional(),
    role: RoleSchema.optional(),
    disabled: z.boolean().optional(),
    confirmAdmin: z
      .literal(true)
      .optional()
      .describe('Required to make someone an admin: the UI asks first.'),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'confirmAdmin'), { error: '没有要修改的内容' });

export const PasswordResetSchema = z
  .object({
    user: UserViewSchema,
    password: z
      .string()
      .describe('One-time password, shown once; the user must change it at the next sign-in.'),
  })
  .describe('A reset password: every session of the user has ended.');

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.unknown(),
});
export const AuditQuerySchema = z.strictObject({
  actor: z.string().max(254).optional().describe('User id or e-mail.'),
  action: z.string().max(60).optional(),
  since: z.iso.datetime({ offset: true, error: '起始时间格式应为 ISO 8601' }).optional(),
  until: z.iso.datetime({ offset: true, error: '结束时间格式应为 ISO 8601' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
});
export const AuditListSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});
