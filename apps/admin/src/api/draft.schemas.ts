import { z } from 'zod';
import { CommandSchema, ReportShapeSchema, ValidationIssueSchema } from '@leshan/report-core';
import { ErrorBodySchema } from '@leshan/http-kit';

export const RevisionNumberSchema = z.coerce
  .number({ error: '修订号必须是数字' })
  .int({ error: '修订号必须是整数' })
  .min(0, { error: '修订号不能为负数' });

export const DraftViewSchema = z
  .object({
    revision: z
      .int()
      .min(0)
      .describe('The draft’s current revision number; send it as baseRevision.'),
    report: ReportShapeSchema.describe(
      'The working draft (may break invariants while being edited).',
    ),
    hash: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    validation: z.object({ ok: z.boolean(), issues: z.array(ValidationIssueSchema) }),
  })
  .describe('The working draft with its revision number.');
export type DraftView = z.infer<typeof DraftViewSchema>;

export const CommandBatchSchema = z
  .strictObject({
    baseRevision: RevisionNumberSchema.describe('The revision the editor’s changes start from.'),
    commands: z
      .array(CommandSchema)
      .min(1, { error: '至少需要一条修改命令' })
      .max(500, { error: '一次最多提交 500 条修改命令' }),
  })
  .describe('A batch of report-core commands, applied all or nothing.');

export const CommandResultSchema = z
  .object({
    revision: z.int().min(0),
    hash: z.string(),
    touched: z.array(z.string()).describe('Ids of the nodes the batch changed.'),
  })
  .describe('The new revision after a batch applied.');

export const ConflictNodeSchema = z.object({
  id: z.string(),
  kind: z.string().nullable().describe('null when the node no longer exists.'),
  current: z.unknown().describe('The node as it is now in the draft, or null when it was removed.'),
  changedBy: z.array(z.string()).describe('Who changed it since the base revision.'),
});

/** The one error body of a 409 on the draft, with what the editor needs to resolve it. */
export const ConflictBodySchema = ErrorBodySchema.extend({
  code: z.literal('conflict'),
  currentRevision: z.int(),
  nodes: z.array(ConflictNodeSchema).describe('The nodes both sides changed, as they are now.'),
});
