import type { Report } from '../model/report.js';
import type { Command, NoteRef } from './command-schema.js';
import { collectNoteRefs } from './note-refs.js';
import type { ListItemTypes, ListKind } from './tree.js';
import { indexReport, readList, subtreeIds } from './tree.js';

/**
 * The ids a command changes on `report`, for conflict detection: the node, everything inside
 * an added or removed node, the parents whose child lists change, and notes whose references
 * change. Lists owned by the report itself (chapters, notes) and the metadata count as the
 * report's id. Chapters merely renumbered by a chapter add/remove/move are not listed: their
 * number is derived, so concurrent edits to them do not conflict.
 */
export function touchedNodeIds(report: Report, command: Command): string[] {
  const index = indexReport(report);
  const ids = new Set<string>();
  const parentOf = (id: string): string => index.get(id)?.parentId ?? report.id;
  const added = (
    kind: ListKind,
    node: ListItemTypes[ListKind],
    parentId: string,
    refs: readonly NoteRef[] | undefined,
  ): void => {
    for (const id of subtreeIds(kind, node)) ids.add(id);
    ids.add(parentId);
    for (const ref of refs ?? []) ids.add(ref.noteId);
  };
  const removed = (kind: ListKind, id: string): void => {
    ids.add(id);
    const loc = index.get(id);
    if (loc?.kind !== kind) return;
    const node = readList(report, kind, loc.path.slice(0, -1))[loc.path[loc.path.length - 1] ?? -1];
    if (node === undefined) return;
    const subtree = subtreeIds(kind, node);
    for (const x of subtree) ids.add(x);
    ids.add(loc.parentId ?? report.id);
    for (const ref of collectNoteRefs(report, new Set(subtree))) ids.add(ref.noteId);
  };
  const moved = (id: string, toParentId: string): void => {
    ids.add(id).add(parentOf(id)).add(toParentId);
  };
  switch (command.type) {
    case 'chapter.add':
      added('chapter', command.chapter, report.id, command.restoreNoteRefs);
      break;
    case 'section.add':
      added('section', command.section, command.chapterId, command.restoreNoteRefs);
      break;
    case 'measure.add':
      added('measure', command.measure, command.sectionId, command.restoreNoteRefs);
      break;
    case 'indicator.add':
      added('indicator', command.indicator, command.measureId, command.restoreNoteRefs);
      break;
    case 'progress.add':
      added('update', command.update, command.measureId, command.restoreNoteRefs);
      break;
    case 'note.add':
      added('note', command.note, report.id, command.restoreNoteRefs);
      break;
    case 'chapter.remove':
      removed('chapter', command.id);
      break;
    case 'section.remove':
      removed('section', command.id);
      break;
    case 'measure.remove':
      removed('measure', command.id);
      break;
    case 'indicator.remove':
      removed('indicator', command.id);
      break;
    case 'progress.remove':
      removed('update', command.id);
      break;
    case 'note.remove':
      removed('note', command.id);
      break;
    case 'chapter.move':
    case 'indicator.move':
      moved(command.id, parentOf(command.id));
      break;
    case 'section.move':
      moved(command.id, command.toChapterId);
      break;
    case 'measure.move':
      moved(command.id, command.toSectionId);
      break;
    case 'chapter.update':
    case 'section.update':
    case 'measure.update':
    case 'indicator.update':
    case 'note.update':
    case 'goal.update':
      ids.add(command.id);
      break;
    case 'tracking.set':
      ids.add(command.measureId);
      break;
    case 'ideology.update':
      ids.add(report.ideology.id);
      break;
    case 'meta.update':
      ids.add(report.id);
      break;
  }
  return [...ids];
}
