import { z } from 'zod';
import { DiagnosticSchema, ReportShapeSchema, ValidationIssueSchema } from '@leshan/report-core';
import { RevisionNumberSchema } from './draft.schemas.js';

const SourceTextSchema = z
  .string()
  .min(1, { error: '请粘贴或上传原文' })
  .max(2_000_000, { error: '原文不能超过 200 万字符' })
  .describe('The source text, as pasted or read from an uploaded .txt file.');

export const ImportPreviewBodySchema = z.strictObject({ text: SourceTextSchema });
export const ImportPreviewSchema = z.object({
  diagnostics: z.array(DiagnosticSchema),
  report: ReportShapeSchema.describe('The parsed report, before any editorial decision.'),
  stats: z.object({ chapters: z.int(), sections: z.int(), measures: z.int() }),
  validation: z.object({ ok: z.boolean(), issues: z.array(ValidationIssueSchema) }),
});

export const ImportBodySchema = z.strictObject({
  text: SourceTextSchema,
  baseRevision: RevisionNumberSchema,
  confirm: z.literal(true, { error: '请确认用导入的原文替换当前草稿' }),
});
