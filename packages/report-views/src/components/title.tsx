/** @jsxRuntime automatic */
import type { ReadonlyReport } from '@leshan/report-core';
import { MISSING_TITLE, missingTitleNoteId, noteLabel } from '@leshan/report-core/labels';
import { useView } from '../context.js';

/** The link to the editorial note that explains a missing title (nothing when no note names it). */
export function MissingNoteLink({ report, nodeId }: { report: ReadonlyReport; nodeId: string }) {
  const { links, pick } = useView();
  const note = missingTitleNoteId(report, nodeId);
  if (note === undefined) return null;
  // Issue 19: 见编辑说明二, never the note's id.
  const label = noteLabel(report, note) ?? '编辑说明';
  const number = report.notes.findIndex((n) => n.id === note) + 1;
  return (
    <a className="note-link" href={links.note(note)}>
      {pick(`见${label}`, `see editorial note ${number}`)}
    </a>
  );
}

/**
 * A chapter or section title, or — where the source lacks it — “（原文缺失标题）” with a link
 * to the editorial note that explains why. Not for use inside another link.
 */
export function NodeTitle({
  report,
  nodeId,
  title,
}: {
  report: ReadonlyReport;
  nodeId: string;
  title: string | null;
}) {
  if (title !== null) return <span lang="zh-CN">{title}</span>;
  return (
    <span className="missing-title" lang="zh-CN">
      {MISSING_TITLE} <MissingNoteLink report={report} nodeId={nodeId} />
    </span>
  );
}
