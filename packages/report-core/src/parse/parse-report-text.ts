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
import { findDuplicates } from './find-duplicates.js';
import { findNearDuplicates } from './find-near-duplicates.js';
import { findRepeatedBlocks } from './find-repeated-blocks.js';
import { splitSourceLines } from './normalize-text.js';
import { parseChapters } from './parse-chapters.js';
import { parseFrontMatter } from './parse-front-matter.js';
import type { ParseOptionsInput } from './parse-options.js';
import { readParseOptions } from './parse-options.js';
import { optionDiagnostic, resolveMetadata } from './resolve-metadata.js';
import { readTextMetadata } from './read-metadata.js';
import type { MeasureProposal } from './propose-curation.js';
import { proposeCuration } from './propose-curation.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { sha256Utf8 } from '../hash/sha256.js';
import { toSourceLines } from './source-line.js';

/** What parseReportText gives: the report, the diagnostics an editor must decide and the curation proposals. */
export interface ParseResult {
  /** The report as the text lays it out, before any editorial decision; it may break ReportSchema. */
  report: Report;
  /** Everything an editor must decide, sorted by source line. */
  diagnostics: Diagnostic[];
  /** Targets and places the parser reads in each measure, for an editor to accept or reject. */
  proposals: MeasureProposal[];
}

/** Codes whose node ids explain the schema's "identical measure text" complaints. */
const DUPLICATE_CODES = new Set([
  'repeated-block',
  'duplicate-sentence',
  'sentence-in-two-chapters',
]);

/**
 * Parses a government work report (title block, optional 主要目标 and 指导思想, chapters numbered
 * 一、/1/第一章/（一）, section headings and measures) into a report with ids from its line numbers,
 * and lists what an editor must decide. Issuer, period, title and scope come from the options or
 * the text; what neither gives is a diagnostic. Never throws, whatever the input's size.
 */
export function parseReportText(text: string, options: ParseOptionsInput = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const read = readParseOptions(options);
  append(diagnostics, read.issues.map(optionDiagnostic));
  const opts = read.options;
  const source = typeof text === 'string' ? text : '';

  const rawLines = splitSourceLines(source);
  const lines = toSourceLines(rawLines);
  const firstMarker = lines.findIndex((line) => readChapterMarker(line.text) !== undefined);
  const head = firstMarker < 0 ? lines : lines.slice(0, firstMarker);
  const front = parseFrontMatter(head);
  const body = parseChapters(firstMarker < 0 ? [] : lines.slice(firstMarker));
  const blocks = checkBlocks(front, body.chapters.length, {
    title: opts.title !== undefined,
    scope: opts.scope !== undefined,
  });
  const repeated = findRepeatedBlocks(body.body);
  const meta = resolveMetadata(opts, front, readTextMetadata(head));

  for (const found of [
    meta.diagnostics,
    front.diagnostics,
    body.diagnostics,
    blocks.diagnostics,
    checkChapterNumbers(body.markers),
    checkEmptySections(body.chapters),
    checkAmbiguousHeadings(body.body),
    repeated.diagnostics,
    findDuplicates(body.body, repeated.copies),
    findNearDuplicates(body.body),
  ])
    append(diagnostics, found);

  const headLines = [front.title, front.subtitle, front.scope].flatMap((l) =>
    l === undefined ? [] : [l.line],
  );
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: meta.id,
    meta: {
      title: meta.title,
      ...(front.subtitle === undefined ? {} : { subtitle: front.subtitle.text }),
      scope: meta.scope,
      issuer: meta.issuer,
      period: meta.period,
      language: 'zh-CN',
      source: {
        file: opts.file ?? 'source.txt',
        sha256: sha256Utf8(source),
        lineCount: rawLines.length,
        description: opts.description ?? DEFAULT_DESCRIPTION,
      },
      ...(headLines.length === 0 ? {} : { provenance: { lines: headLines.sort((a, b) => a - b) } }),
    },
    goals: front.goals,
    ideology: front.ideology ?? { id: 'ideology', text: '' },
    chapters: body.chapters,
    places: opts.places ?? [],
    notes: [],
  };

  const coveredIds = new Set(
    diagnostics.filter((d) => DUPLICATE_CODES.has(d.code)).flatMap((d) => d.nodeIds),
  );
  const covered = new Set([...blocks.coveredPaths, ...meta.coveredPaths]);
  append(diagnostics, schemaDiagnostics(report, { paths: covered, ids: coveredIds }));
  return {
    report,
    diagnostics: sortDiagnostics(diagnostics),
    proposals: proposeCuration(report),
  };
}

const DEFAULT_DESCRIPTION = '由 parseReportText 逐行解析的原文，未经编辑整理（见解析诊断）。';

/** Appends without spreading: a text of 100k+ lines gives more diagnostics than a call's arguments may hold (issue 15). */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.lines[0] ?? 0) - (b.d.lines[0] ?? 0) || a.i - b.i)
    .map(({ d }) => d);
}
