import { normalizeForms } from './normalize-text.js';

/** A non-blank line of the source, 1-based, in the two forms the parser reads. */
export interface SourceLine {
  line: number;
  /** Normalized text as the report stores it (spaces between Chinese characters dropped). */
  text: string;
  /** Normalized text keeping single spaces: for the title and one-line goals. */
  spaced: string;
}

/** The non-blank lines of a document's lines, normalized. */
export function toSourceLines(lines: readonly string[]): SourceLine[] {
  const out: SourceLine[] = [];
  lines.forEach((raw, i) => {
    const { spaced, text } = normalizeForms(raw);
    if (spaced !== '') out.push({ line: i + 1, text, spaced });
  });
  return out;
}
