import { parseReportText, reportStats, validateReport } from '@leshan/report-core';
import { ImportBodySchema, ImportPreviewBodySchema, ImportPreviewSchema } from '../api/import.schemas.js';
import { CommandResultSchema } from '../api/draft.schemas.js';
import type { AdminDeps } from '../deps.js';
import { HttpError, issuesToHttp } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import type { RouteSpec } from '../http/route.js';

export function importRoutes({ store }: AdminDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/import/preview',
      summary: 'Parse source text: the diagnostics an editor must decide on, and a preview',
      tag: 'import',
      access: 'editor',
      body: ImportPreviewBodySchema,
      responses: { 200: ImportPreviewSchema },
      handler: ({ body }) => {
        const { report, diagnostics } = parseReportText(body.text);
        const stats = reportStats(report);
        const validation = validateReport(report);
        return {
          body: {
            diagnostics,
            report,
            stats: { chapters: stats.chapters, sections: stats.sections, measures: stats.measures },
            validation: validation.ok ? { ok: true, issues: [] } : { ok: false, issues: validation.issues },
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/import',
      summary: 'Replace the draft with the parsed text, after explicit confirmation',
      tag: 'import',
      access: 'editor',
      body: ImportBodySchema,
      responses: { 200: CommandResultSchema },
      errors: [409, 422],
      handler: async ({ body, user, req }) => {
        if (user === undefined) throw new HttpError(401, 'unauthenticated', '请先登录');
        const { report } = parseReportText(body.text);
        const validation = validateReport(report);
        if (!validation.ok) {
          throw new HttpError(422, 'invalid-report', '导入的原文不能直接成为有效草稿：请按提示修正原文（如删除重复段落）后重新导入', issuesToHttp(validation.issues, 'report'));
        }
        const result = await store.replaceDraft({ report: validation.value, author: user.userId, baseRevision: body.baseRevision, source: 'import' });
        if (!result.ok) {
          if (result.reason === 'conflict') throw new HttpError(409, 'conflict', '草稿已在您打开后被修改，请刷新后再导入', [], { currentRevision: result.conflict.currentRevision, nodes: [] });
          throw new HttpError(422, result.error.code, result.error.message.zh);
        }
        await store.appendAudit({ actor: user.userId, action: 'draft.import', target: `revision:${result.revision.number}`, details: { characters: body.text.length }, ip: req.ip ?? null });
        return { body: { revision: result.revision.number, hash: result.draft.reportHash, touched: result.revision.touched } };
      },
    }),
  ];
}
