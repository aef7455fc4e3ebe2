import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import { toValidationIssues } from '@leshan/report-core';
import { chapterProgress } from '@leshan/report-core/model';
import {
  ChapterPage,
  HomePage,
  indicatorRows,
  IndicatorQuerySchema,
  PlacesPage,
  SourcePage,
} from '@leshan/report-views';
import type { Lang } from '../../ui/i18n.js';
import { labelsFor } from '../../ui/i18n.js';
import { DownloadsPage } from '../../ui/pages/downloads-page.js';
import { PrintPage } from '../../ui/pages/print-page.js';
import { TargetsPage } from '../../ui/pages/targets-island.js';
import type { ServerDeps } from '../deps.js';
import { artifactHref } from '../api/links.js';
import type { PageOutcome, PageRequest } from './page-handler.js';
import { addBrowsePages } from './browse-pages.js';
import { addMeasurePages } from './measure-pages.js';
import { messageOutcome, notFoundOutcome } from './message-outcome.js';

const ChapterParamsSchema = z.object({ n: z.coerce.number().int().min(1).max(99) });

/**
 * The pages every edition has (home, chapters, measures, targets, places, downloads, source,
 * print), for the latest edition at / and for a past one under `base` (/editions/N).
 */
export function addEditionPages(
  router: Router,
  deps: ServerDeps,
  lang: Lang,
  base: string,
  page: (h: (r: PageRequest) => Promise<PageOutcome>) => RequestHandler,
): void {
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
      const title = `${label} ${chapter.title ?? ''}`.trim();
      const stats = chapterProgress(chapter);
      return Promise.resolve({
        kind: 'page',
        content: {
          title,
          description: `${title}：${t.measuresCount(stats.measures)}，${t.targetsCount(stats.targets)}。`,
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

  addMeasurePages(router, deps, lang, page);

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
      const count = indicatorRows(edition.report).length;
      return Promise.resolve({
        kind: 'page',
        content: {
          title: pick('量化指标', 'Targets'),
          description: pick(
            `报告中的 ${count} 项量化指标，可按章、单位、比较方式和进展状态筛选。`,
            `The report's ${count} quantitative targets, by chapter, unit, comparison and status.`,
          ),
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
          description: pick(
            `报告提到的 ${edition.report.places.length} 个地点，以及与每个地点有关的举措。`,
            `The ${edition.report.places.length} places the report names, with the measures about each.`,
          ),
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
          description: pick(
            `第 ${edition.number} 版的全部数据文件（JSON、CSV 等），可自由下载。`,
            `Every data file of edition ${edition.number} (JSON, CSV …), free to download.`,
          ),
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
    '/source',
    page(({ edition }) =>
      Promise.resolve({
        kind: 'page',
        content: {
          title: pick('关于原文', 'About the source'),
          description: pick(
            '报告原文逐行对照，以及编辑对原文缺漏所作的说明。',
            'The source text line by line, with the editors’ notes on what it lacks.',
          ),
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
          description: pick(
            '“今后五年工作”全文的打印版，一页读完。',
            'The whole “next five years” text on one page, for printing.',
          ),
          element: <PrintPage report={edition.report} />,
        },
      }),
    ),
  );

  addBrowsePages(router, deps, lang, base, page);
}
