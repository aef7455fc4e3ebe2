import type { Report } from '../model/report.js';
import { ReportSchema } from '../model/report.js';
import { toValidationIssues } from '../model/validate.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnostic } from './diagnostic.js';

interface Located {
  id: string | undefined;
  lines: number[];
}

/** The node a validation path points into (the deepest one with an id) and its source lines. */
function locate(report: Report, path: readonly (string | number)[]): Located {
  let node: unknown = report;
  let found: Located = { id: undefined, lines: [] };
  for (const segment of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[segment];
    if (node !== null && typeof node === 'object' && 'id' in node && typeof node.id === 'string') {
      const provenance =
        'provenance' in node ? (node.provenance as { lines?: number[] } | undefined) : undefined;
      found = { id: node.id, lines: provenance?.lines ?? found.lines };
    }
  }
  return found;
}

/**
 * Every breach of ReportSchema (shape and invariants) in the parsed report, except those the
 * parser already explained: paths in `coveredPaths`, and repeated text of measures in `coveredIds`.
 */
export function schemaDiagnostics(
  report: Report,
  covered: { paths: ReadonlySet<string>; ids: ReadonlySet<string> },
): Diagnostic[] {
  const result = ReportSchema.safeParse(report);
  if (result.success) return [];
  const out: Diagnostic[] = [];
  for (const issue of toValidationIssues(result.error.issues)) {
    if (covered.paths.has(issue.path)) continue;
    const at = locate(report, issue.pathSegments);
    const isText = issue.pathSegments[issue.pathSegments.length - 1] === 'text';
    if (isText && at.id !== undefined && covered.ids.has(at.id)) continue;
    const place = issue.path === '' ? '整个报告' : issue.path;
    out.push(
      diagnostic(
        'schema-violation',
        'error',
        {
          zh: `解析结果不符合报告规则（${place}）：${issue.message.zh}。请在编辑时更正。`,
          en: `the parsed report breaks a report rule (${issue.path === '' ? 'whole report' : issue.path}): ${issue.message.en}. Correct it while editing.`,
        },
        at.lines,
        at.id === undefined ? [] : [at.id],
      ),
    );
  }
  return out;
}
