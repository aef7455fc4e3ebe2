// The rule that turns opencc-js into the search's traditional → simplified folding table.
// scripts/write-han-fold-table.ts writes its output to src/search/han-fold-table.ts, and
// src/search/han-fold.test.ts checks that the committed table is still exactly this.
import * as OpenCC from 'opencc-js/t2cn';

/** The ideograph blocks folded (CJK Unified Ideographs and Extension A, the ones report text uses). */
export const HAN_FOLD_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

const inRanges = (code: number): boolean =>
  HAN_FOLD_RANGES.some(([lo, hi]) => code >= lo && code <= hi);

/**
 * Each character opencc-js converts to another single character of the same blocks, read as
 * standard, Taiwan and Hong Kong traditional (first that changes it), one character at a time.
 * A character that is itself the simplified form of another is kept (麼 → 么, but 么 stays 么),
 * so folding is idempotent. Sorted by code point; pairs as `[from, to]`.
 */
export function hanFoldPairsFromOpenCC(): [string, string][] {
  const converters = (['t', 'tw', 'hk'] as const).map((from) =>
    OpenCC.Converter({ from, to: 'cn' }),
  );
  const raw = new Map<string, string>();
  for (const [lo, hi] of HAN_FOLD_RANGES) {
    for (let code = lo; code <= hi; code += 1) {
      const char = String.fromCharCode(code);
      for (const convert of converters) {
        const to = convert(char);
        if (to === char) continue;
        if (to.length === 1 && inRanges(to.charCodeAt(0))) raw.set(char, to);
        break;
      }
    }
  }
  const targets = new Set(raw.values());
  return [...raw].filter(([from]) => !targets.has(from));
}
