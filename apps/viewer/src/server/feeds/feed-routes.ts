import { Router } from 'express';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { BodyCache } from '../http/body-cache.js';
import { ApiError, invalidInput, notFound } from '@leshan/http-kit';
import { sendError } from '@leshan/http-kit/express';
import { makeBody, sendBody } from '../http/respond.js';
import { renderAtom } from './atom.js';
import { measureEntries, progressEntries } from './progress-entries.js';
import { findNode } from '@leshan/report-core';
import { chapterLabel, displayTitle, quoteStart } from '@leshan/report-core/labels';

const ATOM = 'application/atom+xml; charset=utf-8';
const CHAPTER_NUMBER = { error: '章节编号应为 1 到 99 的整数' };
const ChapterParamsSchema = z.object({
  n: z.coerce
    .number(CHAPTER_NUMBER)
    .int(CHAPTER_NUMBER)
    .min(1, CHAPTER_NUMBER)
    .max(99, CHAPTER_NUMBER),
});

const MeasureParamsSchema = z.object({
  id: z
    .string()
    .max(100, { error: '举措编号过长' })
    .regex(/^[a-z0-9-]+$/u, { error: '举措编号只能含小写字母、数字和连字符' }),
});

/** Atom feeds: published editions, progress updates of the whole report, of one chapter, of one measure. */
export function createFeedRouter(deps: ServerDeps): Router {
  const router = Router();
  const cache = deps.cache ?? new BodyCache();
  const site = deps.siteUrl.replace(/\/$/, '');

  router.get('/editions.atom', async (req, res, next) => {
    try {
      const editions = await deps.source.listEditions();
      const xml = renderAtom({
        id: `${site}/feeds/editions.atom`,
        title: '乐山今后五年工作 · 版本发布',
        subtitle: '每次发布新版本时更新。',
        selfLink: `${site}/feeds/editions.atom`,
        alternateLink: `${site}/editions`,
        updated: editions[0]?.publishedAt ?? '1970-01-01T00:00:00Z',
        author: '乐山市人民政府',
        entries: editions.map((e) => ({
          id: `${site}/editions#edition-${e.number}`,
          title: `第 ${e.number} 版`,
          updated: e.publishedAt,
          link: `${site}/editions#edition-${e.number}`,
          summary: e.changeSummary,
          content: `${e.changeSummary}\n内容指纹（SHA-256）：${e.hash}`,
        })),
      });
      sendBody(req, res, makeBody(xml, ATOM), 'latest');
    } catch (error) {
      next(error);
    }
  });

  const progressFeed =
    (chapterNumber?: number) =>
    async (req: Request, res: Response): Promise<void> => {
      const edition = await deps.source.latestEdition();
      if (edition === undefined)
        return sendError(res, new ApiError(404, 'no-edition', '尚未发布任何版本'));
      const chapter =
        chapterNumber === undefined
          ? undefined
          : edition.report.chapters.find((c) => c.number === chapterNumber);
      if (chapterNumber !== undefined && chapter === undefined)
        return sendError(res, notFound(`第 ${chapterNumber} 章`));
      const path =
        chapter === undefined
          ? '/feeds/progress.atom'
          : `/feeds/chapters/${chapter.number}/progress.atom`;
      const body = await cache.get(`feed|${edition.hash}|${path}`, () => {
        const entries = progressEntries(edition.report, site, chapterNumber);
        return Promise.resolve(
          makeBody(
            renderAtom({
              id: `${site}${path}`,
              title:
                chapter === undefined
                  ? '乐山今后五年工作 · 进展'
                  : `乐山今后五年工作 · ${chapterLabel(chapter.number).zh}进展`,
              subtitle:
                chapter === undefined
                  ? '各项举措的进展记录。'
                  : `${displayTitle(chapter.title)}：各项举措的进展记录。`,
              selfLink: `${site}${path}`,
              alternateLink:
                chapter === undefined ? `${site}/` : `${site}/chapters/${chapter.number}`,
              updated: entries[0]?.updated ?? edition.publishedAt,
              author: '乐山市人民政府',
              entries,
            }),
            ATOM,
          ),
        );
      });
      sendBody(req, res, body, 'latest');
    };

  router.get('/progress.atom', (req, res, next) => {
    progressFeed()(req, res).catch(next);
  });
  router.get('/chapters/:n/progress.atom', (req, res, next) => {
    const params = ChapterParamsSchema.safeParse(req.params);
    if (!params.success) {
      sendError(res, invalidInput('params', params.error));
      return;
    }
    progressFeed(params.data.n)(req, res).catch(next);
  });
  // Issue 19: one measure's updates and observed values.
  router.get('/measures/:id/progress.atom', (req, res, next) => {
    (async () => {
      const params = MeasureParamsSchema.safeParse(req.params);
      if (!params.success) return sendError(res, invalidInput('params', params.error));
      const edition = await deps.source.latestEdition();
      if (edition === undefined)
        return sendError(res, new ApiError(404, 'no-edition', '尚未发布任何版本'));
      const id = params.data.id;
      const found = findNode(edition.report, id);
      if (found?.kind !== 'measure') return sendError(res, notFound(`举措 ${id}`));
      const path = `/feeds/measures/${id}/progress.atom`;
      const body = await cache.get(`feed|${edition.hash}|${path}`, () => {
        const entries = measureEntries(edition.report, site, id) ?? [];
        return Promise.resolve(
          makeBody(
            renderAtom({
              id: `${site}${path}`,
              title: `乐山今后五年工作 · ${quoteStart(found.node.text, 20)}进展`,
              subtitle: `${chapterLabel(found.chapter.number).zh}：这项举措的进展记录和各项指标的实际值。`,
              selfLink: `${site}${path}`,
              alternateLink: `${site}/measures/${id}`,
              updated: entries[0]?.updated ?? edition.publishedAt,
              author: '乐山市人民政府',
              entries,
            }),
            ATOM,
          ),
        );
      });
      sendBody(req, res, body, 'latest');
    })().catch(next);
  });
  router.use((_req, res) => sendError(res, new ApiError(404, 'not-found', '订阅地址不存在')));
  return router;
}
