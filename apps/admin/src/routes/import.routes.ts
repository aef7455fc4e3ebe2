import { ApiError, issuesAt } from '@leshan/http-kit';
import { walkNodes } from '@leshan/report-core';
import {
  ImportBodySchema,
  ImportPreviewBodySchema,
  ImportPreviewSchema,
} from '../api/import.schemas.js';
import { CommandResultSchema } from '../api/draft.schemas.js';
import type { AdminDeps } from '../deps.js';
import { runInWorker } from '../import/run-in-worker.js';
import { route, unauthenticated } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';

const conflict = (currentRevision: number) =>
  new ApiError(409, 'conflict', '草稿已在您打开后被修改，请重新预览后再导入', {
    extra: { currentRevision, nodes: [] },
  });

export function importRoutes({ store }: AdminDeps): AdminRoute[] {
  const draftOrFail = async () => {
    const draft = await store.getDraft();
    if (draft === null) throw new ApiError(409, 'no-draft', '还没有草稿，无法导入');
    return draft;
  };
  // Ids published once stay taken: a new node never gets an id an earlier edition used.
  const reservedIds = async (): Promise<string[]> => {
    const ids = new Set<string>();
    for (const summary of await store.listEditions()) {
      const edition = await store.getEdition(summary.id);
      if (edition !== null) for (const found of walkNodes(edition.report)) ids.add(found.node.id);
    }
    return [...ids];
  };

  return [
    route({
      method: 'post',
      path: '/api/import/preview',
      operationId: 'previewImport',
      summary:
        'Re-import as a merge: what the new text would change in the draft, item by item, with the parser’s diagnostics (any editor may prepare it)',
      tag: 'import',
      access: 'editor',
      responses: { 200: ImportPreviewSchema },
      errors: [409, 422],
    })
      .body(ImportPreviewBodySchema)
      .handle(async ({ body }) => {
        const draft = await draftOrFail();
        const result = await runInWorker({
          op: 'preview',
          current: draft.report,
          text: body.text,
          reservedIds: await reservedIds(),
        });
        if (result.op !== 'preview') throw new Error('the worker answered another job');
        const { diagnostics, proposal, stats } = result;
        return { body: { baseRevision: draft.revision, diagnostics, proposal, stats } };
      }),
    route({
      method: 'post',
      path: '/api/import',
      operationId: 'importSource',
      summary:
        'Merge the new text into the draft with the editor’s decisions, as one revision (undo: restore the revision before); publisher or admin',
      tag: 'import',
      access: 'publisher',
      responses: { 200: CommandResultSchema },
      errors: [409, 422],
    })
      .body(ImportBodySchema)
      .handle(async ({ body, user, req }) => {
        if (user === undefined) throw unauthenticated();
        const draft = await draftOrFail();
        if (draft.revision !== body.baseRevision) throw conflict(draft.revision);
        const result = await runInWorker({
          op: 'apply',
          current: draft.report,
          text: body.text,
          reservedIds: await reservedIds(),
          decisions: body.decisions,
        });
        if (result.op !== 'apply') throw new Error('the worker answered another job');
        if (!result.ok) {
          throw new ApiError(
            422,
            'invalid-merge',
            '无法按所选项合并导入：请按提示逐项选择或修正原文后重新预览',
            { issues: issuesAt(result.issues, 'merge') },
          );
        }
        const replaced = await store.replaceDraft({
          report: result.report,
          author: user.userId,
          baseRevision: body.baseRevision,
          source: 'import',
        });
        if (!replaced.ok) {
          if (replaced.reason === 'conflict') throw conflict(replaced.conflict.currentRevision);
          throw new ApiError(422, replaced.error.code, replaced.error.message.zh);
        }
        const rejected = Object.values(body.decisions).filter((d) => d === 'reject').length;
        await store.appendAudit({
          actor: user.userId,
          action: 'draft.import',
          target: `revision:${replaced.revision.number}`,
          details: { characters: body.text.length, rejected, undo: `revision:${draft.revision}` },
          ip: req.ip ?? null,
        });
        return {
          body: {
            revision: replaced.revision.number,
            hash: replaced.draft.reportHash,
            touched: replaced.revision.touched,
            keys: replaced.revision.touched,
          },
        };
      }),
  ];
}
