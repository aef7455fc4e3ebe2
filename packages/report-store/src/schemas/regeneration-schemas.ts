import { z } from 'zod';
import { ExportFormatIdSchema } from './export-schemas.js';
import { IdSchema, TimestampSchema } from './columns.js';

export const RegenerationReasonSchema = z
  .string()
  .trim()
  .min(1, { error: '请说明原因 (give a reason)' })
  .max(500, { error: '原因最多 500 个字符 (a reason is at most 500 characters)' })
  .describe('Why the file must be made again, e.g. "sha256 differs" (kept in the worker log).');

export const RegenerationInputSchema = z
  .object({
    editionNumber: z.int().min(1).describe('The edition whose file is wrong, e.g. 3.'),
    format: ExportFormatIdSchema,
    reason: RegenerationReasonSchema,
  })
  .describe('A request to make one export file of an edition again.');
export type RegenerationInput = z.input<typeof RegenerationInputSchema>;

export const RegenerationSchema = z
  .object({
    editionId: IdSchema,
    format: ExportFormatIdSchema,
    reason: z.string(),
    requestedAt: TimestampSchema,
  })
  .describe('A pending request to make an export file again; the export worker takes it.');
export type Regeneration = z.infer<typeof RegenerationSchema>;

export const RegenerationRowSchema = z.object({
  edition_id: z.string(),
  format: z.string(),
  reason: z.string(),
  requested_at: z.string(),
});
export type RegenerationRow = z.infer<typeof RegenerationRowSchema>;

export const RegenerationFromRowSchema = RegenerationRowSchema.transform((row) => ({
  editionId: row.edition_id,
  format: row.format,
  reason: row.reason,
  requestedAt: row.requested_at,
})).pipe(RegenerationSchema);
