import { z } from 'zod';
import { MessageSchema } from '../model/message.js';

export const DiagnosticCodeSchema = z
  .enum([
    'repeated-block',
    'near-duplicate',
    'duplicate-sentence',
    'sentence-in-two-chapters',
    'duplicate-heading',
    'chapter-number-gap',
    'chapter-number-out-of-order',
    'chapter-without-title',
    'heading-without-measures',
    'measures-without-heading',
    'possible-measure-without-punctuation',
    'missing-block',
    'invalid-option',
    'unknown-option',
    'missing-metadata',
    'metadata-from-text',
    'unrecognised-line',
    'schema-violation',
  ])
  .describe('What kind of problem the parser found in the source text.');
export type DiagnosticCode = z.infer<typeof DiagnosticCodeSchema>;

export const DiagnosticSeveritySchema = z
  .enum(['error', 'warning', 'info'])
  .describe(
    'error: the report cannot be published as parsed; warning: an editor must decide; info: worth a look.',
  );
export type DiagnosticSeverity = z.infer<typeof DiagnosticSeveritySchema>;

export const DiagnosticSchema = z
  .object({
    code: DiagnosticCodeSchema,
    severity: DiagnosticSeveritySchema,
    message: MessageSchema.describe(
      'What was found and what the editor must decide, in Chinese and English.',
    ),
    lines: z.array(z.int().min(1)).describe('1-based source lines concerned, ascending.'),
    nodeIds: z
      .array(z.string())
      .describe('Ids of the parsed nodes concerned (they exist in the parsed report).'),
  })
  .describe('One finding of the parser about the source text.');
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** Builds a diagnostic with its lines sorted and de-duplicated. */
export function diagnostic(
  code: DiagnosticCode,
  severity: DiagnosticSeverity,
  message: { zh: string; en: string },
  lines: readonly number[],
  nodeIds: readonly string[] = [],
): Diagnostic {
  return {
    code,
    severity,
    message,
    lines: [...new Set(lines)].sort((a, b) => a - b),
    nodeIds: [...new Set(nodeIds)],
  };
}

/**
 * `30, 128–156`: line numbers as people read them. Paragraphs are one blank line apart, so
 * numbers at most 2 apart join into one range.
 */
export function formatLines(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const line of [...sorted.slice(1), undefined]) {
    if (start === undefined || prev === undefined) break;
    if (line !== undefined && line <= prev + 2) {
      prev = line;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = line;
    prev = line;
  }
  return parts.join(', ');
}

/** A text as quoted in a message: at most 40 characters, so a megabyte line makes no megabyte message. */
export function quote(text: string): string {
  if (text.length <= 40) return text;
  const chars = Array.from(text.slice(0, 80)); // 80 code units hold at least 40 code points
  return chars.length <= 40 && text.length <= 80 ? text : `${chars.slice(0, 39).join('')}…`;
}
