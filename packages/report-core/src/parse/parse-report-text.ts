import type { Report } from '../model/report.js';
import { REPORT_SCHEMA_VERSION } from '../model/report.js';
import { checkBlocks } from './check-blocks.js';
import {
  checkAmbiguousHeadings,
  checkChapterNumbers,
  checkEmptySections,
} from './check-structure.js';
import { readChapterMarker } from './classify-line.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnostic } from './diagnostic.js';
import { findDuplicates } from './find-duplicates.js';
import { findNearDuplicates } from './find-near-duplicates.js';
import { findRepeatedBlocks } from './find-repeated-blocks.js';
import { splitSourceLines } from './normalize-text.js';
import { parseChapters } from './parse-chapters.js';
import { parseFrontMatter } from './parse-front-matter.js';
import type { ParseOptionsInput } from './parse-options.js';
import { ParseOptionsSchema } from './parse-options.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { sha256Utf8 } from '../hash/sha256.js';
import { toSourceLines } from './source-line.js';

export interface ParseResult {
  /** The report as the text lays it out, before any editorial decision; it may break ReportSchema. */
  report: Report;
  /** Everything an editor must decide, sorted by source line. */
  diagnostics: Diagnostic[];
}

/** Codes whose node ids explain the schema's "identical measure text" complaints. */
const DUPLICATE_CODES = new Set([
  'repeated-block',
  'duplicate-sentence',
  'sentence-in-two-chapters',
]);

/**
 * Parses a document laid out like the Leshan source (title block, 主要目标, 指导思想, numbered
 * chapters of headings and measures) into a report with ids from its line numbers, and lists
 * what an editor must decide. Never throws: anything it cannot place becomes a diagnostic.
 */
export function parseReportText(text: string, options: ParseOptionsInput = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const parsedOptions = ParseOptionsSchema.safeParse(options);
  if (!parsedOptions.success) {
    diagnostics.push(
      diagnostic(
        'invalid-options',
        'error',
        {
          zh: '解析选项无效，已改用默认值（发布机关、年份、地点表等）：请检查传入的选项。',
          en: 'the parse options are invalid and the defaults were used (issuer, period, places …): check the options passed.',
        },
        [],
      ),
    );
  }
  const opts = parsedOptions.success ? parsedOptions.data : ParseOptionsSchema.parse({});
  const source = typeof text === 'string' ? text : '';

  const rawLines = splitSourceLines(source);
  const lines = toSourceLines(rawLines);
  const firstMarker = lines.findIndex((line) => readChapterMarker(line.text) !== undefined);
  const front = parseFrontMatter(firstMarker < 0 ? lines : lines.slice(0, firstMarker));
  const body = parseChapters(firstMarker < 0 ? [] : lines.slice(firstMarker));
  const blocks = checkBlocks(front, body.chapters.length);
  const repeated = findRepeatedBlocks(body.body);

  diagnostics.push(
    ...front.diagnostics,
    ...body.diagnostics,
    ...blocks.diagnostics,
    ...checkChapterNumbers(body.markers),
    ...checkEmptySections(body.chapters),
    ...checkAmbiguousHeadings(body.body),
    ...repeated.diagnostics,
    ...findDuplicates(body.body, repeated.copies),
    ...findNearDuplicates(body.body),
  );

  const headLines = [front.title, front.subtitle, front.scope].flatMap((l) =>
    l === undefined ? [] : [l.line],
  );
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: opts.id ?? `leshan-${opts.period.start}-${opts.period.end}`,
    meta: {
      title: front.title?.spaced ?? '',
      ...(front.subtitle === undefined ? {} : { subtitle: front.subtitle.text }),
      scope: front.scope?.text ?? '',
      issuer: opts.issuer,
      period: opts.period,
      language: 'zh-CN',
      source: {
        file: opts.file,
        sha256: sha256Utf8(source),
        lineCount: rawLines.length,
        description: opts.description,
      },
      ...(headLines.length === 0 ? {} : { provenance: { lines: headLines.sort((a, b) => a - b) } }),
    },
    goals: front.goals,
    ideology: front.ideology ?? { id: 'ideology', text: '' },
    chapters: body.chapters,
    places: opts.places,
    notes: [],
  };

  const coveredIds = new Set(
    diagnostics.filter((d) => DUPLICATE_CODES.has(d.code)).flatMap((d) => d.nodeIds),
  );
  diagnostics.push(...schemaDiagnostics(report, { paths: blocks.coveredPaths, ids: coveredIds }));
  return { report, diagnostics: sortDiagnostics(diagnostics) };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.lines[0] ?? 0) - (b.d.lines[0] ?? 0) || a.i - b.i)
    .map(({ d }) => d);
}
