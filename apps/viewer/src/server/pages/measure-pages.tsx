import type { RequestHandler, Router } from 'express';
import { findNode, TRACKING_STATUS_LABELS } from '@leshan/report-core';
import type { DeepReadonly, Measure, ReadonlyReport } from '@leshan/report-core';
import { targetAttainment } from '@leshan/report-core/model';
import {
  chapterLabel,
  formatAchievement,
  formatAttainment,
  quoteStart,
} from '@leshan/report-core/labels';
import { MeasurePage } from '@leshan/report-views';
import { FeedbackForm } from '../../ui/feedback-form.js';
import type { Lang } from '../../ui/i18n.js';
import { labelsFor } from '../../ui/i18n.js';
import type { ServerDeps } from '../deps.js';
import type { PageOutcome, PageRequest } from './page-handler.js';
import { removedOutcome } from './removed-outcome.js';

/** The feed of one measure's updates and observed values (issue 19). */
export const measureFeedPath = (measureId: string): string =>
  `/feeds/measures/${measureId}/progress.atom`;

/**
 * The share card's words for a measure: its status and each target's attainment, then its text,
 * in at most 200 characters.
 */
function shareDescription(
  report: ReadonlyReport,
  measure: DeepReadonly<Measure>,
  lang: Lang,
): string {
  const t = labelsFor(lang);
  const { status, progress } = measure.tracking;
  const facts = [
    status === null ? t.notReported : TRACKING_STATUS_LABELS[status][lang],
    ...(progress === null ? [] : [t.progress(progress)]),
    ...measure.indicators.map((i) => {
      const attainment = targetAttainment(i, report.meta.period);
      return `${i.metric} ${formatAchievement(i, attainment) ?? formatAttainment(attainment)[lang]}`;
    }),
  ];
  const text = `${facts.join(lang === 'en' ? '; ' : '；')}。${measure.text}`;
  const chars = Array.from(text);
  return chars.length <= 200 ? text : `${chars.slice(0, 199).join('')}…`;
}

/**
 * A page per measure (issue 19), `/measures/<id>`, for the latest edition and under `base` for a
 * past one. An id the edition no longer has says what happened to it (410) or leads on (308).
 */
export function addMeasurePages(
  router: Router,
  deps: ServerDeps,
  lang: Lang,
  page: (h: (r: PageRequest) => Promise<PageOutcome>) => RequestHandler,
): void {
  router.get(
    '/measures/:id',
    page(async ({ req, edition }) => {
      const id = String(req.params.id);
      const found = findNode(edition.report, id);
      if (found?.kind !== 'measure') return removedOutcome(deps.source, lang, id);
      const words = quoteStart(found.node.text, 20).slice(1, -1);
      return {
        kind: 'page',
        content: {
          title: `${words} · ${chapterLabel(found.chapter.number)[lang]}`,
          description: shareDescription(edition.report, found.node, lang),
          element: (
            <MeasurePage
              report={edition.report}
              measure={found.node}
              footer={
                // 我要纠错 (feedback19): only where the source can take it (not the static build).
                deps.source.sendFeedback === undefined ? undefined : (
                  <FeedbackForm measureId={found.node.id} editionNumber={edition.number} />
                )
              }
            />
          ),
          share: { ogType: 'article', twitterCard: 'summary' },
          feeds: [
            {
              href: measureFeedPath(found.node.id),
              title: lang === 'en' ? `Progress of “${words}”` : `“${words}”进展订阅`,
            },
          ],
        },
      };
    }),
  );
}
