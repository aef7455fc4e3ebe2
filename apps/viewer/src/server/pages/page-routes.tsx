import { Router } from 'express';
import { z } from 'zod';
import { findNode } from '@leshan/report-core';
import { toValidationIssues } from '@leshan/report-core';
import type { Lang } from '../../ui/i18n.js';
import { labelsFor, localPath } from '../../ui/i18n.js';
import { ChapterPage } from '../../ui/pages/chapter-page.js';
import { DownloadsPage } from '../../ui/pages/downloads-page.js';
import { EditionsPage } from '../../ui/pages/editions-page.js';
import { HomePage } from '../../ui/pages/home-page.js';
import { PlacesPage } from '../../ui/pages/places-page.js';
import { PrintPage } from '../../ui/pages/print-page.js';
import { SourcePage } from '../../ui/pages/source-page.js';
import { TargetsPage } from '../../ui/pages/targets-page.js';
import { IndicatorQuerySchema } from '../../view/indicator-query.js';
import type { ServerDeps } from '../deps.js';
import { artifactHref } from '../api/links.js';
import { makePageHandler } from './page-handler.js';
import { messageOutcome, notFoundOutcome } from './message-outcome.js';
import { removedOutcome } from './removed-outcome.js';
import { addComparePages } from './compare-routes.js';
import { addSearchPage } from './search-routes.js';

const ChapterParamsSchema = z.object({ n: z.coerce.number().int().min(1).max(99) });

/** Every HTML page of the site in one interface language (mounted at / and at /en). */
export function createPageRouter(deps: ServerDeps, lang: Lang): Router {
  const router = Router();
  const page = makePageHandler(deps, lang);
  const t = labelsFor(lang);
  const pick = (zh: string, en: string): string => (lang === 'en' ? en : zh);

  router.get(
    '/',
    page(({ edition }) =>
      Promise.resolve({
        kind: 'page',
        content: {
          title: t.siteName,
          description: edition.report.ideology.text.slice(0, 120),
          element: <HomePage report={edition.report} />,
        },
      }),
    ),
  );

  router.get(
    '/chapters/:n',
    page(({ req, edition }) => {
      const params = ChapterParamsSchema.safeParse(req.params);
      const chapter = params.success
        ? edition.report.chapters.find((c) => c.number === params.data.n)
        : undefined;
      if (chapter === undefined) return Promise.resolve(notFoundOutcome(lang));
      const label = t.chapterLabel(chapter.number);
      return Promise.resolve({
        kind: 'page',
        content: {
          title: `${label} ${chapter.title ?? ''}`.trim(),
          element: <ChapterPage report={edition.report} chapter={chapter} />,
          feeds: [
            {
              href: `/feeds/chapters/${chapter.number}/progress.atom`,
              title: `${label} ${t.progressFeed}`,
            },
          ],
        },
      });
    }),
  );

  // A measure's share link that does not know its chapter: send it to its anchor.
  router.get(
    '/measures/:id',
    page(async ({ req, edition }) => {
      const found = findNode(edition.report, String(req.params.id));
      // Issue 14: a removed id says what happened to it (410), or leads to its successor (308).
      if (found?.kind !== 'measure')
        return removedOutcome(deps.source, lang, String(req.params.id));
      return {
        kind: 'redirect',
        location: localPath(lang, `/chapters/${found.chapter.number}#${found.node.id}`),
      };
    }),
  );

  router.get(
    '/targets',
    page(({ req, edition }) => {
      const query = IndicatorQuerySchema.safeParse(req.query);
      if (!query.success) {
        const lines = toValidationIssues(query.error.issues).map(
          (i) => `${i.path}：${i.message[lang === 'en' ? 'en' : 'zh']}`,
        );
        return Promise.resolve(messageOutcome(400, pick('筛选条件有误', 'Invalid filter'), lines));
      }
      return Promise.resolve({
        kind: 'page',
        content: {
          title: pick('量化指标', 'Targets'),
          element: <TargetsPage report={edition.report} query={query.data} />,
        },
      });
    }),
  );

  router.get(
    '/places',
    page(({ edition }) =>
      Promise.resolve({
        kind: 'page',
        content: {
          title: pick('按地点查看', 'Places'),
          element: <PlacesPage report={edition.report} />,
        },
      }),
    ),
  );

  router.get(
    '/downloads',
    page(async ({ edition }) => {
      const artifacts = await deps.source.listArtifacts(edition.id);
      return {
        kind: 'page',
        cache: false,
        content: {
          title: pick('下载', 'Downloads'),
          element: (
            <DownloadsPage
              artifacts={artifacts}
              editionNumber={edition.number}
              fileHref={(a) => artifactHref(edition, a)}
            />
          ),
        },
      };
    }),
  );

  router.get(
    '/editions',
    page(async () => {
      const editions = await deps.source.listEditions();
      return {
        kind: 'page',
        cache: false,
        content: { title: pick('版本', 'Editions'), element: <EditionsPage editions={editions} /> },
      };
    }),
  );

  addComparePages(router, deps, lang, page);
  addSearchPage(router, lang, page);

  router.get(
    '/source',
    page(({ edition }) =>
      Promise.resolve({
        kind: 'page',
        content: {
          title: pick('关于原文', 'About the source'),
          element: <SourcePage report={edition.report} />,
        },
      }),
    ),
  );

  router.get(
    '/print',
    page(({ edition }) =>
      Promise.resolve({
        kind: 'page',
        content: {
          title: pick('打印版', 'Print version'),
          element: <PrintPage report={edition.report} />,
        },
      }),
    ),
  );

  router.use(page(() => Promise.resolve(notFoundOutcome(lang))));
  return router;
}
