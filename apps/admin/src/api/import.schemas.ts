import { z } from 'zod';
import { DiagnosticSchema, MergeDecisionsSchema, MergeProposalSchema } from '@leshan/report-core';
import { RevisionNumberSchema } from './draft.schemas.js';

const SourceTextSchema = z
  .string()
  .min(1, { error: '请粘贴或上传原文' })
  .max(2_000_000, { error: '原文不能超过 200 万字符' })
  .describe('The source text, as pasted or read from an uploaded .txt file.');

export const ImportPreviewBodySchema = z.strictObject({ text: SourceTextSchema });

export const ImportPreviewSchema = z.object({
  baseRevision: z.int().min(0).describe('The draft revision the proposal was made against.'),
  diagnostics: z.array(DiagnosticSchema).describe('What the parser found in the new text.'),
  proposal: MergeProposalSchema.describe(
    'The re-import as a merge into the draft: each node unchanged, changed, new, removed or moved, for the editor to accept or reject.',
  ),
  stats: z.object({ chapters: z.int(), sections: z.int(), measures: z.int() }),
});

export const ImportBodySchema = z.strictObject({
  text: SourceTextSchema,
  baseRevision: RevisionNumberSchema,
  decisions: MergeDecisionsSchema.default({}),
  confirm: z.literal(true, {
    error: '请确认按所选项合并导入的原文 (confirm the import: confirm must be true)',
  }),
});
