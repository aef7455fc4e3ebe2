/**
 * Index terms of normalized text. Runs of CJK characters give every unigram and every bigram
 * (so 光伏 and 伏产 both hit 晶硅光伏产业 without a dictionary); runs of other letters and
 * digits (210, 5g, 2000) give the whole run, a decimal number (5.5) being one run, and a number
 * followed by % a second term with it (6%), so 6% finds percentages only and 6 never hits 196.
 * Everything else separates runs. The query side uses the same rules, so no word segmenter is
 * needed to search.
 */

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /^[\p{L}\p{N}\p{M}]/u;

type CharClass = 'cjk' | 'word' | 'other';

function classify(char: string): CharClass {
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    const isDigit = code >= 0x30 && code <= 0x39;
    const isLetter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    return isDigit || isLetter ? 'word' : 'other';
  }
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return 'cjk';
  if (CJK.test(char)) return 'cjk';
  return WORD.test(char) ? 'word' : 'other';
}

export interface TextRun {
  cls: 'cjk' | 'word';
  /** Code points of the run (a CJK character outside the BMP is one entry of two units). */
  chars: string[];
  /** A number directly followed by % (or ‰): also indexed with it, as 6%. */
  percent?: '%' | '‰';
}

const isDigit = (char: string | undefined): boolean =>
  char !== undefined && char.length === 1 && char >= '0' && char <= '9';

/** Whether a run is all ASCII digits with at most one inner point: a number, 2000 or 5.5. */
function isNumber(chars: readonly string[]): boolean {
  let points = 0;
  for (const char of chars) {
    if (char === '.') points += 1;
    else if (!isDigit(char)) return false;
  }
  return points <= 1 && chars.length > 0;
}

/** Splits normalized text into runs of CJK characters and runs of other letters/digits. */
export function splitRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const chars = [...text];
  let current: TextRun | undefined;
  chars.forEach((char, i) => {
    // A point between digits belongs to the number (5.5%), not between two numbers.
    if (
      char === '.' &&
      current?.cls === 'word' &&
      isNumber(current.chars) &&
      !current.chars.includes('.') &&
      isDigit(chars[i + 1])
    ) {
      current.chars.push(char);
      return;
    }
    const cls = classify(char);
    if (cls === 'other') {
      if ((char === '%' || char === '‰') && current?.cls === 'word' && isNumber(current.chars))
        current.percent = char;
      current = undefined;
      return;
    }
    if (current?.cls !== cls) {
      current = { cls, chars: [] };
      runs.push(current);
    }
    current.chars.push(char);
  });
  return runs;
}

/** Every index term of the text, repeated as often as it occurs (for term frequencies). */
export function indexTerms(text: string): { terms: string[]; length: number } {
  const terms: string[] = [];
  let length = 0;
  for (const run of splitRuns(text)) {
    if (run.cls === 'word') {
      const word = run.chars.join('');
      terms.push(word);
      if (run.percent !== undefined) terms.push(word + run.percent);
      length += 1;
      continue;
    }
    run.chars.forEach((char, i) => {
      terms.push(char);
      const next = run.chars[i + 1];
      if (next !== undefined) terms.push(char + next);
    });
    // Length counts what queries of two or more characters score on: bigrams, or the lone character.
    length += Math.max(1, run.chars.length - 1);
  }
  return { terms, length };
}

/**
 * The terms a query term must all hit: its bigrams, or the character itself for a one-character
 * CJK run, and whole letter/digit runs (a percentage as 6%). Unique, in order of first appearance.
 */
export function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of splitRuns(text)) {
    if (run.cls === 'word') {
      terms.add(run.chars.join('') + (run.percent ?? ''));
      continue;
    }
    if (run.chars.length === 1) {
      terms.add(run.chars.join(''));
      continue;
    }
    for (let i = 0; i + 1 < run.chars.length; i += 1)
      terms.add(`${run.chars[i] ?? ''}${run.chars[i + 1] ?? ''}`);
  }
  return [...terms];
}

/** Whether the character at `at` would continue a letter/digit run (CJK does not). */
function isWordAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return at >= 0 && code !== undefined && classify(String.fromCodePoint(code)) === 'word';
}

/**
 * The first occurrence of `needle` in normalized `text` from `from` that does not cut a
 * letter/digit run: 6 is not found in 196 or 5.6, 21 not in 210; CJK needs no boundary.
 * -1 when there is none.
 */
export function indexOfWhole(text: string, needle: string, from = 0): number {
  if (needle === '') return -1;
  const first = needle.charCodeAt(0);
  const last = needle.charCodeAt(needle.length - 1);
  // Ideographs at both ends need no boundary check: the common case, a plain indexOf.
  if (first >= 0x3400 && first <= 0x9fff && last >= 0x3400 && last <= 0x9fff)
    return text.indexOf(needle, from);
  const startsWord = isWordAt(needle, 0);
  const endsWord = isWordAt(needle, needle.length - 1);
  const startsDigit = isDigit(needle.charAt(0));
  const endsDigit = isDigit(needle.charAt(needle.length - 1));
  for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (startsWord && at > 0) {
      if (isWordAt(text, at - 1)) continue;
      if (startsDigit && text.charAt(at - 1) === '.' && isDigit(text.charAt(at - 2))) continue;
    }
    if (endsWord && isWordAt(text, end)) continue;
    if (endsDigit && text.charAt(end) === '.' && isDigit(text.charAt(end + 1))) continue;
    return at;
  }
  return -1;
}
