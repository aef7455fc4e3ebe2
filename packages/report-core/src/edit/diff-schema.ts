import { z } from 'zod';
import { MessageSchema } from '../model/message.js';
import { ProgressSchema, ProgressUpdateSchema, TrackingStatusSchema } from '../model/tracking.js';
import { TextOpSchema } from './diff-text.js';

export const DiffNodeKindSchema = z
  .enum([
    'meta',
    'ideology',
    'goal',
    'chapter',
    'section',
    'measure',
    'indicator',
    'observation',
    'place',
    'note',
    'department',
  ])
  .describe(
    'The kind of node a change is about; progress updates are tracking changes. A measure’s responsibility is its field `responsibility`.',
  );
export type DiffNodeKind = z.infer<typeof DiffNodeKindSchema>;

export const PositionSchema = z
  .object({
    parentId: z
      .string()
      .nullable()
      .describe('The chapter, section or measure holding the node; null for top-level lists.'),
    index: z.int().min(0).describe('0-based position in that list.'),
  })
  .describe('Where a node sits.');
export type Position = z.infer<typeof PositionSchema>;

const base = {
  kind: DiffNodeKindSchema,
  id: z.string().describe('The node id (the report id for metadata).'),
};

export const NodeAddedSchema = z
  .object({
    ...base,
    at: PositionSchema,
    label: z.string().nullable().describe('Title, text, metric or name, for display.'),
  })
  .describe('A node only in the new report.');
export type NodeAdded = z.infer<typeof NodeAddedSchema>;

export const NodeRemovedSchema = z
  .object({
    ...base,
    at: PositionSchema,
    label: z.string().nullable().describe('Title, text, metric or name, for display.'),
  })
  .describe('A node only in the old report.');
export type NodeRemoved = z.infer<typeof NodeRemovedSchema>;

export const NodeMovedSchema = z
  .object({ ...base, from: PositionSchema, to: PositionSchema })
  .describe(
    'A node under another parent, or out of order among the siblings it kept (shifts caused by other nodes are not moves).',
  );
export type NodeMoved = z.infer<typeof NodeMovedSchema>;

export const FieldEditSchema = z
  .object({
    ...base,
    field: z.string().describe('The field that changed, e.g. text, title, places.'),
    before: z.json().optional().describe('Old value; absent when the field was absent.'),
    after: z.json().optional().describe('New value; absent when the field is now absent.'),
    textDiff: z
      .array(TextOpSchema)
      .optional()
      .describe('Character diff, when both values are strings.'),
  })
  .describe('One field of a node present in both reports, old → new.');
export type FieldEdit = z.infer<typeof FieldEditSchema>;

export const TrackingChangeSchema = z
  .discriminatedUnion('change', [
    z.object({
      change: z.literal('status'),
      measureId: z.string(),
      before: TrackingStatusSchema.nullable(),
      after: TrackingStatusSchema.nullable(),
    }),
    z.object({
      change: z.literal('progress'),
      measureId: z.string(),
      before: ProgressSchema.nullable(),
      after: ProgressSchema.nullable(),
    }),
    z.object({
      change: z.literal('update-added'),
      measureId: z.string(),
      update: ProgressUpdateSchema,
    }),
    z.object({
      change: z.literal('update-removed'),
      measureId: z.string(),
      update: ProgressUpdateSchema,
    }),
    z.object({
      change: z.literal('update-edited'),
      measureId: z.string(),
      updateId: z.string(),
      field: z.string(),
      before: z.json().optional(),
      after: z.json().optional(),
    }),
  ])
  .describe(
    'A change to a measure’s tracking: status, progress, or a progress update added, removed or edited.',
  );
export type TrackingChange = z.infer<typeof TrackingChangeSchema>;

export const ReportDiffSchema = z
  .object({
    added: z.array(NodeAddedSchema),
    removed: z.array(NodeRemovedSchema),
    moved: z.array(NodeMovedSchema),
    edited: z.array(FieldEditSchema),
    tracking: z.array(TrackingChangeSchema),
  })
  .describe('What changed between two versions of a report.');
export type ReportDiff = z.infer<typeof ReportDiffSchema>;

/** How many nodes a diff adds, removes, moves and edits, by kind. */
export const ChangeCountsSchema = z.object({
  added: z.int().min(0),
  removed: z.int().min(0),
  moved: z.int().min(0),
  edited: z.int().min(0).describe('Nodes with at least one edited field.'),
});
export type ChangeCounts = z.infer<typeof ChangeCountsSchema>;

export const DiffSummarySchema = z
  .object({
    counts: z.record(DiffNodeKindSchema, ChangeCountsSchema),
    tracking: z.int().min(0).describe('Number of tracking changes.'),
    total: z
      .int()
      .min(0)
      .describe('All changes: nodes added, removed, moved or edited, plus tracking changes.'),
    message: MessageSchema.describe(
      'Short summary, e.g. 修改举措 3 项，新增 1 项 / 3 measures edited, 1 added.',
    ),
    text: z.string().describe('The message as one line: Chinese / English.'),
  })
  .describe('Counts and a bilingual one-line summary of a report diff.');
export type DiffSummary = z.infer<typeof DiffSummarySchema>;
