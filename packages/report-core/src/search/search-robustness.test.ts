import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { createSearchIndex } from './create-search-index.js';
import { markSnippet, plainText } from './mark-snippet.js';
import { search } from './search.js';
import { SearchHitSchema } from './search-schemas.js';

const index = createSearchIndex(canonicalReport);
const corpusChars = [
  ...new Set(
    canonicalReport.chapters.flatMap((c) =>
      c.sections.flatMap((s) => s.measures.flatMap((m) => [...m.text])),
    ),
  ),
];

// Characters people and attackers type: the report's own (so queries hit), any code point, any
// UTF-16 unit (lone surrogates), controls, whitespace, regex metacharacters and full-width forms.
const queryChar = fc.oneof(
  fc.constantFrom(...corpusChars),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  fc.constantFrom('\u0000', '\u0007', '\u001b', '\u200b', '\u3000', ' ', '\n', '\t'),
  fc.constantFrom(...'.*+?^${}()|[]\\/'),
  fc.constantFrom('Ａ', '５', 'Ｇ', 'ﬁ', 'İ', 'ß', 'e\u0301', '𠀀'),
);
const query = fc.string({ unit: queryChar, maxLength: 40 });
const options = fc.record(
  {
    chapter: fc.oneof(
      fc.integer({ min: -2, max: 10 }),
      fc.constantFrom('c86', 'c-6', 'Bad Id', ''),
    ),
    kind: fc.constantFrom('measure', 'note', 'chapter', 'nonsense'),
    hasIndicators: fc.boolean(),
    place: fc.constantFrom('wutongqiao', 'nowhere'),
    limit: fc.integer({ min: -1, max: 50 }),
    offset: fc.integer({ min: -1, max: 50 }),
  },
  { requiredKeys: [] },
);

describe('search robustness', () => {
  it('never throws, and every hit is well formed with highlights inside its snippet', () => {
    fc.assert(
      fc.property(query, options, (q, opts) => {
        for (const hit of search(index, q, opts as never)) {
          expect(SearchHitSchema.safeParse(hit).success).toBe(true);
          for (const h of hit.highlights)
            expect(h.start < h.end && h.end <= hit.snippet.length).toBe(true);
          expect(markSnippet(hit, '', '', plainText)).toBe(hit.snippet);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds every part of a query made of words cut from a measure, in that measure', () => {
    const texts = canonicalReport.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        (m, at, length) => {
          const chars = [...m.text];
          const start = at % chars.length;
          const part = chars.slice(start, start + length).join('');
          const hits = search(index, part, { limit: 1000 });
          // Only substrings with a term (not bare punctuation, not part of a letter/digit run) promise a hit.
          const alnum = /^[0-9A-Za-z]$/u;
          const cutsRunAtStart =
            alnum.test(chars[start] ?? '') && alnum.test(chars[start - 1] ?? '');
          const cutsRunAtEnd =
            alnum.test(chars[start + length - 1] ?? '') && alnum.test(chars[start + length] ?? '');
          if (!/[\p{L}\p{N}]/u.test(part) || cutsRunAtStart || cutsRunAtEnd) return;
          expect(hits.map((h) => h.nodeId)).toContain(m.id);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers a 1 MB query of report text, symbols and lone surrogates within seconds', () => {
    const unit = '光伏产业\ud800.*+?(210)\u0000５Ｇ\u3000';
    const huge = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const started = performance.now();
    // No text holds a part whole, so each is cut into words: 光伏产业 leads to m94.
    expect(search(index, huge)[0]?.nodeId).toBe('m94');
    expect(search(index, '光'.repeat(1_000_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('answers a 1 MB query that matches, with the long part phrase-checked without blowing up', () => {
    const hits = search(index, `光伏 ${'产业 '.repeat(300_000)}`);
    expect(hits[0]?.nodeId).toBe('m94');
  });
});
