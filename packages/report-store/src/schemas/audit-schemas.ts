import { z } from 'zod';
import { IdSchema, jsonColumn, TimestampSchema } from './columns.js';

const DetailsSchema = z
  .record(z.string(), z.json())
  .describe('Free-form JSON; keys that look secret are redacted.');

export const AuditEntrySchema = z
  .object({
    id: IdSchema,
    actor: IdSchema.nullable().describe('User id, or null for the system or an anonymous request.'),
    action: z
      .string()
      .min(1)
      .max(100)
      .describe('What happened, e.g. login, draft.edit, edition.publish.'),
    target: z
      .string()
      .max(500)
      .nullable()
      .describe('What it happened to, e.g. an edition or user id.'),
    details: DetailsSchema,
    ip: z.string().max(100).nullable(),
    at: TimestampSchema,
  })
  .describe('One line of the audit log.');
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const NewAuditEntrySchema = z.object({
  actor: AuditEntrySchema.shape.actor,
  action: AuditEntrySchema.shape.action,
  target: AuditEntrySchema.shape.target.optional(),
  details: DetailsSchema.optional(),
  ip: AuditEntrySchema.shape.ip.optional(),
});
export type NewAuditEntry = z.input<typeof NewAuditEntrySchema>;

export const AuditQuerySchema = z
  .object({
    actor: IdSchema.optional(),
    action: z.string().min(1).optional(),
    since: TimestampSchema.optional().describe('Inclusive.'),
    until: TimestampSchema.optional().describe('Exclusive.'),
    limit: z.int().min(1).max(500).default(50),
    cursor: z.string().min(1).optional().describe('nextCursor of the previous page.'),
  })
  .describe('Filters of the audit log, newest first.');
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as cursor for the next (older) page; null at the end.'),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditRowSchema = z.object({
  id: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.string(),
  ip: z.string().nullable(),
  at: z.string(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export const AuditFromRowSchema = AuditRowSchema.extend({
  details: jsonColumn(DetailsSchema),
}).pipe(AuditEntrySchema);
