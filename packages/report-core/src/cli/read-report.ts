import type { Report } from '../model/index.js';
import { formatIssues, validateReport } from '../model/index.js';
import type { CliIo } from './io.js';
import { inputName, readInput } from './read-input.js';

export type ReadReportResult = { ok: true; report: Report } | { ok: false; lines: string[] };

/** Parses text as JSON without throwing: the value, or the parser's complaint. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; detail: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads a report file (`-`: stdin; UTF-8 with or without a BOM, or GB18030): unreadable, too
 * large, not JSON, or not a valid report each give readable lines
 * (`path: 中文 (English)` per validation issue) rather than an exception.
 */
export function readReport(io: CliIo, path: string): ReadReportResult {
  const name = inputName(path);
  const read = readInput(io, path);
  if (!read.ok) return { ok: false, lines: [`${name}: ${read.message.zh} (${read.message.en})`] };
  const json = parseJson(read.text);
  if (!json.ok)
    return { ok: false, lines: [`${name}: 不是有效的 JSON (not valid JSON: ${json.detail})`] };
  return checkReport(json.value);
}

/** Validates a value as a report: the report, or one `path: 中文 (English)` line per issue. */
export function checkReport(value: unknown): ReadReportResult {
  const result = validateReport(value);
  if (!result.ok) return { ok: false, lines: formatIssues(result.issues) };
  return { ok: true, report: result.value };
}
