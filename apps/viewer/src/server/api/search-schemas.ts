import { z } from 'zod';
import { SearchHitSchema, SearchKindSchema } from '@leshan/report-core/search';
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
    .preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(20))
    .describe('At most this many hits.'),
  offset: z
    .preprocess(blankToUndefined, z.coerce.number().int().min(0).max(10_000).default(0))
    .describe('Skip this many hits (paging).'),
});
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;

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
    hits: z.array(
      SearchHitSchema.extend({
        url: z.string().describe('The page and anchor that shows the hit.'),
      }),
    ),
  })
  .describe('Ranked search results; render snippets as text, marking the highlight ranges.');

export const SearchIndexResponseSchema = z
  .looseObject({ format: z.string(), version: z.int() })
  .describe(
    'The serialized search index (report-core serializeSearchIndex), for loadSearchIndex in a browser.',
  );
