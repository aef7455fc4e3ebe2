import { normaliseForms } from './normalise-text.js';

/** A non-blank line of the source, 1-based, in the two forms the parser reads. */
export interface SourceLine {
  line: number;
  /** Normalised text as the report stores it (spaces between Chinese characters dropped). */
  text: string;
  /** Normalised text keeping single spaces: for the title and one-line goals. */
  spaced: string;
}

/** The non-blank lines of a document's lines, normalised. */
export function toSourceLines(lines: readonly string[]): SourceLine[] {
  const out: SourceLine[] = [];
  lines.forEach((raw, i) => {
    const { spaced, text } = normaliseForms(raw);
    if (spaced !== '') out.push({ line: i + 1, text, spaced });
  });
  return out;
}
