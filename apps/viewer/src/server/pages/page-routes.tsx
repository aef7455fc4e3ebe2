import { Router } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Edition } from '../../schemas.js';
import { editionLink, isPerEditionPath, splitEditionPath } from '../../ui/context.js';
import type { Lang } from '../../ui/i18n.js';
import { EditionsPage } from '../../ui/pages/editions-page.js';
import type { ServerDeps } from '../deps.js';
import type { ViewerSource } from '../source.js';
import { canonicalPath, pathOf, queryOf } from './canonical-path.js';
import { addAboutPage } from './about-routes.js';
import { addComparePages } from './compare-routes.js';
import { addEditionPages } from './edition-pages.js';
import { messageOutcome, notFoundOutcome } from './message-outcome.js';
import type { PageOutcome, PageRequest } from './page-handler.js';
import { makePageHandler } from './page-handler.js';
import { withPageMeta } from './page-meta.js';
import { addSearchPage } from './search-routes.js';

type Page = (h: (r: PageRequest) => Promise<PageOutcome>) => RequestHandler;

/** The page handler, with each page's canonical address and kept query added (issue 12). */
function pageWith(deps: ServerDeps, lang: Lang): Page {
  const handle = makePageHandler(deps, lang);
  return (handler) =>
    handle(async (request) => withPageMeta(await handler(request), request.req, deps.siteUrl));
}

/** `?edition=N` on a page every edition has: the address of that page in edition N, or undefined. */
function editionQueryTarget(lang: Lang, canonical: string, query: string): string | undefined {
  const params = new URLSearchParams(query);
  const n = params.get('edition');
  if (n === null || !/^\d{1,9}$/.test(n)) return undefined;
  const { base, path } = splitEditionPath(canonical.replace(/^\/en(?=\/|$)/, ''));
  if (base !== '' || !isPerEditionPath(path)) return undefined;
  params.delete('edition');
  const rest = params.toString();
  return `${editionLink(lang, `/editions/${n.replace(/^0+(?=\d)/, '')}`, path)}${rest === '' ? '' : `?${rest}`}`;
}

/**
 * One URL per page: any other spelling of it answers 301 to the canonical one, query kept;
 * `?edition=N` moves to /editions/N/… (issue 12).
 */
function redirectToCanonical(lang: Lang): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const path = pathOf(req.originalUrl);
    const query = queryOf(req.originalUrl);
    const canonical = canonicalPath(path);
    const target = editionQueryTarget(lang, canonical, query) ?? `${canonical}${query}`;
    if (target === req.originalUrl) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.redirect(301, target);
  };
}

/** A source that answers `edition` as the latest, so the page handler renders a past edition. */
function pinnedSource(source: ViewerSource, edition: Edition): ViewerSource {
  return {
    latestEdition: () => Promise.resolve(edition),
    getEdition: (idOrHash) => source.getEdition(idOrHash),
    listEditions: () => source.listEditions(),
    listArtifacts: (editionId) => source.listArtifacts(editionId),
    locateArtifact: (editionId, fileName) => source.locateArtifact(editionId, fileName),
    siteSettings: () => source.siteSettings(),
    changeMark: () => source.changeMark(),
    // The shared source is closed by its owner, not by one edition's view of it.
    close: () => Promise.resolve(),
  };
}

/**
 * /editions/N/…: every page of edition N, with a banner linking to the latest and a canonical
 * address of its own. A missing N is a 404 page in the interface language.
 */
function pastEditions(deps: ServerDeps, lang: Lang, page: Page): RequestHandler {
  // Editions are immutable, so one router per edition number read is kept.
  const routers = new Map<number, Router>();
  const missing = page(() =>
    Promise.resolve(
      lang === 'en'
        ? messageOutcome(404, 'No such edition', [
            'This edition has not been published. The list of editions is at /en/editions.',
          ])
        : messageOutcome(404, '没有这个版本', ['此版本尚未发布或不存在，所有版本见 /editions。']),
    ),
  );
  return async (req, res, next) => {
    try {
      const n = String(req.params.n);
      if (!/^\d{1,9}$/.test(n)) {
        next();
        return;
      }
      let router = routers.get(Number(n));
      if (router === undefined) {
        const edition = await deps.source.getEdition(n);
        if (edition?.number !== Number(n)) {
          missing(req, res, next);
          return;
        }
        const pinned: ServerDeps = { ...deps, source: pinnedSource(deps.source, edition) };
        router = Router();
        addEditionPages(router, pinned, lang, `/editions/${n}`, pageWith(pinned, lang));
        router.use(pageWith(pinned, lang)(() => Promise.resolve(notFoundOutcome(lang))));
        routers.set(edition.number, router);
      }
      router(req, res, next);
    } catch (error) {
      next(error);
    }
  };
}

/** Every HTML page of the site in one interface language (mounted at / and at /en). */
export function createPageRouter(deps: ServerDeps, lang: Lang): Router {
  const router = Router();
  const page = pageWith(deps, lang);
  const pick = (zh: string, en: string): string => (lang === 'en' ? en : zh);

  router.use(redirectToCanonical(lang));
  addEditionPages(router, deps, lang, '', page);

  router.get(
    '/editions',
    page(async () => {
      const editions = await deps.source.listEditions();
      return {
        kind: 'page',
        cache: false,
        content: {
          title: pick('版本', 'Editions'),
          description: pick(
            `已发布的 ${editions.length} 个版本，每版可单独阅读，也可比较两版的差异。`,
            `The ${editions.length} published editions: read any of them, or compare two.`,
          ),
          element: <EditionsPage editions={editions} />,
        },
      };
    }),
  );

  addComparePages(router, deps, lang, page);
  router.use('/editions/:n', pastEditions(deps, lang, page));
  addSearchPage(router, lang, page);
  addAboutPage(router, deps, lang, page);

  router.use(page(() => Promise.resolve(notFoundOutcome(lang))));
  return router;
}
