import { Router } from 'express';
import type { ServerDeps } from '../deps.js';
import { BodyCache } from '../http/body-cache.js';
import { makeBody, sendBody } from '../http/respond.js';
import { escapeHtml } from '../../ui/document.js';
import { FAVICON_SVG, OG_IMAGE, faviconIco, ogImagePng } from './favicon.js';
import { sitemapPaths } from './site-pages.js';

/** The public origin without a trailing slash: from the settings, never from the Host header. */
export function siteOrigin(siteUrl: string): string {
  return siteUrl.replace(/\/+$/, '');
}

/** sitemap.xml of an edition: its pages in both languages, last modified when it was published. */
export function renderSitemap(
  siteUrl: string,
  edition: { report: Parameters<typeof sitemapPaths>[0]; publishedAt: string },
): string {
  const lastmod = edition.publishedAt.slice(0, 10);
  const urls = sitemapPaths(edition.report).map(
    (p) =>
      `<url><loc>${escapeHtml(`${siteOrigin(siteUrl)}${p}`)}</loc><lastmod>${lastmod}</lastmod></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** /robots.txt naming the sitemap, /sitemap.xml, /favicon.svg, /favicon.ico and /og-image.png (issue 12). */
export function createSiteFileRouter(deps: ServerDeps): Router {
  const router = Router();
  const cache = deps.cache ?? new BodyCache();
  const robots = makeBody(
    `User-agent: *\nAllow: /\nSitemap: ${siteOrigin(deps.siteUrl)}/sitemap.xml\n`,
    'text/plain; charset=utf-8',
  );
  const svg = makeBody(FAVICON_SVG, 'image/svg+xml');
  const ico = makeBody(faviconIco(), 'image/x-icon');
  router.get('/robots.txt', (req, res) => sendBody(req, res, robots, 'short'));
  router.get('/favicon.svg', (req, res) => sendBody(req, res, svg, 'short'));
  router.get('/favicon.ico', (req, res) => sendBody(req, res, ico, 'short'));
  // Drawn on first request (a few hundred ms), then kept.
  let card: ReturnType<typeof makeBody> | undefined;
  router.get(OG_IMAGE.path, (req, res) => {
    card ??= makeBody(ogImagePng(), 'image/png');
    sendBody(req, res, card, 'short');
  });
  router.get('/sitemap.xml', async (req, res, next) => {
    try {
      const edition = await deps.source.latestEdition();
      if (edition === undefined) {
        sendBody(
          req,
          res,
          makeBody('尚未发布任何版本。\n', 'text/plain; charset=utf-8'),
          'none',
          503,
        );
        return;
      }
      const body = await cache.get(`sitemap|${edition.hash}`, () =>
        Promise.resolve(
          makeBody(renderSitemap(deps.siteUrl, edition), 'application/xml; charset=utf-8'),
        ),
      );
      sendBody(req, res, body, 'latest');
    } catch (error) {
      next(error);
    }
  });
  return router;
}
