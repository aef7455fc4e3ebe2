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
import { ApiError, issuesAt } from '@leshan/http-kit';
import { route, unauthenticated } from '../http/route.js';
import type { AdminRoute } from '../http/route.js';

/**
 * The draft an import creates: the parsed text without the measures it repeats word for word.
 * The text replaces the draft of the report being edited, so it keeps that report's id, issuer,
 * period and places (the parser assumes no city: issue 17).
 */
function draftFromText(text: string, current: Report | undefined) {
  const { report: parsed, diagnostics } = parseReportText(
    text,
    current === undefined
      ? {}
      : {
          id: current.id,
          issuer: current.meta.issuer,
          period: current.meta.period,
          places: current.places,
        },
  );
  const { report, removals } = removeDuplicateMeasures(parsed);
  return { report, removals, diagnostics, validation: validateReport(report) };
}

const summary = (report: Report) => {
  const stats = reportStats(report);
  return { chapters: stats.chapters, sections: stats.sections, measures: stats.measures };
};

export function importRoutes({ store }: AdminDeps): AdminRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/import/preview',
      operationId: 'previewImport',
      summary: 'Parse source text: the diagnostics an editor must decide on, and a preview',
      tag: 'import',
      access: 'editor',
      responses: { 200: ImportPreviewSchema },
    })
      .body(ImportPreviewBodySchema)
      .handle(async ({ body }) => {
        const current = (await store.getDraft())?.report;
        const { report, removals, diagnostics, validation } = draftFromText(body.text, current);
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
      }),
    route({
      method: 'post',
      path: '/api/import',
      operationId: 'importSource',
      summary:
        'Replace the draft with the parsed text (repeated measures removed, each with an open note), after explicit confirmation',
      tag: 'import',
      access: 'editor',
      responses: { 200: CommandResultSchema },
      errors: [409, 422],
    })
      .body(ImportBodySchema)
      .handle(async ({ body, user, req }) => {
        if (user === undefined) throw unauthenticated();
        const { removals, validation } = draftFromText(body.text, (await store.getDraft())?.report);
        if (!validation.ok) {
          throw new ApiError(
            422,
            'invalid-report',
            '导入的原文不能成为有效草稿（逐字重复的举措已自动去除）：请按提示修正原文后重新导入',
            { issues: issuesAt(validation.issues, 'report') },
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
            throw new ApiError(409, 'conflict', '草稿已在您打开后被修改，请刷新后再导入', {
              extra: { currentRevision: result.conflict.currentRevision, nodes: [] },
            });
          throw new ApiError(422, result.error.code, result.error.message.zh);
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
      }),
  ];
}
