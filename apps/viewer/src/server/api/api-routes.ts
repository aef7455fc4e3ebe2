import { Router } from 'express';
import { ApiError, notFound } from '@leshan/http-kit';
import { mountRoutes, sendError } from '@leshan/http-kit/express';
import { findNode, listMeasures, scoreboard } from '@leshan/report-core';
import { formatQuantity } from '@leshan/report-core/indicators';
import { removedMeasure, RemovedMeasureSchema } from './removed-measure.js';
import type { Edition } from '../../schemas.js';
import { EditionSchema } from '../../schemas.js';
import { IndicatorQuerySchema, indicatorRows, queryIndicatorRows } from '@leshan/report-views';
import type { ServerDeps } from '../deps.js';
import { BodyCache } from '../http/body-cache.js';
import { makeBody, sendAnswer, sendBody } from '../http/respond.js';
import type { QueryKeys } from '../http/query-keys.js';
import { ArtifactContent, defaultFileGuard, sendArtifactAnswer } from '../http/send-file.js';
import { cacheFor, preparedReply, resolveEdition, route } from './api-route.js';
import type { CachedJson, ViewerRoute } from './api-route.js';
import { editionRef } from './edition-ref.js';
import {
  ApiIndexSchema,
  ArtifactListSchema,
  EditionListSchema,
  EditionParamsSchema,
  FileParamsSchema,
  IndicatorListSchema,
  MeasureParamsSchema,
  MeasureQuerySchema,
  MeasureResponseSchema,
  ScoreboardResponseSchema,
} from './api-schemas.js';
import { API_BASE, artifactHref } from './links.js';
import { viewerOpenApi } from './openapi.js';
import { searchRoutes } from './search-api.js';
import { publicIndicator, resolvedResponsibility } from './follow-up.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Every route of the read API, in the order the OpenAPI document lists them. */
export function apiRoutes(deps: ServerDeps): ViewerRoute[] {
  // Whole editions are serialized (and checked) once per content hash.
  const editions = new BodyCache<CachedJson<Edition>>(50);
  const editionReply = async (name: string | undefined) => {
    const edition = await resolveEdition(deps.source, name);
    return preparedReply({
      cache: editions,
      key: edition.hash,
      schema: EditionSchema,
      text: () => JSON.stringify(edition),
      policy: name === undefined || name === 'latest' ? 'latest' : 'immutable',
    });
  };
  return [
    route({
      method: 'get',
      path: '/',
      operationId: 'getApiIndex',
      summary: 'Where to start / 接口索引',
      access: 'public',
      responses: { 200: ApiIndexSchema },
    }).handle(() => ({
      body: {
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
      headers: cacheFor('short'),
    })),
    route({
      method: 'get',
      path: '/editions',
      operationId: 'listEditions',
      summary: 'Every published edition / 版本列表',
      access: 'public',
      responses: { 200: EditionListSchema },
    }).handle(async () => ({
      body: { editions: await deps.source.listEditions() },
      headers: cacheFor('latest'),
    })),
    route({
      method: 'get',
      path: '/editions/latest',
      operationId: 'getLatestEdition',
      summary: 'The latest edition with its report / 最新版本',
      access: 'public',
      responses: { 200: EditionSchema },
      errors: [404],
    }).handle(() => editionReply('latest')),
    route({
      method: 'get',
      path: '/editions/:edition',
      operationId: 'getEdition',
      summary: 'An edition by id, number or hash / 指定版本',
      access: 'public',
      responses: { 200: EditionSchema },
      errors: [404],
    })
      .params(EditionParamsSchema)
      .handle(({ params }) => editionReply(params.edition)),
    route({
      method: 'get',
      path: '/editions/:edition/artifacts',
      operationId: 'listArtifacts',
      summary: 'Export files of an edition / 导出文件',
      access: 'public',
      responses: { 200: ArtifactListSchema },
      errors: [404],
    })
      .params(EditionParamsSchema)
      .handle(async ({ params }) => {
        const edition = await resolveEdition(deps.source, params.edition);
        const artifacts = await deps.source.listArtifacts(edition.id);
        return {
          body: {
            edition: editionRef(edition),
            artifacts: artifacts.map((a) => ({ ...a, href: artifactHref(edition, a) })),
          },
          headers: cacheFor('latest'),
        };
      }),
    route({
      method: 'get',
      path: '/editions/:edition/files/:fileName',
      operationId: 'downloadFile',
      summary: 'Download one export file / 下载文件',
      access: 'public',
      responses: { 200: { mediaType: 'application/octet-stream', description: 'The file' } },
      errors: [404],
    })
      .params(FileParamsSchema)
      .handle(async ({ params }) => {
        const edition = await resolveEdition(deps.source, params.edition);
        const located = await deps.source.locateArtifact(edition.id, params.fileName);
        if (located === undefined) throw notFound(`文件“${params.fileName}”`);
        // Located, not opened: the sender opens the file only if the answer needs its body.
        return {
          content: new ArtifactContent(located),
          mediaType: located.meta.mediaType,
          attachment: located.meta.fileName,
          headers: { ...cacheFor('immutable'), ETag: `"${located.meta.sha256}"` },
        };
      }),
    route({
      method: 'get',
      path: '/measures/:id',
      operationId: 'getMeasure',
      summary: 'A measure by id / 举措',
      access: 'public',
      responses: { 200: MeasureResponseSchema, 308: RemovedMeasureSchema },
      errors: [404, 410],
    })
      .params(MeasureParamsSchema)
      .query(MeasureQuerySchema)
      .handle(async ({ params, query }) => {
        const edition = await resolveEdition(deps.source, query.edition);
        const found = findNode(edition.report, params.id);
        if (found?.kind !== 'measure') {
          // Issue 14: a removed id answers what happened to it, or where it went.
          const removed = await removedMeasure(deps.source, params.id);
          return {
            status: 308,
            headers: { Location: `${API_BASE}/measures/${removed.successorId}` },
            body: { removed },
          };
        }
        const { chapter, section, node } = found;
        return {
          body: {
            edition: editionRef(edition),
            chapter: { id: chapter.id, number: chapter.number, title: chapter.title },
            section: { id: section.id, title: section.title },
            measure: {
              ...node,
              indicators: node.indicators.map((i) =>
                publicIndicator(i, edition.report.meta.period),
              ),
            },
            responsibility: resolvedResponsibility(edition.report, node),
            url: `/chapters/${chapter.number}#${node.id}`,
          },
          headers: cacheFor(query.edition === undefined ? 'latest' : 'immutable'),
        };
      }),
    route({
      method: 'get',
      path: '/indicators',
      operationId: 'listIndicators',
      summary: 'Quantitative targets, flat / 量化指标',
      access: 'public',
      responses: { 200: IndicatorListSchema },
      errors: [404],
    })
      .query(IndicatorQuerySchema)
      .handle(async ({ query }) => {
        const edition = await resolveEdition(deps.source, undefined);
        const all = indicatorRows(edition.report);
        const targets = new Map(
          listMeasures(edition.report).flatMap((m) => m.indicators.map((i) => [i.id, i])),
        );
        const { period } = edition.report.meta;
        const rows = queryIndicatorRows(all, query).map((r) => {
          const published = targets.get(r.id);
          // Every row is read from this report, so the lookup always finds its target.
          if (published === undefined) throw new Error(`indicator ${r.id} is not in the edition`);
          const target = publicIndicator(published, period);
          return {
            ...r,
            display: formatQuantity(r.value, r.unit),
            observations: target.observations ?? [],
            attainment: target.attainment,
          };
        });
        return {
          body: { edition: editionRef(edition), total: all.length, indicators: rows },
          headers: cacheFor('latest'),
        };
      }),
    route({
      method: 'get',
      path: '/scoreboard',
      operationId: 'getScoreboard',
      summary: 'Measures by status, targets by verdict, latest updates / 进展总览',
      access: 'public',
      responses: { 200: ScoreboardResponseSchema },
      errors: [404],
    }).handle(async () => {
      const edition = await resolveEdition(deps.source, undefined);
      return {
        body: { edition: editionRef(edition), scoreboard: scoreboard(edition.report) },
        headers: cacheFor('latest'),
      };
    }),
    ...searchRoutes(deps),
  ];
}

/** The public read API under /api/v1. `.json` at the end of a path is optional (static hosts need it). */
export function createApiRouter(deps: ServerDeps, queries?: QueryKeys): Router {
  const router = Router();
  const routes = apiRoutes(deps);
  // Cached answers are keyed by the query parameters each route reads, not by the whole URL.
  for (const r of routes) if (r.method === 'get') queries?.declare(`${API_BASE}${r.path}`, r.query);
  const openapi = makeBody(JSON.stringify(viewerOpenApi(routes)), JSON_TYPE);

  // Paths may end in .json (the static build writes files so); file downloads keep their names.
  router.use((req, _res, next) => {
    if (!req.path.includes('/files/')) req.url = req.url.replace(/\.json(?=$|\?)/, '');
    next();
  });
  router.get('/openapi', (req, res) => sendBody(req, res, openapi, 'short'));
  const files =
    deps.files ??
    defaultFileGuard((artifact, reason) =>
      deps.source.requestRegeneration === undefined
        ? Promise.resolve()
        : deps.source.requestRegeneration(artifact, reason),
    );
  mountRoutes(router, routes, {
    context: () => ({}),
    send: (req, res, answer) => {
      if (answer.kind === 'media' && answer.content instanceof ArtifactContent)
        sendArtifactAnswer(req, res, answer.content, files);
      else sendAnswer(req, res, answer);
    },
  });
  router.use((req, res) =>
    sendError(
      res,
      new ApiError(404, 'not-found', '接口地址不存在', {
        issues: [{ path: 'path', message: `没有 ${req.method} ${API_BASE}${req.path} 这个接口` }],
      }),
    ),
  );
  return router;
}
