import type { ReadonlyReport } from '../model/readonly.js';
import { pureInput } from '../model/pure-input.js';
import type { Command } from './command-schema.js';
import { commandEffect } from './command-effect.js';
import { collectNoteRefs } from './note-refs.js';
import { indexReport, locatedNode, subtreeIds } from './tree.js';

/**
 * The ids a command changes on `report`, for conflict detection: the node, everything inside
 * an added or removed node, the parents whose child lists change, and notes whose references
 * change. Lists owned by the report itself (chapters, notes) and the metadata count as the
 * report's id. Chapters merely renumbered by a chapter add/remove/move are not listed: their
 * number is derived, so concurrent edits to them do not conflict.
 */
export function touchedNodeIds(input: ReadonlyReport, command: Command): string[] {
  const report = pureInput(input);
  const index = indexReport(report);
  const ids = new Set<string>();
  const parentOf = (id: string): string => index.get(id)?.parentId ?? report.id;
  const effect = commandEffect(report, command);
  switch (effect.kind) {
    case 'add':
      for (const id of subtreeIds(effect.list, effect.node)) ids.add(id);
      ids.add(effect.parentId ?? report.id);
      for (const ref of effect.refs) ids.add(ref.noteId);
      break;
    case 'remove': {
      ids.add(effect.id);
      const node = locatedNode(report, index.get(effect.id), effect.list);
      if (node === undefined) break;
      const subtree = subtreeIds(effect.list, node);
      for (const x of subtree) ids.add(x);
      ids.add(parentOf(effect.id));
      for (const ref of collectNoteRefs(report, new Set(subtree))) ids.add(ref.noteId);
      break;
    }
    case 'move':
      ids
        .add(effect.id)
        .add(parentOf(effect.id))
        .add(effect.toParentId ?? parentOf(effect.id));
      break;
    case 'edit':
      ids.add(effect.id);
      break;
  }
  return [...ids];
}
