import { z } from 'zod';
import { FlagColumnSchema, flagToBoolean, IdSchema, TimestampSchema } from './columns.js';
import { PasswordSchema } from '../auth/password-policy.js';

export { PasswordSchema };

export const RoleSchema = z
  .enum(['reporter', 'editor', 'publisher', 'admin'])
  .describe(
    'reporter: a department’s account, submits updates of its measures for review; editor: edits the draft; publisher: also publishes editions; admin: also manages users.',
  );
export type Role = z.infer<typeof RoleSchema>;

export const EmailSchema = z
  .email({ error: '邮箱格式不正确 (not a valid e-mail address)' })
  .max(254)
  .transform((email) => email.trim().toLowerCase())
  .describe('Login name; stored lower-case, unique.');

export const UserSchema = z
  .object({
    id: IdSchema.describe('Random UUID.'),
    email: z.string().describe('Lower-case e-mail address, unique.'),
    displayName: z.string().min(1).max(100).describe('Name shown in revisions and the audit log.'),
    role: RoleSchema,
    disabled: z.boolean().describe('A disabled user cannot log in; their sessions are refused.'),
    mustChangePassword: z
      .boolean()
      .describe('Set by a reset or a generated first password: the user must choose a new one.'),
    credentialVersion: z
      .number()
      .int()
      .min(0)
      .describe('Raised by every password change; a session of an older version is refused.'),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .describe('An account of the admin workspace (the password hash never leaves the store).');
export type User = z.infer<typeof UserSchema>;

export const UserRowSchema = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: RoleSchema,
  password_hash: z.string(),
  disabled: FlagColumnSchema,
  must_change_password: FlagColumnSchema,
  credential_version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type UserRow = z.infer<typeof UserRowSchema>;

export const UserFromRowSchema = UserRowSchema.transform((row) => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  disabled: flagToBoolean(row.disabled),
  mustChangePassword: flagToBoolean(row.must_change_password),
  credentialVersion: row.credential_version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})).pipe(UserSchema);

export const NewUserSchema = z
  .object({
    email: EmailSchema,
    displayName: UserSchema.shape.displayName,
    role: RoleSchema,
    password: PasswordSchema,
    mustChangePassword: z.boolean().optional(),
  })
  .describe('What createUser needs.');
export type NewUser = z.input<typeof NewUserSchema>;

export const UserPatchSchema = z
  .strictObject({
    displayName: UserSchema.shape.displayName.optional(),
    role: RoleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .describe('Fields of a user to change; passwords change through setPassword.');
export type UserPatch = z.input<typeof UserPatchSchema>;
