import { ReportSchema } from '@leshan/report-core/model';
import { z } from 'zod';
import { IdSchema, jsonColumn, Sha256Schema, TimestampSchema } from './columns.js';

/** A recorded command: report-core's edit commands, or the store's own draft.* commands. */
export const RecordedCommandSchema = z
  .looseObject({ type: z.string().min(1) })
  .describe(
    'An edit command as applied (report-core CommandSchema), or draft.seed / draft.restore / draft.replace.',
  );
export type RecordedCommand = z.infer<typeof RecordedCommandSchema>;

export const RevisionKindSchema = z
  .enum(['seed', 'edit', 'restore', 'replace'])
  .describe(
    'seed: the first draft; edit: commands; restore: an older revision brought back; replace: an import.',
  );
export type RevisionKind = z.infer<typeof RevisionKindSchema>;

export const RevisionSummarySchema = z
  .object({
    number: z.int().min(0).describe('0 for the seed, then 1, 2, … without gaps.'),
    kind: RevisionKindSchema,
    author: IdSchema.describe('User id of the editor, or "system".'),
    createdAt: TimestampSchema,
    commands: z.array(RecordedCommandSchema),
    touched: z.array(z.string()).describe('Node ids the revision changed.'),
    keys: z
      .array(z.string())
      .describe(
        'report-core change keys of what it changed; conflict detection compares these. A revision made before keys existed has its touched ids as bare keys.',
      ),
    reportHash: Sha256Schema.describe('sha256 of the canonical JSON of the resulting report.'),
    groupStart: z
      .int()
      .min(0)
      .describe(
        'The first revision of its history entry: consecutive saves by one editor to one node within the idle window share it.',
      ),
    summary: z
      .array(z.string())
      .nullable()
      .describe('What it changed, in words (report-core describeChange); null when not recorded.'),
    clientId: z.string().nullable().describe('The browser tab that sent it, when it said.'),
    clientSeq: z.int().nullable().describe('That tab’s number for the batch.'),
  })
  .describe('One revision of the draft, without its report.');
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

export const RevisionSchema = RevisionSummarySchema.extend({
  report: ReportSchema.describe('The draft as it was after this revision.'),
}).describe('One revision of the draft with the resulting report.');
export type Revision = z.infer<typeof RevisionSchema>;

export const DraftSchema = z
  .object({
    revision: z.int().min(0).describe('Number of the latest revision.'),
    report: ReportSchema,
    reportHash: Sha256Schema,
    updatedAt: TimestampSchema,
    updatedBy: IdSchema,
  })
  .describe('The working draft that editors change.');
export type Draft = z.infer<typeof DraftSchema>;

/**
 * The draft row since migration 0009: `revision` and `report_hash` name the head; `report` is the
 * report after revision `report_revision` (the head's, or the last snapshot's before it: an edit
 * revision rewrites only the envelope, and the head is rebuilt by replaying the commands after).
 */
export const DraftRowSchema = z.object({
  id: z.literal(1),
  revision: z.number(),
  report: z.string(),
  report_revision: z.number(),
  report_hash: z.string(),
  updated_at: z.string(),
  updated_by: z.string(),
});
export type DraftRow = z.infer<typeof DraftRowSchema>;

/** The head named by the draft row, without its report (rebuilt by the store, drafts.ts). */
export const DraftEnvelopeFromRowSchema = DraftRowSchema.pick({
  revision: true,
  report_hash: true,
  updated_at: true,
  updated_by: true,
})
  .transform((row) => ({
    revision: row.revision,
    reportHash: row.report_hash,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }))
  .pipe(DraftSchema.omit({ report: true }));

/** A revision row since migration 0005: report is a full snapshot, or null (replay commands). */
export const RevisionRowSchema = z.object({
  number: z.number(),
  kind: RevisionKindSchema,
  author: z.string(),
  created_at: z.string(),
  commands: z.string(),
  touched: z.string(),
  keys: z.string(),
  report_hash: z.string(),
  report: z.string().nullable(),
  group_start: z.number(),
  summary: z.string().nullable(),
  client_id: z.string().nullable(),
  client_seq: z.number().nullable(),
});
export type RevisionRow = z.infer<typeof RevisionRowSchema>;

const StringsColumn = jsonColumn(z.array(z.string()));

export const RevisionSummaryFromRowSchema = RevisionRowSchema.omit({ report: true })
  .extend({
    commands: jsonColumn(z.array(RecordedCommandSchema)),
    touched: StringsColumn,
    keys: StringsColumn,
    summary: StringsColumn.nullable(),
  })
  .transform((row): RevisionSummary => ({
    number: row.number,
    kind: row.kind,
    author: row.author,
    createdAt: row.created_at,
    commands: row.commands,
    touched: row.touched,
    keys: row.keys,
    reportHash: row.report_hash,
    groupStart: row.group_start,
    summary: row.summary,
    clientId: row.client_id,
    clientSeq: row.client_seq,
  }))
  .pipe(RevisionSummarySchema);

/** A stored full report (a snapshot row, or the draft row). */
export const ReportColumnSchema = jsonColumn(ReportSchema);
