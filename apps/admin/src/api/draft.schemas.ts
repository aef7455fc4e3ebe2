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

/** A browser tab's id: the client makes it (e.g. crypto.randomUUID()) and keeps it per tab. */
export const ClientIdSchema = z
  .string({ error: '标签页编号必须是文字' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '标签页编号只能含字母、数字、- 和 _，最多 64 个字符' })
  .describe('The sending tab’s id (one per browser tab).');

export const CommandBatchSchema = z
  .strictObject({
    baseRevision: RevisionNumberSchema.describe('The revision the editor’s changes start from.'),
    commands: z
      .array(CommandSchema)
      .min(1, { error: '至少需要一条修改命令' })
      .max(500, { error: '一次最多提交 500 条修改命令' }),
    clientId: ClientIdSchema.optional(),
    clientSeq: z
      .int({ error: '本地序号必须是整数' })
      .min(0, { error: '本地序号不能为负数' })
      .optional()
      .describe('The tab’s own number for this batch (increasing); recorded with the revision.'),
    adoptedClientIds: z
      .array(ClientIdSchema)
      .max(20, { error: '一次最多接管 20 个已关闭标签页的修改' })
      .optional()
      .describe(
        'Closed tabs of the same editor whose unsent changes this batch took over: their revisions after baseRevision are not conflicts, as the tab’s own are not.',
      ),
  })
  .describe('A batch of report-core commands, applied all or nothing.');

export const CommandResultSchema = z
  .object({
    revision: z.int().min(0),
    hash: z.string(),
    touched: z.array(z.string()).describe('Ids of the nodes the batch changed.'),
    keys: z
      .array(z.string())
      .describe('What the batch changed, as report-core change keys (<id>, <id>/<field>, <id>/~).'),
  })
  .describe('The new revision after a batch applied.');
export type CommandResult = z.infer<typeof CommandResultSchema>;

export const ConflictNodeSchema = z.object({
  id: z.string().describe('The node’s id, for commands only: never shown to editors.'),
  label: z.string().describe('How editors name the node (report-core describeNode).'),
  kind: z.string().nullable().describe('Node kind, or null when it no longer exists.'),
  deleted: z.boolean().describe('Someone deleted the node since the base revision.'),
  fields: z
    .array(z.string())
    .describe('The fields both sides changed (text, places, tracking, …); empty when deleted.'),
  base: z
    .unknown()
    .describe('The node at the editor’s base revision (null if it did not exist then).'),
  current: z.unknown().describe('The node as it is now in the draft, or null when it was removed.'),
  changedBy: z
    .array(z.string())
    .describe('Display names of who changed it since the base revision.'),
});
export type ConflictNode = z.infer<typeof ConflictNodeSchema>;

/** The one error body of a 409 on the draft, with what the editor needs to resolve it. */
export const ConflictBodySchema = ErrorBodySchema.extend({
  code: z.literal('conflict'),
  currentRevision: z.int(),
  nodes: z
    .array(ConflictNodeSchema)
    .describe('The nodes both sides changed, as they were at the base revision and are now.'),
  conflictingCommands: z
    .array(z.int().min(0))
    .describe(
      'Indexes into the sent batch of the commands that conflict; the others can be sent again alone.',
    ),
});
export type ConflictBody = z.infer<typeof ConflictBodySchema>;

/** `GET /api/draft/head`: the cheap poll when server-sent events are not available. */
export const DraftHeadSchema = z
  .object({ revision: z.int().min(0).describe('The draft’s latest revision number.') })
  .describe('The draft’s head revision.');
export type DraftHead = z.infer<typeof DraftHeadSchema>;

export const PresenceBodySchema = z
  .strictObject({
    clientId: ClientIdSchema,
    nodeId: z
      .string()
      .max(200)
      .nullable()
      .describe('The node the tab has open, or null (outline, another screen).'),
  })
  .describe(
    'Where a tab is; sent on every move and as a heartbeat every 20 s (expires after 45 s).',
  );

export const PresenceEditorSchema = z.object({
  userId: z.string(),
  name: z.string().describe('Display name.'),
  nodeId: z.string().nullable(),
  clientId: z.string(),
});

/** SSE `event: presence`, and the answer to `POST /api/draft/presence`. */
export const PresenceEventSchema = z
  .object({ editors: z.array(PresenceEditorSchema) })
  .describe('Every tab with the draft open now (including the asking one).');
export type PresenceEvent = z.infer<typeof PresenceEventSchema>;

/** SSE `event: revision`: a revision landed (from this process or, on PostgreSQL, another). */
export const RevisionEventSchema = z
  .object({
    revision: z.int().min(0),
    author: z.string().describe('User id of who made it.'),
    authorName: z.string().nullable().describe('Their display name.'),
    at: z.string().describe('When (ISO 8601 UTC).'),
    keys: z.array(z.string()).describe('report-core change keys of what it changed.'),
    summary: z.array(z.string()).describe('What it changed, in words, prefixed with the editor.'),
    clientId: z.string().nullable().describe('The tab that sent it, when it said.'),
    clientSeq: z.int().nullable(),
  })
  .describe('One new revision of the draft.');
export type RevisionEvent = z.infer<typeof RevisionEventSchema>;
