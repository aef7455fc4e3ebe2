import type { ReadonlyReport } from '../model/readonly.js';

/** What every reader sees where the source lacks a chapter or section heading (its title is null). */
export const MISSING_TITLE = '（原文缺失标题）';

/** A chapter or section an editor created without a title (no note says the source lacks it). */
export const UNTITLED = '待补充标题';

/**
 * A chapter or section title as shown: the title, else MISSING_TITLE. Given the report and the
 * node's id, a null title no missing-in-source note explains is UNTITLED (issue 13: an editor's
 * new chapter is not "missing in the source").
 */
export function displayTitle(
  title: string | null,
  report?: ReadonlyReport,
  nodeId?: string,
): string {
  if (title !== null) return title;
  if (report === undefined || nodeId === undefined) return MISSING_TITLE;
  return lacksTitleInSource(report, nodeId) ? MISSING_TITLE : UNTITLED;
}

/** Whether a missing-in-source note names the node: its title is absent from the source. */
export function lacksTitleInSource(report: ReadonlyReport, nodeId: string): boolean {
  return report.notes.some((n) => n.kind === 'missing-in-source' && n.nodeIds.includes(nodeId));
}

/**
 * The id of the editorial note that explains why a node has no title: the missing-in-source note
 * naming it, else any note naming it; undefined when none does.
 */
export function missingTitleNoteId(report: ReadonlyReport, nodeId: string): string | undefined {
  const naming = report.notes.filter((n) => n.nodeIds.includes(nodeId));
  return (naming.find((n) => n.kind === 'missing-in-source') ?? naming[0])?.id;
}
