import type { Router } from 'express';
import type { ServerDeps } from '../deps.js';
import type { BodyCache } from '../http/body-cache.js';
import { makeBody, sendBody, sendJson } from '../http/respond.js';
import { serializedIndexFor, runSearch } from '../search/run-search.js';
import { apiRoute, parseInput, resolveEdition } from './api-handler.js';
import { EditionParamsSchema } from './api-schemas.js';
import { editionRef } from './edition-ref.js';
import { SearchQuerySchema } from './search-schemas.js';

/** GET /search (ranked hits of the latest edition) and the serialized index of any edition. */
export function addSearchRoutes(router: Router, deps: ServerDeps, cache: BodyCache): void {
  router.get(
    '/search',
    apiRoute(async (req, res) => {
      const filters = parseInput(SearchQuerySchema, req.query, 'query');
      const edition = await resolveEdition(deps.source, undefined);
      const { total, hits } = runSearch(edition, filters);
      sendJson(req, res, { edition: editionRef(edition), query: filters.q, total, hits }, 'latest');
    }),
  );

  router.get(
    '/editions/:edition/search-index',
    apiRoute(async (req, res) => {
      const { edition: name } = parseInput(EditionParamsSchema, req.params, 'params');
      const edition = await resolveEdition(deps.source, name);
      const body = await cache.get(`search-index|${edition.hash}`, () =>
        Promise.resolve(makeBody(serializedIndexFor(edition), 'application/json; charset=utf-8')),
      );
      sendBody(req, res, body, name === 'latest' ? 'latest' : 'immutable');
    }),
  );
}
