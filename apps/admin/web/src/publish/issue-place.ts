import type { Report } from '@leshan/report-core';
import { describeNode } from '@leshan/report-core/labels';

/**
 * Where a validation issue is, as editors name it: the innermost node with an id on the issue's
 * path (chapters.0.sections.1.measures.2.text → that measure), through describeNode; the report
 * itself when the path names no node. Never the raw path.
 */
export function issuePlace(report: Report, path: readonly (string | number)[]): string {
  let value: unknown = report;
  let id: string | null = null;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) break;
    value = (value as Record<string | number, unknown>)[segment];
    const own = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : null;
    if (typeof own === 'string') id = own;
  }
  return id === null ? '报告' : describeNode(report, id);
}
