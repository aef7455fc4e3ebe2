import type { RequestHandler, Router } from 'express';
import { toValidationIssues } from '@leshan/report-core';
import {
  DepartmentPage,
  filterMeasureRows,
  measureQueryProblems,
  measureRows,
  MeasureQuerySchema,
  MeasuresPage,
  PlacePage,
} from '@leshan/report-views';
import type { Lang } from '../../ui/i18n.js';
import type { ServerDeps } from '../deps.js';
import type { PageOutcome, PageRequest } from './page-handler.js';
import { messageOutcome, notFoundOutcome } from './message-outcome.js';

// Issue 19 point 3: browse all measures by status, chapter, district and department (a plain GET
// form, no JavaScript needed), and a page per department and per place with its own scoreboard.

/**
 * /measures (filtered by the query), /departments/:id and /places/:id, for the latest edition at /
 * and for a past one under `base` (/editions/N).
 */
export function addBrowsePages(
  router: Router,
  _deps: ServerDeps,
  lang: Lang,
  _base: string,
  page: (h: (r: PageRequest) => Promise<PageOutcome>) => RequestHandler,
): void {
  const pick = (zh: string, en: string): string => (lang === 'en' ? en : zh);
  const badFilter = (lines: string[]): PageOutcome =>
    messageOutcome(400, pick('筛选条件有误', 'Invalid filter'), lines);

  router.get(
    '/measures',
    page(({ req, edition }) => {
      const report = edition.report;
      const query = MeasureQuerySchema.safeParse(req.query);
      if (!query.success)
        return Promise.resolve(
          badFilter(
            toValidationIssues(query.error.issues).map(
              (i) => `${i.path}：${i.message[lang === 'en' ? 'en' : 'zh']}`,
            ),
          ),
        );
      const problems = measureQueryProblems(report, query.data);
      if (problems.length > 0) return Promise.resolve(badFilter(problems));
      const shown = filterMeasureRows(measureRows(report), query.data).length;
      return Promise.resolve({
        kind: 'page',
        content: {
          title: pick('全部举措', 'All measures'),
          description: pick(
            `报告的全部举措（显示 ${shown} 项），可按进展状态、章、地区和责任部门筛选。`,
            `The report's measures (${shown} shown), by status, chapter, district and department.`,
          ),
          element: <MeasuresPage report={report} query={query.data} />,
        },
      });
    }),
  );

  router.get(
    '/departments/:id',
    page(({ req, edition }) => {
      const report = edition.report;
      const department = (report.departments ?? []).find((d) => d.id === String(req.params.id));
      if (department === undefined) return Promise.resolve(notFoundOutcome(lang));
      return Promise.resolve({
        kind: 'page',
        content: {
          title: department.name,
          description: pick(
            `${department.name}牵头或参与的举措及其进展、量化指标完成情况。`,
            `The measures ${department.name} answers for, their progress and targets.`,
          ),
          element: <DepartmentPage report={report} department={department} />,
        },
      });
    }),
  );

  router.get(
    '/places/:id',
    page(({ req, edition }) => {
      const report = edition.report;
      const place = report.places.find((p) => p.id === String(req.params.id));
      if (place === undefined) return Promise.resolve(notFoundOutcome(lang));
      return Promise.resolve({
        kind: 'page',
        content: {
          title: place.name,
          description: pick(
            `报告中点名${place.name}的举措及其进展、量化指标完成情况。`,
            `The measures that name ${place.name}, their progress and targets.`,
          ),
          element: <PlacePage report={report} place={place} />,
        },
      });
    }),
  );
}
