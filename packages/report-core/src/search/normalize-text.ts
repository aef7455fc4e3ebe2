/**
 * Text as the search compares it, with a map back to the original so highlights can point
 * into the text people read. `starts[i]`/`ends[i]` are the original code-unit range that
 * normalized code unit `i` came from.
 */
export interface NormalizedText {
  text: string;
  starts: number[];
  ends: number[];
}

import { foldHan } from './han-fold.js';

const MARK = /^\p{M}/u;
// Single code points fold the same way every time; the cache is capped so a 1 MB query of
// random characters cannot grow it without bound.
const pieceCache = new Map<string, string>();
const PIECE_CACHE_LIMIT = 20_000;

function isCjkIdeograph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

function isMarkAt(input: string, index: number): boolean {
  const code = input.charCodeAt(index);
  if (code < 0x300 || isCjkIdeograph(code)) return false;
  return MARK.test(input.slice(index, index + 2));
}

function codePointLength(input: string, index: number): number {
  const code = input.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff || index + 1 >= input.length) return 1;
  const next = input.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** NFKC (full-width ASCII → half-width, ligatures, compatibility forms), case and traditional → simplified folding. */
export function foldPiece(piece: string): string {
  const code = piece.charCodeAt(0);
  if (piece.length === 1) {
    if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : piece;
    if (isCjkIdeograph(code)) return foldHan(piece);
  }
  const cached = pieceCache.get(piece);
  if (cached !== undefined) return cached;
  // Upper then lower folds more than lower alone (ß → ss, final ς → σ), closer to Unicode case folding.
  const folded = foldHan(piece.normalize('NFKC').toUpperCase().toLowerCase());
  if (pieceCache.size < PIECE_CACHE_LIMIT) pieceCache.set(piece, folded);
  return folded;
}

/**
 * Characters NFKC and case folding leave alone apart from ASCII A–Z (ASCII, the common CJK
 * quotes and brackets, CJK ideographs), taken in bulk: most report text is nothing else. A test
 * checks every one of them against the slow path.
 */
export function isFast(code: number): boolean {
  if (code < 0x80) return true;
  if (code >= 0x4e00) return code <= 0x9fff;
  if (code >= 0x3400) return code <= 0x4dbf;
  if (code >= 0x3001 && code <= 0x3011) return code <= 0x3002 || code >= 0x3008;
  return (
    code === 0x2013 ||
    code === 0x2014 ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d
  );
}

function normalize(input: string, map: { starts: number[]; ends: number[] } | undefined): string {
  const parts: string[] = [];
  let index = 0;
  while (index < input.length) {
    let runEnd = index;
    while (runEnd < input.length && isFast(input.charCodeAt(runEnd))) runEnd += 1;
    // A combining mark after the run belongs with the run's last character: leave that one to the slow path.
    const take = runEnd - index - (runEnd > index && isMarkAt(input, runEnd) ? 1 : 0);
    if (take > 0) {
      parts.push(foldHan(input.slice(index, index + take).toLowerCase()));
      if (map !== undefined) {
        for (let k = index; k < index + take; k += 1) {
          map.starts.push(k);
          map.ends.push(k + 1);
        }
      }
      index += take;
      continue;
    }
    const start = index;
    index += codePointLength(input, index);
    while (index < input.length && isMarkAt(input, index)) index += codePointLength(input, index);
    const piece = foldPiece(input.slice(start, index));
    if (map !== undefined) {
      for (let k = 0; k < piece.length; k += 1) {
        map.starts.push(start);
        map.ends.push(index);
      }
    }
    parts.push(piece);
  }
  return parts.join('');
}

/**
 * Normalizes text for search: NFKC, case folding and traditional → simplified (機場 → 机场). Works per base character with its combining marks, so NFKC can
 * still compose them and every output unit maps back to one original range. Never throws:
 * lone surrogates and control characters pass through unchanged (they never form tokens).
 */
export function normalizeForSearch(input: string): NormalizedText {
  const map = { starts: [], ends: [] };
  return { text: normalize(input, map), ...map };
}

/** Only the normalized string, for callers that need no way back. */
export function normalizeSearchText(input: string): string {
  return normalize(input, undefined);
}
