/**
 * Index terms of normalized text. Runs of CJK characters give every unigram and every bigram
 * (so 光伏 and 伏产 both hit 晶硅光伏产业 without a dictionary); runs of other letters and
 * digits (210, 5g, 2000) give the whole run. Everything else separates runs. The query side
 * uses the same rules, so no word segmenter is needed to search.
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
}

/** Splits normalized text into runs of CJK characters and runs of other letters/digits. */
export function splitRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | undefined;
  for (const char of text) {
    const cls = classify(char);
    if (cls === 'other') {
      current = undefined;
      continue;
    }
    if (current?.cls !== cls) {
      current = { cls, chars: [] };
      runs.push(current);
    }
    current.chars.push(char);
  }
  return runs;
}

/** Every index term of the text, repeated as often as it occurs (for term frequencies). */
export function indexTerms(text: string): { terms: string[]; length: number } {
  const terms: string[] = [];
  let length = 0;
  for (const run of splitRuns(text)) {
    if (run.cls === 'word') {
      terms.push(run.chars.join(''));
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
 * CJK run, and whole letter/digit runs. Unique, in order of first appearance.
 */
export function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of splitRuns(text)) {
    if (run.cls === 'word') {
      terms.add(run.chars.join(''));
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
