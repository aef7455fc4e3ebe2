import { z } from 'zod';
import {
  SearchHitSchema,
  SearchKindSchema,
  SearchSuggestionSchema,
} from '@leshan/report-core/search';
import type { SearchFiltersView } from '../../ui/islands/search-types.js';
import { SEARCH_PAGE_SIZE } from '../../ui/islands/search-types.js';
import { EditionRefSchema } from './api-schemas.js';

const blankToUndefined = (v: unknown): unknown => (v === '' ? undefined : v);

/** The search filters of the page and the API; `q` may be empty on the page (an empty form). */
export const SearchFiltersSchema = z.object({
  q: z
    .preprocess(
      (v) => (v === undefined ? '' : v),
      z.string().trim().max(100, { error: '搜索词不能超过 100 个字 (at most 100 characters)' }),
    )
    .describe('Search words; spaces separate words that must all match.'),
  chapter: z
    .preprocess(blankToUndefined, z.coerce.number().int().min(1).max(99).optional())
    .describe('Only this chapter (number).'),
  kind: z
    .preprocess(blankToUndefined, SearchKindSchema.optional())
    .describe('Only hits of this kind.'),
  place: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[a-z0-9-]{1,64}$/, {
          error:
            '地点编号只能包含小写字母、数字和连字符 (a place id is lower-case letters, digits and hyphens)',
        })
        .optional(),
    )
    .describe('Only measures naming this place id.'),
  targets: z
    .preprocess(blankToUndefined, z.enum(['yes', 'no']).optional())
    .describe('yes: only measures with quantitative targets; no: only without.'),
  limit: z
    .preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .int()
        .min(1, { error: '每页至少 1 条 (limit is at least 1)' })
        .max(100, { error: '每页最多 100 条 (limit is at most 100)' })
        .default(SEARCH_PAGE_SIZE),
    )
    .describe('At most this many hits (one page).'),
  offset: z
    .preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .int()
        .min(0, { error: '起始位置不能为负数 (offset is at least 0)' })
        .max(10_000, { error: '起始位置最多为 10000 (offset is at most 10000)' })
        .default(0),
    )
    .describe('Skip this many ranked hits first (paging): the next page is offset + limit.'),
});
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;

/** The checked filters as the page and the search island carry them (defaults left out). */
export function filtersView(filters: SearchFilters): SearchFiltersView {
  return {
    q: filters.q,
    ...(filters.chapter === undefined ? {} : { chapter: filters.chapter }),
    ...(filters.kind === undefined ? {} : { kind: filters.kind }),
    ...(filters.place === undefined ? {} : { place: filters.place }),
    ...(filters.targets === undefined ? {} : { targets: filters.targets }),
    ...(filters.offset === 0 ? {} : { offset: filters.offset }),
    ...(filters.limit === SEARCH_PAGE_SIZE ? {} : { limit: filters.limit }),
  };
}

/** The API requires words to search for. */
export const SearchQuerySchema = SearchFiltersSchema.extend({
  q: z
    .string({ error: '请输入搜索词 (q is required)' })
    .trim()
    .min(1, { error: '请输入搜索词 (q is required)' })
    .max(100, { error: '搜索词不能超过 100 个字 (at most 100 characters)' })
    .describe('Search words; spaces separate words that must all match.'),
});

export const SearchResponseSchema = z
  .object({
    edition: EditionRefSchema,
    query: z.string(),
    total: z.int().min(0).describe('Hits before paging.'),
    offset: z.int().min(0).describe('Hits skipped before this page.'),
    limit: z
      .int()
      .min(1)
      .describe('Most hits a page holds; the next page starts at offset + limit.'),
    hits: z.array(
      SearchHitSchema.extend({
        url: z.string().describe('The page and anchor that shows the hit.'),
      }),
    ),
    suggestions: z
      .array(SearchSuggestionSchema)
      .describe(
        'Only when nothing was found: shorter queries and nearby words that find something.',
      ),
  })
  .describe('Ranked search results; render snippets as text, marking the highlight ranges.');

export const SearchIndexResponseSchema = z
  .looseObject({ format: z.string(), version: z.int() })
  .describe(
    'The serialized search index (report-core serializeSearchIndex), for loadSearchIndex in a browser.',
  );
