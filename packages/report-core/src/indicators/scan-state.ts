import {
  ASPIRATIONAL_WORDS,
  BINDING_WORDS,
  CLAUSE_SEPARATORS,
  QUOTE_CLOSERS,
  QUOTE_OPENERS,
  SENTENCE_ENDS,
} from './wording.js';

// Deep enough for any real nesting; the cap keeps a text of a million “ from meaning anything.
const MAX_QUOTE_DEPTH = 8;

// Most characters change nothing: one Set lookup lets observe() return at once for them.
const RELEVANT: ReadonlySet<string> = new Set([
  ...QUOTE_OPENERS,
  ...QUOTE_CLOSERS,
  '"',
  ...CLAUSE_SEPARATORS,
  ...[...ASPIRATIONAL_WORDS, ...BINDING_WORDS].map((w) => w.charAt(0)),
]);

/**
 * What the scanner knows about the text read so far, updated one character at a time, so
 * that every question ("which clause?", "力争 or 确保?", "inside quotes?") costs O(1).
 */
export class ScanState {
  /** Index where the current clause begins (after the last ，、；。). */
  clauseStart = 0;
  /** The last modal word of the current sentence. */
  modality: 'aspirational' | 'binding' | 'plain' = 'plain';
  /** End of the text already claimed by the last indicator: a metric never reaches back past it. */
  claimedUntil = 0;
  /** Inside a "number + 个 + noun" metric, where numbers are part of the name (500亿元经济强县). */
  suppressUntil = 0;
  /** Index of the 从/由 of the last from→to phrase, whose target's metric ends there. */
  fromWord = -1;
  /** The kind of the last target of the sentence, for the next item of its list. */
  listKind: 'increment' | 'level' | 'rate' | 'share' | undefined;
  /** The metric span of the last "noun + number" target of the sentence. */
  lastMetric: readonly [number, number] | undefined;
  private quoteDepth = 0;
  private asciiQuoteOpen = false;

  /** True inside “…”, 《…》 and the like, where numbers belong to names and slogans. */
  get quoted(): boolean {
    return this.quoteDepth > 0 || this.asciiQuoteOpen;
  }

  /** Where the metric of a "noun + number" target may begin. */
  get metricStart(): number {
    return Math.max(this.clauseStart, this.claimedUntil);
  }

  get aspirational(): boolean {
    return this.modality === 'aspirational';
  }

  observe(text: string, i: number): void {
    const ch = text[i] ?? '';
    if (!RELEVANT.has(ch)) return;
    if (QUOTE_OPENERS.has(ch)) this.quoteDepth = Math.min(this.quoteDepth + 1, MAX_QUOTE_DEPTH);
    else if (QUOTE_CLOSERS.has(ch)) this.quoteDepth = Math.max(this.quoteDepth - 1, 0);
    else if (ch === '"') this.asciiQuoteOpen = !this.asciiQuoteOpen;

    if (SENTENCE_ENDS.has(ch)) {
      // An unclosed quote ends with its sentence, so one stray “ cannot hide the rest of a text.
      this.quoteDepth = 0;
      this.asciiQuoteOpen = false;
      this.modality = 'plain';
      this.listKind = undefined;
      this.lastMetric = undefined;
      this.clauseStart = i + 1;
      return;
    }
    if (this.quoted) return;
    if (CLAUSE_SEPARATORS.has(ch)) {
      this.clauseStart = i + 1;
      return;
    }
    if (ASPIRATIONAL_WORDS.some((w) => text.startsWith(w, i))) this.modality = 'aspirational';
    else if (BINDING_WORDS.some((w) => text.startsWith(w, i))) this.modality = 'binding';
  }
}
