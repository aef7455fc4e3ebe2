import {
  parseReportText,
  removeDuplicateMeasures,
  ReportShapeSchema,
  reportStats,
  validateReport,
} from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import {
  ImportBodySchema,
  ImportPreviewBodySchema,
  ImportPreviewSchema,
} from '../api/import.schemas.js';
import { CommandResultSchema } from '../api/draft.schemas.js';
import type { AdminDeps } from '../deps.js';
import { HttpError, issuesToHttp } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import type { RouteSpec } from '../http/route.js';

/** The draft an import creates: the parsed text without the measures it repeats word for word. */
function draftFromText(text: string) {
  const { report: parsed, diagnostics } = parseReportText(text);
  const { report, removals } = removeDuplicateMeasures(parsed);
  return { report, removals, diagnostics, validation: validateReport(report) };
}

const summary = (report: Report) => {
  const stats = reportStats(report);
  return { chapters: stats.chapters, sections: stats.sections, measures: stats.measures };
};

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
        const { report, removals, diagnostics, validation } = draftFromText(body.text);
        return {
          body: {
            diagnostics,
            report: ReportShapeSchema.safeParse(report).success ? report : null,
            removals,
            stats: summary(report),
            validation: validation.ok
              ? { ok: true, issues: [] }
              : { ok: false, issues: validation.issues },
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/import',
      summary:
        'Replace the draft with the parsed text (repeated measures removed, each with an open note), after explicit confirmation',
      tag: 'import',
      access: 'editor',
      body: ImportBodySchema,
      responses: { 200: CommandResultSchema },
      errors: [409, 422],
      handler: async ({ body, user, req }) => {
        if (user === undefined) throw new HttpError(401, 'unauthenticated', '请先登录');
        const { removals, validation } = draftFromText(body.text);
        if (!validation.ok) {
          throw new HttpError(
            422,
            'invalid-report',
            '导入的原文不能成为有效草稿（逐字重复的举措已自动去除）：请按提示修正原文后重新导入',
            issuesToHttp(validation.issues, 'report'),
          );
        }
        const result = await store.replaceDraft({
          report: validation.value,
          author: user.userId,
          baseRevision: body.baseRevision,
          source: 'import',
        });
        if (!result.ok) {
          if (result.reason === 'conflict')
            throw new HttpError(409, 'conflict', '草稿已在您打开后被修改，请刷新后再导入', [], {
              currentRevision: result.conflict.currentRevision,
              nodes: [],
            });
          throw new HttpError(422, result.error.code, result.error.message.zh);
        }
        await store.appendAudit({
          actor: user.userId,
          action: 'draft.import',
          target: `revision:${result.revision.number}`,
          details: {
            characters: body.text.length,
            duplicatesRemoved: removals.reduce((n, r) => n + r.removedIds.length, 0),
          },
          ip: req.ip ?? null,
        });
        return {
          body: {
            revision: result.revision.number,
            hash: result.draft.reportHash,
            touched: result.revision.touched,
          },
        };
      },
    }),
  ];
}
