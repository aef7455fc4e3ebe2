import type { RequestHandler, Router } from 'express';
import { findNode } from '@leshan/report-core';
import { MeasurePage } from '@leshan/report-views';
import { quoteStart } from '@leshan/report-core/labels';
import { FeedbackForm } from '../../ui/feedback-form.js';
import type { Lang } from '../../ui/i18n.js';
import type { ServerDeps } from '../deps.js';
import type { PageOutcome, PageRequest } from './page-handler.js';
import { removedOutcome } from './removed-outcome.js';

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
      return {
        kind: 'page',
        content: {
          title: quoteStart(found.node.text, 24),
          description: found.node.text.slice(0, 120),
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
        },
      };
    }),
  );
}
