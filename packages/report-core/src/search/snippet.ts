import { normalizeForSearch } from './normalize-text.js';
import type { ResolvedPart } from './resolve-query.js';
import type { Highlight } from './search-schemas.js';
import { indexOfWhole } from './tokenize.js';

/** What to mark for one word of a query: any of its needles as written, else its terms. */
export interface SnippetWord {
  needles: readonly string[];
  terms: readonly string[];
}

/** The words of resolved query parts, one group each (a split part gives one per word). */
export function snippetWords(parts: readonly ResolvedPart[]): SnippetWord[] {
  return parts.flatMap((p) => p.words.map((w) => ({ needles: w.needles, terms: w.terms })));
}

interface Match {
  start: number;
  end: number;
  part: number;
}

// Bounds keep a pathological document or query from making snippets quadratic.
const MAX_MATCHES_PER_NEEDLE = 64;
const MAX_MATCHES = 512;
const ELLIPSIS = '…';

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Where each word occurs in the original text: as written if it does, else its terms one by one. */
function findMatches(text: string, parts: readonly SnippetWord[]): Match[] {
  const norm = normalizeForSearch(text);
  const matches: Match[] = [];
  const push = (needle: string, part: number): number => {
    let found = 0;
    for (
      let at = indexOfWhole(norm.text, needle);
      at >= 0 && found < MAX_MATCHES_PER_NEEDLE;
      at = indexOfWhole(norm.text, needle, at + 1)
    ) {
      const start = norm.starts[at];
      const end = norm.ends[at + needle.length - 1];
      if (start !== undefined && end !== undefined) matches.push({ start, end, part });
      found += 1;
    }
    return found;
  };
  parts.forEach((p, part) => {
    if (matches.length >= MAX_MATCHES) return;
    let found = 0;
    for (const needle of p.needles) found += push(needle, part);
    if (found === 0) for (const term of p.terms) push(term, part);
  });
  return matches.slice(0, MAX_MATCHES).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The window start that shows matches of the most distinct parts, earliest on ties. */
function bestWindowStart(textLength: number, matches: readonly Match[], length: number): number {
  let best = 0;
  let bestCount = -1;
  for (const anchor of matches) {
    const start = Math.min(Math.max(0, anchor.start - Math.floor(length / 4)), textLength - length);
    const shown = new Set<number>();
    for (const m of matches) if (m.start >= start && m.end <= start + length) shown.add(m.part);
    if (shown.size > bestCount) {
      best = start;
      bestCount = shown.size;
    }
  }
  return best;
}

function mergeRanges(ranges: Highlight[]): Highlight[] {
  const merged: Highlight[] = [];
  for (const range of ranges.sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else if (range.end > range.start) merged.push({ ...range });
  }
  return merged;
}

/** A plain-text excerpt of at most `length` code units (plus ellipses) around the best match, with the matches as ranges. */
export function makeSnippet(
  text: string,
  parts: readonly SnippetWord[],
  length: number,
): { snippet: string; highlights: Highlight[] } {
  const matches = findMatches(text, parts);
  let start = 0;
  let end = text.length;
  if (text.length > length) {
    start = bestWindowStart(text.length, matches, length);
    // Never cut a surrogate pair in half.
    if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1)))
      start += 1;
    end = Math.min(text.length, start + length);
    if (end < text.length && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end)))
      end -= 1;
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const ranges: Highlight[] = [];
  for (const m of matches) {
    const from = Math.max(m.start, start);
    const to = Math.min(m.end, end);
    if (to > from) ranges.push({ start: from + shift, end: to + shift });
  }
  return { snippet: prefix + text.slice(start, end) + suffix, highlights: mergeRanges(ranges) };
}
