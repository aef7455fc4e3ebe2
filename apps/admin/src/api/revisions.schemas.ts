import { z } from 'zod';
import { DiffSummarySchema, ReportDiffSchema, ReportShapeSchema } from '@leshan/report-core';
import { CommandResultSchema, RevisionNumberSchema } from './draft.schemas.js';

export const RevisionMetaSchema = z
  .object({
    number: z
      .int()
      .min(0)
      .describe('The last revision of this history entry: compare or restore from it.'),
    first: z
      .int()
      .min(0)
      .describe(
        'The first revision of the entry (consecutive saves by one editor to one node within 60 s are one entry).',
      ),
    author: z.string().describe('User id of who made it ("system" for the seed).'),
    authorName: z.string().nullable().describe('Their display name; null for the system.'),
    at: z.string().describe('When the entry’s last save was made (ISO 8601 UTC).'),
    kind: z.enum(['seed', 'edit', 'restore', 'replace']).describe('replace: an import.'),
    summary: z
      .array(z.string())
      .describe('What it changed, in words, each phrase prefixed with the editor’s name.'),
    nodeIds: z.array(z.string()).describe('Ids of the nodes it changed (for filters and links).'),
    keys: z.array(z.string()).describe('report-core change keys of what it changed.'),
    hash: z.string().describe('sha256 of the resulting report.'),
    commandCount: z.int().min(0),
    /** Older names of the same facts, kept for the screens that read them. */
    createdAt: z.string().describe('Same as at.'),
    touched: z.array(z.string()).describe('Same as nodeIds.'),
  })
  .describe('One entry of the draft’s history: one revision, or several grouped.');
export type RevisionMeta = z.infer<typeof RevisionMetaSchema>;

const DateBoundSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, {
  error: '日期格式应为 YYYY-MM-DD（或 ISO 8601 UTC 时间）',
});

export const RevisionListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: RevisionNumberSchema.optional().describe('Only entries whose revisions are below this.'),
  author: z.string().max(200).optional().describe('Only entries by this user id.'),
  node: z
    .string()
    .max(200)
    .optional()
    .describe('Only entries that changed this node (or something inside it).'),
  from: DateBoundSchema.optional().describe(
    'Only entries made on or after this day (Asia/Shanghai) or instant.',
  ),
  to: DateBoundSchema.optional().describe(
    'Only entries made on or before this day (Asia/Shanghai) or instant.',
  ),
});
export const RevisionListSchema = z.object({
  revisions: z.array(RevisionMetaSchema),
  nextBefore: z
    .int()
    .nullable()
    .describe('Send as before for the next (older) page; null on the last page.'),
});

export const RevisionParamsSchema = z.strictObject({ number: RevisionNumberSchema });
export const RevisionDetailSchema = z.object({
  revision: RevisionMetaSchema,
  commands: z
    .array(z.looseObject({ type: z.string() }))
    .describe(
      'The commands as recorded (report-core commands, or draft.* for seed/restore/import).',
    ),
  report: ReportShapeSchema,
});

export const DiffQuerySchema = z.strictObject({
  from: RevisionNumberSchema.describe('Older revision.'),
  to: RevisionNumberSchema.describe('Newer revision.'),
});
export const RevisionDiffSchema = z.object({
  from: z.int(),
  to: z.int(),
  diff: ReportDiffSchema,
  summary: DiffSummarySchema,
});

export const CompareSchema = RevisionDiffSchema.extend({
  labels: z
    .record(z.string(), z.string())
    .describe('How editors name every node in the diff, by id (report-core describeNode).'),
}).describe('What changed between any two revisions, with words for each node.');

export const RestoreNodeBodySchema = z.strictObject({
  nodeId: z.string().min(1).max(200).describe('The node to bring back as it was in the revision.'),
  dryRun: z
    .boolean()
    .describe('true: only say what would change and whose later edits it reverts.'),
  baseRevision: RevisionNumberSchema.optional().describe(
    'The draft revision the editor saw (409 if the node changed since); default: the head.',
  ),
});

export const LaterChangeSchema = z.object({
  number: z.int().min(0),
  authorName: z.string().nullable(),
  at: z.string(),
  summary: z.array(z.string()),
});

export const RestoreNodeResultSchema = z.object({
  commands: z
    .array(z.looseObject({ type: z.string() }))
    .describe('The report-core commands that restore the node (empty: already as it was).'),
  laterChangesByOthers: z
    .array(LaterChangeSchema)
    .describe('Revisions after the chosen one, by other editors, that changed this node.'),
  applied: CommandResultSchema.nullable().describe('The new revision; null for a dry run.'),
});

export const RestoreBodySchema = z.strictObject({
  baseRevision: RevisionNumberSchema.describe(
    'The draft revision the editor saw when choosing to restore.',
  ),
});
export type RevisionListQuery = z.infer<typeof RevisionListQuerySchema>;
