import type { SearchHit } from './search-schemas.js';

/** A run of snippet text, matched or not. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * The snippet cut into matched and unmatched runs, for rendering without HTML strings
 * (e.g. React: `match ? <mark>{text}</mark> : text`). Highlights out of range, overlapping or
 * out of order (a hand-made or deserialised hit) are clamped, merged and sorted, never trusted.
 */
export function snippetParts(hit: Pick<SearchHit, 'snippet' | 'highlights'>): SnippetPart[] {
  const { snippet } = hit;
  const ranges = hit.highlights
    .map((h) => ({
      start: Math.max(0, Math.min(h.start, snippet.length)),
      end: Math.max(0, Math.min(h.end, snippet.length)),
    }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push(range);
  }
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const range of merged) {
    if (range.start > at) parts.push({ text: snippet.slice(at, range.start), match: false });
    parts.push({ text: snippet.slice(range.start, range.end), match: true });
    at = range.end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), match: false });
  return parts;
}

/** Text as HTML text: `&`, `<`, `>`, `"` and `'` escaped. markSnippet's default. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

/** The text as it is: pass it to markSnippet for plain-text output (a terminal, a text file). */
export const plainText = (text: string): string => text;

/**
 * The snippet with each match wrapped in `open`…`close`. `escape` is applied to the snippet
 * text only, never to the markers. It escapes HTML unless told not to (`plainText`), so
 * `markSnippet(hit, '<mark>', '</mark>')` is safe to put in a page.
 */
export function markSnippet(
  hit: Pick<SearchHit, 'snippet' | 'highlights'>,
  open: string,
  close: string,
  escape: (text: string) => string = escapeHtml,
): string {
  return snippetParts(hit)
    .map((part) => (part.match ? `${open}${escape(part.text)}${close}` : escape(part.text)))
    .join('');
}
