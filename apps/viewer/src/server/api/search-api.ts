import type { ServerDeps } from '../deps.js';
import { BodyCache } from '../http/body-cache.js';
import { serializedIndexFor, runSearch } from '../search/run-search.js';
import { cacheFor, preparedReply, resolveEdition, route } from './api-route.js';
import type { CachedJson, ViewerRoute } from './api-route.js';
import { EditionParamsSchema } from './api-schemas.js';
import { editionRef } from './edition-ref.js';
import {
  SearchIndexResponseSchema,
  SearchQuerySchema,
  SearchResponseSchema,
} from './search-schemas.js';
import type { z } from 'zod';

type SearchIndexResponse = z.output<typeof SearchIndexResponseSchema>;

/** The serialized index of any edition (for search in the browser) and GET /search of the latest. */
export function searchRoutes(deps: ServerDeps): ViewerRoute[] {
  const indexes = new BodyCache<CachedJson<SearchIndexResponse>>(50);
  return [
    route({
      method: 'get',
      path: '/editions/:edition/search-index',
      operationId: 'getSearchIndex',
      summary: 'Serialized search index for in-browser search / 搜索索引',
      access: 'public',
      responses: { 200: SearchIndexResponseSchema },
      errors: [404],
    })
      .params(EditionParamsSchema)
      .handle(async ({ params }) => {
        const edition = await resolveEdition(deps.source, params.edition);
        return preparedReply({
          cache: indexes,
          key: edition.hash,
          schema: SearchIndexResponseSchema,
          text: () => serializedIndexFor(edition),
          policy: params.edition === 'latest' ? 'latest' : 'immutable',
        });
      }),
    route({
      method: 'get',
      path: '/search',
      operationId: 'searchMeasures',
      summary: 'Full-text search of measures / 搜索',
      access: 'public',
      responses: { 200: SearchResponseSchema },
      errors: [404],
    })
      .query(SearchQuerySchema)
      .handle(async ({ query }) => {
        const edition = await resolveEdition(deps.source, undefined);
        const { total, hits } = runSearch(edition, query);
        return {
          body: { edition: editionRef(edition), query: query.q, total, hits },
          headers: cacheFor('latest'),
        };
      }),
  ];
}
