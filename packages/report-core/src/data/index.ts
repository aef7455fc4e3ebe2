import type { ReadonlyReport } from '../model/readonly.js';
import canonicalJson from './canonical-report.json';
import { sourceText } from './source-text.js';

export { sourceText };
export { editableCopy } from '../model/readonly.js';

/** sha256 of the source document, as published with it (shared/source/README.md). */
export const SOURCE_SHA256 = '4997829fda2843800585da0195031a6f4dad4696b659ead58998d3c8d268a97e';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The Leshan report, 2022–2026, as one valid report: every sentence of the source in its
 * place, every repair recorded in `notes`. Frozen, and typed so: `editableCopy` gives a copy to edit.
 * Validated by the package's tests rather than at import, so importing it costs nothing.
 */
export const canonicalReport: ReadonlyReport = deepFreeze(
  canonicalJson as unknown as ReadonlyReport,
);

/** A text's lines as provenance counts them: split on LF, 1-based, no phantom last line. */
export function splitLines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

let cached: string[] | undefined;

/** Line `n` (1-based) of the shipped source text, or undefined past its end. */
export function sourceLine(n: number): string | undefined {
  cached ??= splitLines(sourceText);
  return cached[n - 1];
}
