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
  filtersView,
} from './search-schemas.js';
import { ApiError, ERROR_CODES, issuesAt } from '@leshan/http-kit';
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
      summary: 'Full-text search, one page at a time (offset, limit, total) / 搜索',
      access: 'public',
      responses: { 200: SearchResponseSchema },
      errors: [400, 404],
    })
      .query(SearchQuerySchema)
      .handle(async ({ query }) => {
        const edition = await resolveEdition(deps.source, undefined);
        const result = runSearch(edition, filtersView(query));
        // The query schema keeps offset and limit inside report-core's bounds; this is the backstop.
        if (!result.ok)
          throw new ApiError(
            400,
            ERROR_CODES.invalidInput,
            '搜索条件不符合要求，请按提示修改后重试',
            {
              issues: issuesAt(result.issues, 'query'),
            },
          );
        return {
          body: { edition: editionRef(edition), query: query.q, ...result.value },
          headers: cacheFor('latest'),
        };
      }),
  ];
}
