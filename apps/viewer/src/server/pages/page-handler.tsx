import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from '@leshan/http-kit';
import type { Edition } from '../../schemas.js';
import { summarizeEdition } from '../../schemas.js';
import type { Lang } from '../../ui/i18n.js';
import { labelsFor } from '../../ui/i18n.js';
import { MessagePage } from '../../ui/pages/message-page.js';
import type { ServerDeps } from '../deps.js';
import { BodyCache } from '../http/body-cache.js';
import { NO_CLIENT_ASSETS } from '../http/client-assets.js';
import { makeBody, sendBody } from '../http/respond.js';
import type { PageContent } from './render-page.js';
import { renderPage } from './render-page.js';

export type PageOutcome =
  | { kind: 'page'; content: PageContent; status?: number; cache?: boolean }
  | { kind: 'redirect'; location: string; status?: 301 | 302 | 303 | 308 };

export interface PageRequest {
  req: Request;
  edition: Edition;
  lang: Lang;
}

const HTML = 'text/html; charset=utf-8';

/** The path as the page components see it: without the /en prefix and without the query. */
function pagePath(req: Request): string {
  const path = req.originalUrl.split('?')[0] ?? '/';
  const bare = path.replace(/^\/en(?=\/|$)/, '');
  return bare === '' ? '/' : bare;
}

/**
 * Wraps a page: reads the latest edition on every request (so a new edition shows without a
 * restart), renders once per edition hash and URL, and answers with ETag and Cache-Control.
 */
export function makePageHandler(deps: ServerDeps, lang: Lang) {
  const cache = deps.cache ?? new BodyCache();
  const assets = deps.assets ?? NO_CLIENT_ASSETS;
  const t = labelsFor(lang);

  return (handler: (request: PageRequest) => Promise<PageOutcome>): RequestHandler =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      try {
        const edition = await deps.source.latestEdition();
        const path = pagePath(req);
        if (edition === undefined) {
          const html = renderPage(
            { lang, siteUrl: deps.siteUrl, path, edition: undefined, assets },
            {
              title: t.siteName,
              element: (
                <MessagePage
                  title={lang === 'en' ? 'Nothing published yet' : '尚未发布'}
                  lines={[
                    lang === 'en'
                      ? 'The report has not been published yet. Please come back later.'
                      : '报告尚未发布，请稍后再来。',
                  ]}
                />
              ),
            },
          );
          sendBody(req, res, makeBody(html, HTML), 'none', 503);
          return;
        }
        const outcome = await handler({ req, edition, lang });
        if (outcome.kind === 'redirect') {
          res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
          res.redirect(outcome.status ?? 302, outcome.location);
          return;
        }
        const render = (): Promise<ReturnType<typeof makeBody>> =>
          Promise.resolve(
            makeBody(
              renderPage(
                { lang, siteUrl: deps.siteUrl, path, edition: summarizeEdition(edition), assets },
                outcome.content,
              ),
              HTML,
            ),
          );
        const status = outcome.status ?? 200;
        const body =
          outcome.cache === false || status !== 200
            ? await render()
            : await cache.get(
                `page|${edition.hash}|${lang}|${deps.queries?.keyOf(req.originalUrl) ?? req.originalUrl}`,
                render,
              );
        sendBody(req, res, body, status === 200 ? 'latest' : 'none', status);
      } catch (error) {
        // An edition refused by its content hash (503): a page that says so, never its content.
        if (!(error instanceof ApiError) || error.status !== 503 || res.headersSent) {
          next(error);
          return;
        }
        process.stderr.write(`viewer: ${req.method} ${req.originalUrl}: ${error.message}\n`);
        const html = renderPage(
          { lang, siteUrl: deps.siteUrl, path: pagePath(req), edition: undefined, assets },
          {
            title: t.siteName,
            element: (
              <MessagePage
                title={lang === 'en' ? 'Temporarily unavailable' : '暂时无法提供'}
                lines={[error.message]}
              />
            ),
          },
        );
        sendBody(req, res, makeBody(html, HTML), 'none', 503);
      }
    };
}
