import type { Report } from '../model/report.js';

/** What every reader sees where the source lacks a chapter or section heading (its title is null). */
export const MISSING_TITLE = '（原文缺失标题）';

/** A chapter or section title as shown: the title, or MISSING_TITLE where the source lacks it. */
export function displayTitle(title: string | null): string {
  return title ?? MISSING_TITLE;
}

/**
 * The id of the editorial note that explains why a node has no title: the missing-in-source note
 * naming it, else any note naming it; undefined when none does.
 */
export function missingTitleNoteId(report: Report, nodeId: string): string | undefined {
  const naming = report.notes.filter((n) => n.nodeIds.includes(nodeId));
  return (naming.find((n) => n.kind === 'missing-in-source') ?? naming[0])?.id;
}
