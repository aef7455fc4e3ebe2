import { DiffSummarySchema } from '@leshan/report-core/edit';
import { ReportSchema } from '@leshan/report-core/model';
import { z } from 'zod';
import { IdSchema, jsonColumn, Sha256Schema, TimestampSchema } from './columns.js';

export const EditionSummarySchema = z
  .object({
    id: IdSchema.describe('Random UUID; stable forever.'),
    number: z.int().min(1).describe('1, 2, … in publishing order.'),
    contentHash: Sha256Schema.describe(
      'sha256 of the canonical JSON of the report; caches key on it.',
    ),
    publishedBy: IdSchema.describe('User id of the publisher, or "system" for the seed.'),
    publishedAt: TimestampSchema,
    draftRevision: z
      .int()
      .min(0)
      .nullable()
      .describe('The draft revision published, when it came from the draft.'),
    changeSummary: DiffSummarySchema.nullable().describe(
      'Changes against the previous edition; null for edition 1.',
    ),
  })
  .describe('A published edition, without its report.');
export type EditionSummary = z.infer<typeof EditionSummarySchema>;

export const EditionSchema = EditionSummarySchema.extend({
  report: ReportSchema.describe('The report as published; never changes.'),
}).describe('An immutable published edition of the report.');
export type Edition = z.infer<typeof EditionSchema>;

export const EditionRowSchema = z.object({
  id: z.string(),
  number: z.number(),
  content_hash: z.string(),
  report: z.string(),
  published_by: z.string(),
  published_at: z.string(),
  draft_revision: z.number().nullable(),
  change_summary: z.string().nullable(),
});
export type EditionRow = z.infer<typeof EditionRowSchema>;

const summaryColumn = { change_summary: jsonColumn(DiffSummarySchema.nullable()).nullable() };

type ParsedSummaryRow = Omit<EditionRow, 'report' | 'change_summary'> & {
  change_summary: z.infer<typeof DiffSummarySchema> | null;
};

function toSummary(row: ParsedSummaryRow): EditionSummary {
  return {
    id: row.id,
    number: row.number,
    contentHash: row.content_hash,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
    draftRevision: row.draft_revision,
    changeSummary: row.change_summary,
  };
}

export const EditionSummaryFromRowSchema = EditionRowSchema.omit({ report: true })
  .extend(summaryColumn)
  .transform(toSummary)
  .pipe(EditionSummarySchema);

export const EditionFromRowSchema = EditionRowSchema.extend({
  ...summaryColumn,
  report: jsonColumn(ReportSchema),
})
  .transform((row) => ({ ...toSummary(row), report: row.report }))
  .pipe(EditionSchema);
