import { z } from 'zod';
import { IndexedPlaceSchema } from './index-places.js';
import { SearchDocSchema } from './search-doc.js';
import { SEARCH_INDEX_VERSION } from './search-index.js';

/** The `format` a serialised search index carries, so loadSearchIndex can tell one from other JSON. */
export const SEARCH_INDEX_FORMAT = 'leshan-report-search-index';

/** Read first, so a file of another kind or version gets one clear message instead of a list of shape errors. */
export const SearchIndexHeaderSchema = z.looseObject({
  format: z.literal(SEARCH_INDEX_FORMAT, {
    error: '不是乐山报告搜索索引文件 (not a Leshan report search index)',
  }),
  version: z.number({ error: '搜索索引缺少版本号 (the search index has no version number)' }),
});

// Postings are delta-encoded to keep the JSON small: the first document number, then the gap to
// each next one (≥ 1), interleaved with term frequencies for postings ([doc, tf, gap, tf, …]).
// One check per list rather than one zod call per number: a 1000-fold corpus holds millions.
const DeltaListSchema = z.custom<number[]>(
  (value) =>
    Array.isArray(value) && value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0),
  { error: '倒排表必须是非负整数数组 (a postings list must be an array of non-negative integers)' },
);

export const SerializedSearchIndexSchema = z
  .object({
    format: z.literal(SEARCH_INDEX_FORMAT),
    version: z.literal(SEARCH_INDEX_VERSION),
    segmented: z.boolean().describe('Whether Intl.Segmenter found the whole words at build time.'),
    docs: z.array(SearchDocSchema).describe('Searchable texts in document order.'),
    lengths: z.array(z.int().min(0)).describe('Scored terms per document.'),
    postings: z
      .record(z.string().min(1), DeltaListSchema)
      .describe('Term → [docGap, tf, docGap, tf, …].'),
    words: z
      .record(z.string().min(1), DeltaListSchema)
      .describe('Whole word → [docGap, docGap, …].'),
    places: z
      .array(IndexedPlaceSchema)
      .describe('The gazetteer: a place’s name or alias finds the documents tagged with it.'),
  })
  .superRefine((value, ctx) => {
    const n = value.docs.length;
    if (value.lengths.length !== n) {
      ctx.addIssue({
        code: 'custom',
        path: ['lengths'],
        message: '文档长度的个数与文档数不符 (lengths must have one entry per document)',
      });
    }
    const check = (
      path: 'postings' | 'words',
      key: string,
      list: readonly number[],
      stride: number,
    ): void => {
      let doc = 0;
      for (let i = 0; i < list.length; i += stride) {
        doc += list[i] ?? 0;
        const tf = stride === 2 ? list[i + 1] : 1;
        if (doc >= n || (i > 0 && list[i] === 0) || tf === undefined || tf < 1) {
          ctx.addIssue({
            code: 'custom',
            path: [path, key],
            message:
              '倒排表损坏：文档编号越界、未递增或词频无效 (corrupt postings: document out of range, not ascending, or bad frequency)',
          });
          return;
        }
      }
      if (list.length % stride !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: [path, key],
          message: '倒排表长度无效 (postings list has an odd length)',
        });
      }
    };
    for (const [key, list] of Object.entries(value.postings)) check('postings', key, list, 2);
    for (const [key, list] of Object.entries(value.words)) check('words', key, list, 1);
  })
  .describe(
    'A search index as JSON: serializeSearchIndex() writes it, loadSearchIndex() reads it.',
  );
export type SerializedSearchIndex = z.infer<typeof SerializedSearchIndexSchema>;
