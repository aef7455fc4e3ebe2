import { z } from 'zod';
import {
  applyCommand,
  applyCommands,
  changeKeys,
  conflictingKeys,
  describeChange,
  describeNode,
  fieldOfKey,
  findNode,
  nodeIdOfKey,
  toValidationIssues,
  validateReport,
} from '@leshan/report-core';
import type { Command } from '@leshan/report-core';
import type { Conflict, Draft, Store } from '@leshan/report-store';
import type { AdminDeps } from '../deps.js';
import { nameOf, userNames } from '../deps.js';
import { ApiError, issuesAt } from '@leshan/http-kit';
import { route, unauthenticated } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';
import {
  CommandBatchSchema,
  CommandResultSchema,
  ConflictBodySchema,
  DraftHeadSchema,
  DraftViewSchema,
  PresenceBodySchema,
  PresenceEventSchema,
} from '../api/draft.schemas.js';
import { liveFor } from '../live/draft-live.js';
import type { DraftView } from '../api/draft.schemas.js';

export async function currentDraft(store: Store): Promise<Draft> {
  let draft: Draft | null;
  try {
    draft = await store.getDraft();
  } catch (error) {
    // The store reads the draft with ReportSchema: a row that breaks the rules (written below the
    // API, e.g. by hand) is a refusal with its issues, not a 500.
    if (!(error instanceof z.ZodError)) throw error;
    throw new ApiError(
      422,
      'invalid-report',
      '草稿数据未通过校验，不能读取或发布，请联系管理员处理',
      { issues: issuesAt(toValidationIssues(error.issues), 'report') },
    );
  }
  if (draft === null) throw new ApiError(404, 'no-draft', '还没有草稿：请先导入原文');
  return draft;
}

export async function draftView(store: Store, draft: Draft): Promise<DraftView> {
  const names = await userNames(store);
  const validation = validateReport(draft.report);
  return {
    revision: draft.revision,
    report: draft.report,
    hash: draft.reportHash,
    updatedAt: draft.updatedAt,
    updatedBy: nameOf(names, draft.updatedBy),
    validation: validation.ok ? { ok: true, issues: [] } : { ok: false, issues: validation.issues },
  };
}

/**
 * The 409 of a batch: each node both sides changed (named the way editors do, never by id), the
 * fields that clash, the node at the editor's base revision and now, who changed it since, and
 * which commands of the batch conflict, so the editor can drop only those.
 */
async function conflictBody(
  store: Store,
  commands: readonly Command[],
  baseRevision: number,
  conflict: Conflict,
) {
  const [draft, base, names] = await Promise.all([
    currentDraft(store),
    store.getRevision(baseRevision),
    userNames(store),
  ]);
  const baseReport = base?.report ?? draft.report;
  const theirs = conflict.since.flatMap((r) => r.keys);
  const nodes = conflict.nodeIds.map((id) => {
    const now = findNode(draft.report, id);
    const then = findNode(baseReport, id);
    const changedBy = [
      ...new Set(
        conflict.since
          .filter((r) => r.keys.some((k) => nodeIdOfKey(k) === id))
          .map((r) => nameOf(names, r.author) ?? r.author),
      ),
    ];
    const fields = [
      ...new Set(
        conflict.keys
          .filter((k) => nodeIdOfKey(k) === id)
          .map((k) => fieldOfKey(k))
          .filter((f): f is string => f !== null && f !== '~'),
      ),
    ];
    return {
      id,
      label: describeNode(now === undefined ? baseReport : draft.report, id),
      kind: (now ?? then)?.kind ?? null,
      deleted: now === undefined,
      fields: now === undefined ? [] : fields,
      base: then?.node ?? null,
      current: now?.node ?? null,
      changedBy,
    };
  });
  // Which commands clash: each one's own keys, on the base report as the editor made them.
  const conflictingCommands: number[] = [];
  let report = baseReport;
  for (const [index, command] of commands.entries()) {
    const applied = applyCommand(report, command);
    const keys = applied.ok ? applied.value.keys : changeKeys(report, command);
    if (conflictingKeys(keys, theirs).length > 0) conflictingCommands.push(index);
    if (applied.ok) report = applied.value.report;
  }
  const who = [...new Set(nodes.flatMap((n) => n.changedBy))].join('、') || '他人';
  const deleted = nodes.filter((n) => n.deleted).map((n) => n.label);
  return ConflictBodySchema.parse({
    error:
      deleted.length > 0
        ? `您修改的内容已被${who}删除：${deleted.join('；')}。可以恢复它并保留您的修改，或放弃这些修改`
        : `您修改的内容已被${who}改动，请比较两个版本后选择保留哪一个`,
    code: 'conflict',
    issues: nodes.map((n) => ({
      path: n.id,
      message: n.deleted ? `“${n.label}”已被他人删除` : `“${n.label}”在您开始编辑后已被他人修改`,
    })),
    currentRevision: conflict.currentRevision,
    nodes,
    conflictingCommands,
  });
}

export interface SaveInput {
  baseRevision: number;
  commands: Command[];
  userId: string;
  ip: string | null;
  clientId?: string | undefined;
  clientSeq?: number | undefined;
  /** Closed tabs whose unsent changes the batch took over (their revisions are its own). */
  adoptedClientIds?: readonly string[] | undefined;
  /** The audit entry's action (default draft.edit) and details added to the commands' count. */
  audit?: { action: string; details: Record<string, unknown> } | undefined;
}

/**
 * Applies an editor's commands as a new revision (the one way the draft is edited: the command
 * batch and a one-node restore both come here): 409 with the conflict body when they clash with
 * a later revision, 422 when a rule of the report refuses them.
 */
export async function saveCommands(
  store: Store,
  input: SaveInput,
): Promise<z.infer<typeof CommandResultSchema>> {
  const result = await store.appendDraftRevision({
    baseRevision: input.baseRevision,
    commands: input.commands,
    author: input.userId,
    clientId: input.clientId,
    clientSeq: input.clientSeq,
    adoptedClientIds: input.adoptedClientIds,
    apply: (current) => {
      const applied = applyCommands(current, input.commands);
      return applied.ok ? applied : { ok: false as const, error: applied };
    },
    describe: describeChange,
    // In the revision's transaction: one commit per save.
    audit: (revision) => ({
      actor: input.userId,
      action: input.audit?.action ?? 'draft.edit',
      target: `revision:${revision.number}`,
      details: {
        ...input.audit?.details,
        commands: input.commands.length,
        touched: revision.touched.slice(0, 50),
      },
      ip: input.ip,
    }),
  });
  if (result.ok && result.repeated === true) {
    // The tab sent this batch again (its answer was lost): answered as before, applied once.
    return {
      revision: result.revision.number,
      hash: result.revision.reportHash,
      touched: result.revision.touched,
      keys: result.revision.keys,
    };
  }
  if (result.ok) {
    liveFor(store).nudge();
    return {
      revision: result.revision.number,
      hash: result.draft.reportHash,
      touched: result.revision.touched,
      keys: result.revision.keys,
    };
  }
  switch (result.reason) {
    case 'conflict': {
      const conflict = await conflictBody(
        store,
        input.commands,
        input.baseRevision,
        result.conflict,
      );
      throw new ApiError(409, 'conflict', conflict.error, {
        issues: conflict.issues,
        extra: {
          currentRevision: conflict.currentRevision,
          nodes: conflict.nodes,
          conflictingCommands: conflict.conflictingCommands,
        },
      });
    }
    case 'rejected': {
      const { error, index } = result.error;
      // index null: each command applied, but the batch's result breaks a rule of the report.
      const where = index === null ? 'report' : `commands.${index}`;
      const issues =
        'issues' in error
          ? error.issues.map((i) => ({ path: `${where}.${i.path}`, message: i.message.zh }))
          : [];
      throw new ApiError(422, error.code, error.message.zh, {
        issues: issues.length > 0 ? issues : [{ path: where, message: error.message.zh }],
      });
    }
    case 'refused':
      throw new ApiError(
        result.error.code === 'bad-base-revision' ? 400 : 422,
        result.error.code,
        result.error.message.zh,
      );
  }
}

export function draftRoutes({ store }: AdminDeps): AdminRoute[] {
  const live = liveFor(store);
  return [
    route({
      method: 'get',
      path: '/api/draft/head',
      operationId: 'getDraftHead',
      summary: 'The draft’s latest revision number: the cheap poll when events are not available',
      tag: 'draft',
      access: 'editor',
      responses: { 200: DraftHeadSchema },
      errors: [404],
    }).handle(async () => {
      const revision = await store.draftHead();
      if (revision === null) throw new ApiError(404, 'no-draft', '还没有草稿：请先导入原文');
      return { body: { revision } };
    }),
    route({
      method: 'post',
      path: '/api/draft/presence',
      operationId: 'setDraftPresence',
      summary:
        'Say which node this tab has open (on every move, and every 20 s; expires after 45 s); answers who else is where',
      tag: 'draft',
      access: 'editor',
      responses: { 200: PresenceEventSchema },
    })
      .body(PresenceBodySchema)
      .handle(async ({ body, user }) => {
        if (user === undefined) throw unauthenticated();
        return { body: await live.setPresence({ userId: user.userId, ...body }) };
      }),
    route({
      method: 'get',
      path: '/api/draft',
      operationId: 'getDraft',
      summary: 'The working draft with its revision number and validation',
      tag: 'draft',
      access: 'editor',
      responses: { 200: DraftViewSchema },
    }).handle(async () => ({ body: await draftView(store, await currentDraft(store)) })),
    route({
      method: 'post',
      path: '/api/draft/commands',
      operationId: 'applyDraftCommands',
      summary:
        'Apply a batch of report-core commands made against baseRevision (409 when a node they touch changed since)',
      tag: 'draft',
      access: 'editor',
      responses: { 200: CommandResultSchema },
      errors: [404, 409, 422],
    })
      .body(CommandBatchSchema)
      .handle(async ({ body, user, req }) => {
        if (user === undefined) throw unauthenticated();
        return {
          body: await saveCommands(store, {
            baseRevision: body.baseRevision,
            commands: body.commands,
            userId: user.userId,
            ip: req.ip ?? null,
            clientId: body.clientId,
            clientSeq: body.clientSeq,
            adoptedClientIds: body.adoptedClientIds,
          }),
        };
      }),
  ];
}
