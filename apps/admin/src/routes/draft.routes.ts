import { z } from 'zod';
import { applyCommands, findNode, toValidationIssues, validateReport } from '@leshan/report-core';
import type { Draft, Store } from '@leshan/report-store';
import type { AdminDeps } from '../deps.js';
import { nameOf, userNames } from '../deps.js';
import { ApiError, issuesAt } from '@leshan/http-kit';
import { route, unauthenticated } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';
import {
  CommandBatchSchema,
  CommandResultSchema,
  ConflictBodySchema,
  DraftViewSchema,
} from '../api/draft.schemas.js';
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

/** The nodes both sides changed, as they are now, and who changed them since the base revision. */
async function conflictBody(
  store: Store,
  nodeIds: string[],
  baseRevision: number,
  currentRevision: number,
) {
  const draft = await currentDraft(store);
  const since = await store.revisionsSince(baseRevision);
  const names = await userNames(store);
  const nodes = nodeIds.map((id) => {
    const found = findNode(draft.report, id);
    const changedBy = [
      ...new Set(
        since.filter((r) => r.touched.includes(id)).map((r) => nameOf(names, r.author) ?? r.author),
      ),
    ];
    return {
      id,
      label: id,
      kind: found?.kind ?? null,
      deleted: found === undefined,
      fields: [],
      base: null,
      current: found?.node ?? null,
      changedBy,
    };
  });
  return ConflictBodySchema.parse({
    error: `您修改的内容已被${[...new Set(nodes.flatMap((n) => n.changedBy))].join('、') || '他人'}改动，请比较两个版本后选择保留哪一个`,
    code: 'conflict',
    issues: nodeIds.map((id) => ({ path: id, message: '该节点在您开始编辑后已被他人修改' })),
    currentRevision,
    nodes,
    conflictingCommands: [],
  });
}

export function draftRoutes({ store }: AdminDeps): AdminRoute[] {
  return [
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
        const result = await store.appendDraftRevision({
          baseRevision: body.baseRevision,
          commands: body.commands,
          author: user.userId,
          apply: (current) => {
            const applied = applyCommands(current, body.commands);
            return applied.ok ? applied : { ok: false as const, error: applied };
          },
        });
        if (result.ok) {
          await store.appendAudit({
            actor: user.userId,
            action: 'draft.edit',
            target: `revision:${result.revision.number}`,
            details: {
              commands: body.commands.length,
              touched: result.revision.touched.slice(0, 50),
            },
            ip: req.ip ?? null,
          });
          return {
            body: {
              revision: result.revision.number,
              hash: result.draft.reportHash,
              touched: result.revision.touched,
              keys: result.revision.touched,
            },
          };
        }
        switch (result.reason) {
          case 'conflict': {
            const conflict = await conflictBody(
              store,
              result.conflict.nodeIds,
              body.baseRevision,
              result.conflict.currentRevision,
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
      }),
  ];
}
