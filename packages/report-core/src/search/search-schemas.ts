import { z } from 'zod';
import { NodeIdSchema } from '../model/ids.js';
import type { ValidationResult } from '../model/validate.js';
import { validateWith } from '../model/validate.js';

export const SearchKindSchema = z
  .enum(['goal', 'ideology', 'chapter', 'section', 'measure', 'note'])
  .describe(
    'What kind of node a hit is: chapter and section hits are their titles; note hits their reasoning.',
  );
export type SearchKind = z.infer<typeof SearchKindSchema>;

export const SearchOptionsSchema = z
  .object({
    chapter: z
      .union([NodeIdSchema, z.int().min(1)])
      .optional()
      .describe(
        'Only nodes inside this chapter, by id (c86) or number (2); goals, ideology and notes drop out.',
      ),
    kind: z
      .union([SearchKindSchema, z.array(SearchKindSchema).min(1)])
      .optional()
      .describe('Only hits of this kind, or of any of these kinds.'),
    hasIndicators: z
      .boolean()
      .optional()
      .describe(
        'Only measures with (true) or without (false) quantitative indicators; other kinds drop out.',
      ),
    place: NodeIdSchema.optional().describe(
      'Only measures naming this place id (e.g. wutongqiao); other kinds drop out.',
    ),
    limit: z.int().min(1).max(1000).default(20).describe('At most this many hits.'),
    offset: z.int().min(0).default(0).describe('Skip this many ranked hits first (paging).'),
    snippetLength: z
      .int()
      .min(10)
      .max(2000)
      .default(80)
      .describe('Longest snippet, in UTF-16 code units, before the ellipses.'),
  })
  .describe('Filters and paging for search().');
export type SearchOptionsInput = z.input<typeof SearchOptionsSchema>;
export type SearchOptions = z.infer<typeof SearchOptionsSchema>;

export const HighlightSchema = z
  .object({
    start: z.int().min(0).describe('First code unit of the match in the snippet.'),
    end: z.int().min(0).describe('Code unit after the match (exclusive).'),
  })
  .describe('A matched range of a snippet.');
export type Highlight = z.infer<typeof HighlightSchema>;

export const SearchHitSchema = z
  .object({
    nodeId: NodeIdSchema.describe('The id of the node that matched.'),
    kind: SearchKindSchema,
    chapterId: NodeIdSchema.optional().describe(
      'The chapter the node is in (chapters, sections, measures).',
    ),
    chapterNumber: z.int().min(1).optional().describe('That chapter’s number.'),
    sectionId: NodeIdSchema.optional().describe('The section the node is in (sections, measures).'),
    score: z
      .number()
      .min(0)
      .describe(
        'Relevance, higher is better: how much of the query the text holds as written (1 per part), plus BM25 squashed into [0.5, 1), or into [0, 0.5) for editorial notes (they follow hits that match as well).',
      ),
    snippet: z
      .string()
      .describe('Plain text around the best match, with … where it was cut. Not HTML: escape it.'),
    highlights: z
      .array(HighlightSchema)
      .describe(
        'Matched ranges of the snippet, sorted and not overlapping; render with markSnippet().',
      ),
  })
  .describe('One ranked search result.');
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchSuggestionSchema = z
  .object({
    query: z.string().min(1).describe('A query to try instead; it finds something.'),
    reason: z
      .enum(['shorter', 'nearby'])
      .describe(
        'shorter: the query with one of its words left out; nearby: a word of the report sharing characters with the query.',
      ),
    total: z.int().min(1).describe('How many hits it finds, with the same filters.'),
  })
  .describe('A query to try when one finds nothing.');
export type SearchSuggestion = z.infer<typeof SearchSuggestionSchema>;

export const SearchPageSchema = z
  .object({
    total: z.int().min(0).describe('Hits in all, before paging.'),
    offset: z.int().min(0).describe('Hits skipped before this page.'),
    limit: z.int().min(1).describe('Most hits a page holds.'),
    hits: z.array(SearchHitSchema).describe('This page of ranked hits.'),
    suggestions: z
      .array(SearchSuggestionSchema)
      .describe(
        'Only when nothing was found: shorter queries and nearby words that find something.',
      ),
  })
  .describe('One page of ranked hits with their total: what searchPage() returns.');
export type SearchPage = z.infer<typeof SearchPageSchema>;

export const CreateSearchIndexOptionsSchema = z
  .object({
    segmenter: z
      .boolean()
      .default(true)
      .describe(
        'Use Intl.Segmenter (when the engine has it) to find whole words for a ranking boost; false builds without it.',
      ),
  })
  .describe('How createSearchIndex() builds the index.');
export type CreateSearchIndexOptions = z.input<typeof CreateSearchIndexOptionsSchema>;

/** Checks search options from outside (URL parameters, a form) and says what is wrong, in both languages. */
export function parseSearchOptions(input: unknown): ValidationResult<SearchOptions> {
  return validateWith(SearchOptionsSchema, input);
}
