import { z } from 'zod';
import {
  DiagnosticSchema,
  NodeIdSchema,
  ReportShapeSchema,
  ValidationIssueSchema,
} from '@leshan/report-core';
import { RevisionNumberSchema } from './draft.schemas.js';

const SourceTextSchema = z
  .string()
  .min(1, { error: '请粘贴或上传原文' })
  .max(2_000_000, { error: '原文不能超过 200 万字符' })
  .describe('The source text, as pasted or read from an uploaded .txt file.');

export const ImportPreviewBodySchema = z.strictObject({ text: SourceTextSchema });
export const DuplicateRemovalSchema = z
  .object({
    keptId: NodeIdSchema,
    keptLines: z.array(z.int().min(1)),
    removedIds: z.array(NodeIdSchema),
    removedSectionIds: z.array(NodeIdSchema),
    removedLines: z.array(z.int().min(1)),
    text: z.string(),
    noteId: NodeIdSchema,
  })
  .describe(
    'A measure repeated word for word in the source: the first stays, the copies go, an open note records it.',
  );

export const ImportPreviewSchema = z.object({
  diagnostics: z.array(DiagnosticSchema),
  report: ReportShapeSchema.nullable().describe(
    'The draft the import would create: the parsed report without word-for-word repeated measures; null when the text breaks the shape of a report (e.g. a measure over 4000 characters: see validation).',
  ),
  removals: z
    .array(DuplicateRemovalSchema)
    .describe('The repeated measures the import drops, each recorded as an open editorial note.'),
  stats: z.object({ chapters: z.int(), sections: z.int(), measures: z.int() }),
  validation: z
    .object({ ok: z.boolean(), issues: z.array(ValidationIssueSchema) })
    .describe('Whether that draft is valid; the import is refused while it is not.'),
});

export const ImportBodySchema = z.strictObject({
  text: SourceTextSchema,
  baseRevision: RevisionNumberSchema,
  confirm: z.literal(true, {
    error: '请确认用导入的原文替换当前草稿 (confirm the import: confirm must be true)',
  }),
});
