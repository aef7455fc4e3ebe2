import type { Report } from '../model/report.js';
import type { EditResult } from './command-error.js';
import { indexOutOfRange, notFound, refuse } from './command-error.js';
import type { NoteRef } from './command-schema.js';

/**
 * The references notes make to any of `ids`, in note order and, within a note, by ascending
 * position: re-inserting them in this order at their positions rebuilds each nodeIds exactly.
 */
export function collectNoteRefs(report: Report, ids: ReadonlySet<string>): NoteRef[] {
  const refs: NoteRef[] = [];
  for (const note of report.notes) {
    if (ids.has(note.id)) continue; // removed with the node itself
    note.nodeIds.forEach((nodeId, index) => {
      if (ids.has(nodeId)) refs.push({ noteId: note.id, index, nodeId });
    });
  }
  return refs;
}

/** The report without any note reference to `ids` (notes left untouched keep their identity). */
export function dropNoteRefs(report: Report, ids: ReadonlySet<string>): Report {
  if (!report.notes.some((n) => n.nodeIds.some((id) => ids.has(id)))) return report;
  return {
    ...report,
    notes: report.notes.map((n) =>
      n.nodeIds.some((id) => ids.has(id))
        ? { ...n, nodeIds: n.nodeIds.filter((id) => !ids.has(id)) }
        : n,
    ),
  };
}

/** Puts references back, one at a time in the given order. */
export function restoreNoteRefs(report: Report, refs: readonly NoteRef[]): EditResult<Report> {
  if (refs.length === 0) return { ok: true, value: report };
  const notes = report.notes.slice();
  for (const ref of refs) {
    const i = notes.findIndex((n) => n.id === ref.noteId);
    const note = notes[i];
    if (note === undefined) return refuse(notFound('note', ref.noteId));
    if (ref.index > note.nodeIds.length) {
      return refuse(indexOutOfRange(ref.noteId, ref.index, note.nodeIds.length));
    }
    const nodeIds = note.nodeIds.slice();
    nodeIds.splice(ref.index, 0, ref.nodeId);
    notes[i] = { ...note, nodeIds };
  }
  return { ok: true, value: { ...report, notes } };
}
