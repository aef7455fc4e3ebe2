import { z } from 'zod';
import {
  applyMerge,
  DiagnosticSchema,
  MergeDecisionsSchema,
  MergeProposalSchema,
  parseReportText,
  proposeMerge,
  reimportOptions,
  ReportShapeSchema,
  reportStats,
  ValidationIssueSchema,
} from '@leshan/report-core';

/** What the worker is asked: preview the merge of a text into the draft, or carry it out. */
export const MergeJobSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('preview'),
    current: ReportShapeSchema,
    text: z.string(),
    reservedIds: z.array(z.string()),
  }),
  z.object({
    op: z.literal('apply'),
    current: ReportShapeSchema,
    text: z.string(),
    reservedIds: z.array(z.string()),
    decisions: MergeDecisionsSchema,
  }),
]);
export type MergeJob = z.infer<typeof MergeJobSchema>;

export const ImportStatsSchema = z.object({
  chapters: z.int(),
  sections: z.int(),
  measures: z.int(),
});

export const MergePreviewResultSchema = z.object({
  op: z.literal('preview'),
  diagnostics: z.array(DiagnosticSchema),
  proposal: MergeProposalSchema,
  stats: ImportStatsSchema.describe('What the new text holds as parsed, repeats included.'),
});
export const MergeApplyResultSchema = z.discriminatedUnion('ok', [
  z.object({ op: z.literal('apply'), ok: z.literal(true), report: ReportShapeSchema }),
  z.object({
    op: z.literal('apply'),
    ok: z.literal(false),
    issues: z.array(ValidationIssueSchema),
  }),
]);
export const MergeResultSchema = z.union([MergePreviewResultSchema, MergeApplyResultSchema]);
export type MergeResult = z.infer<typeof MergeResultSchema>;

/** The job itself, the same in the worker and (for tests) on the calling thread. */
export function runMergeJob(job: MergeJob): MergeResult {
  const current = job.current;
  // Parse with the draft's own metadata: the parser has no Leshan defaults to fall back on.
  const parsed = parseReportText(job.text, reimportOptions(current));
  const input = { current, incoming: parsed.report, reservedIds: job.reservedIds };
  if (job.op === 'preview') {
    const stats = reportStats(parsed.report);
    return {
      op: 'preview',
      diagnostics: parsed.diagnostics,
      proposal: proposeMerge(input),
      stats: { chapters: stats.chapters, sections: stats.sections, measures: stats.measures },
    };
  }
  const result = applyMerge({ ...input, decisions: job.decisions });
  return result.ok
    ? { op: 'apply', ok: true, report: result.value }
    : { op: 'apply', ok: false, issues: result.issues };
}
