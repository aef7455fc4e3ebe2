import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import { diffReports, summarizeDiff } from '@leshan/report-core/edit';
import { summarizeEdition } from '../../schemas.js';
import type { Lang } from '../../ui/i18n.js';
import { localPath } from '../../ui/i18n.js';
import { DiffPage } from '../../ui/pages/diff-page.js';
import type { ServerDeps } from '../deps.js';
import type { PageOutcome, PageRequest } from './page-handler.js';
import { messageOutcome, notFoundOutcome } from './message-outcome.js';

const EditionNumber = z.coerce.number().int().min(1).max(1_000_000);
const CompareQuerySchema = z.object({ from: EditionNumber, to: EditionNumber });

/** /editions/diff?from=&to= (the form) and /editions/diff/:from/:to (the page, a stable URL). */
export function addComparePages(
  router: Router,
  deps: ServerDeps,
  lang: Lang,
  page: (h: (r: PageRequest) => Promise<PageOutcome>) => RequestHandler,
): void {
  const pick = (zh: string, en: string): string => (lang === 'en' ? en : zh);

  router.get(
    '/editions/diff',
    page(({ req }) => {
      const query = CompareQuerySchema.safeParse(req.query);
      if (!query.success)
        return Promise.resolve(
          messageOutcome(400, pick('请选择两个版本', 'Pick two editions'), [
            pick('“从”和“到”都应是版本号。', 'Both “from” and “to” must be edition numbers.'),
          ]),
        );
      return Promise.resolve({
        kind: 'redirect',
        location: localPath(lang, `/editions/diff/${query.data.from}/${query.data.to}`),
      });
    }),
  );

  router.get(
    '/editions/diff/:from/:to',
    page(async ({ req }) => {
      const params = CompareQuerySchema.safeParse(req.params);
      if (!params.success) return notFoundOutcome(lang);
      const [from, to] = await Promise.all([
        deps.source.getEdition(String(params.data.from)),
        deps.source.getEdition(String(params.data.to)),
      ]);
      if (from === undefined || to === undefined) return notFoundOutcome(lang);
      const diff = diffReports(from.report, to.report);
      const summary = summarizeDiff(diff);
      return {
        kind: 'page',
        content: {
          title: pick(
            `第 ${from.number} 版与第 ${to.number} 版的差异`,
            `Edition ${from.number} → ${to.number}`,
          ),
          element: (
            <DiffPage
              from={summarizeEdition(from)}
              to={summarizeEdition(to)}
              diff={diff}
              summary={summary}
              report={to.report}
            />
          ),
        },
      };
    }),
  );
}
