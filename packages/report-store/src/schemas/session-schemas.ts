import { z } from 'zod';
import { IdSchema, TimestampSchema } from './columns.js';

export const SessionSchema = z
  .object({
    id: IdSchema.describe('sha256 of the session token; the token itself is never stored.'),
    userId: IdSchema,
    csrfToken: z.string().min(1).describe('Sent back by the browser in a header with every write.'),
    createdAt: TimestampSchema,
    expiresAt: TimestampSchema,
    lastSeenAt: TimestampSchema,
  })
  .describe('A login session of the admin workspace.');
export type Session = z.infer<typeof SessionSchema>;

export const SessionRowSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  csrf_token: z.string(),
  created_at: z.string(),
  expires_at: z.string(),
  last_seen_at: z.string(),
  /** The user's credential version when the session began (migration 0003). */
  credential_version: z.number().int(),
});
export type SessionRow = z.infer<typeof SessionRowSchema>;

export const SessionFromRowSchema = SessionRowSchema.transform((row) => ({
  id: row.id,
  userId: row.user_id,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastSeenAt: row.last_seen_at,
})).pipe(SessionSchema);
