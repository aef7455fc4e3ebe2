import { Readable } from 'node:stream';
import { Router } from 'express';
import { findNode } from '@leshan/report-core';
import { formatQuantity } from '@leshan/report-core/indicators';
import { IndicatorQuerySchema } from '../../view/indicator-query.js';
import { queryIndicatorRows } from '../../view/indicator-filter.js';
import { indicatorRows } from '../../view/indicator-rows.js';
import type { ServerDeps } from '../deps.js';
import { BodyCache } from '../http/body-cache.js';
import { makeBody, matchesIfNoneMatch, sendBody, sendJson } from '../http/respond.js';
import { apiRoute, notFound, parseInput, resolveEdition } from './api-handler.js';
import { editionRef } from './edition-ref.js';
import {
  EditionParamsSchema,
  FileParamsSchema,
  MeasureParamsSchema,
  MeasureQuerySchema,
} from './api-schemas.js';
import { API_BASE, artifactHref } from './links.js';
import { buildOpenApi } from './openapi.js';
import { addSearchRoutes } from './search-api.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The public read API under /api/v1. `.json` at the end of a path is optional (static hosts need it). */
export function createApiRouter(deps: ServerDeps): Router {
  const router = Router();
  const cache = deps.cache ?? new BodyCache();
  const openapi = makeBody(JSON.stringify(buildOpenApi()), JSON_TYPE);

  // Paths may end in .json (the static build writes files so); file downloads keep their names.
  router.use((req, _res, next) => {
    if (!req.path.includes('/files/')) req.url = req.url.replace(/\.json(?=$|\?)/, '');
    next();
  });

  router.get(
    '/',
    apiRoute((req, res) => {
      sendJson(
        req,
        res,
        {
          name: 'Leshan report public API',
          version: 'v1',
          openapi: `${API_BASE}/openapi.json`,
          links: {
            latest: `${API_BASE}/editions/latest.json`,
            editions: `${API_BASE}/editions.json`,
            indicators: `${API_BASE}/indicators.json`,
            search: `${API_BASE}/search.json?q=光伏`,
          },
        },
        'short',
      );
      return Promise.resolve();
    }),
  );

  router.get('/openapi', (req, res) => sendBody(req, res, openapi, 'short'));

  router.get(
    '/editions',
    apiRoute(async (req, res) => {
      sendJson(req, res, { editions: await deps.source.listEditions() }, 'latest');
    }),
  );

  router.get(
    '/editions/:edition',
    apiRoute(async (req, res) => {
      const { edition: name } = parseInput(EditionParamsSchema, req.params, 'params');
      const edition = await resolveEdition(deps.source, name);
      const body = await cache.get(`api-edition|${edition.hash}`, () =>
        Promise.resolve(makeBody(JSON.stringify(edition), JSON_TYPE)),
      );
      sendBody(req, res, body, name === 'latest' ? 'latest' : 'immutable');
    }),
  );

  router.get(
    '/editions/:edition/artifacts',
    apiRoute(async (req, res) => {
      const { edition: name } = parseInput(EditionParamsSchema, req.params, 'params');
      const edition = await resolveEdition(deps.source, name);
      const artifacts = await deps.source.listArtifacts(edition.id);
      sendJson(
        req,
        res,
        {
          edition: editionRef(edition),
          artifacts: artifacts.map((a) => ({ ...a, href: artifactHref(edition, a) })),
        },
        'latest',
      );
    }),
  );

  router.get(
    '/editions/:edition/files/:fileName',
    apiRoute(async (req, res) => {
      const { edition: name, fileName } = parseInput(FileParamsSchema, req.params, 'params');
      const edition = await resolveEdition(deps.source, name);
      const meta = (await deps.source.listArtifacts(edition.id)).find(
        (a) => a.fileName === fileName,
      );
      const opened = meta === undefined ? undefined : await deps.source.openArtifact(meta.id);
      if (opened === undefined) throw notFound(`文件“${fileName}”`);
      const etag = `"${opened.meta.sha256}"`;
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      if (matchesIfNoneMatch(req.get('if-none-match'), etag)) {
        res.status(304).end();
        return;
      }
      res.attachment(opened.meta.fileName);
      res.setHeader('Content-Type', opened.meta.mediaType);
      res.setHeader('Content-Length', String(opened.meta.size));
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream =
        opened.body instanceof Readable ? opened.body : Readable.from([Buffer.from(opened.body)]);
      stream.pipe(res);
    }),
  );

  router.get(
    '/measures/:id',
    apiRoute(async (req, res) => {
      const { id } = parseInput(MeasureParamsSchema, req.params, 'params');
      const query = parseInput(MeasureQuerySchema, req.query, 'query');
      const edition = await resolveEdition(deps.source, query.edition);
      const found = findNode(edition.report, id);
      if (found?.kind !== 'measure') throw notFound(`举措“${id}”`);
      const { chapter, section, node } = found;
      sendJson(
        req,
        res,
        {
          edition: editionRef(edition),
          chapter: { id: chapter.id, number: chapter.number, title: chapter.title },
          section: { id: section.id, title: section.title },
          measure: node,
          url: `/chapters/${chapter.number}#${node.id}`,
        },
        query.edition === undefined ? 'latest' : 'immutable',
      );
    }),
  );

  router.get(
    '/indicators',
    apiRoute(async (req, res) => {
      const query = parseInput(IndicatorQuerySchema, req.query, 'query');
      const edition = await resolveEdition(deps.source, undefined);
      const all = indicatorRows(edition.report);
      const rows = queryIndicatorRows(all, query).map((r) => ({
        ...r,
        display: formatQuantity(r.value, r.unit),
      }));
      sendJson(
        req,
        res,
        { edition: editionRef(edition), total: all.length, indicators: rows },
        'latest',
      );
    }),
  );

  addSearchRoutes(router, deps, cache);

  router.use((req, res) =>
    sendJson(
      req,
      res,
      {
        error: '接口地址不存在',
        issues: [{ path: 'path', message: `没有 ${req.method} ${API_BASE}${req.path} 这个接口` }],
      },
      'none',
      404,
    ),
  );
  return router;
}
