import type { ReadonlyReport } from '../model/readonly.js';
import { pureInput } from '../model/pure-input.js';
import type { Command } from './command-schema.js';
import { commandEffect, NOTE_FIELD } from './command-effect.js';
import { collectNoteRefs } from './note-refs.js';
import { indexReport, locatedNode, subtreeIds } from './tree.js';

/** The field of a `<id>/~` key: "needs the node to exist". */
export const EXISTS_FIELD = '~';

/** The key of one field of a node, or of its existence when `field` is absent. */
export function changeKey(id: string, field?: string): string {
  return field === undefined ? id : `${id}/${field}`;
}

/** The node id a change key is about (ids never contain a slash). */
export function nodeIdOfKey(key: string): string {
  const slash = key.indexOf('/');
  return slash === -1 ? key : key.slice(0, slash);
}

/** The field a change key writes: a field name, `~` (needs the node) or null (the node itself). */
export function fieldOfKey(key: string): string | null {
  const slash = key.indexOf('/');
  return slash === -1 ? null : key.slice(slash + 1);
}

/**
 * The keys of `mine` that conflict with `theirs`: equal keys (except two "needs it" keys), and
 * every key of a node the other side added or removed (edit vs. delete, either way).
 */
export function conflictingKeys(mine: readonly string[], theirs: readonly string[]): string[] {
  const exact = new Set(theirs);
  const nodes = new Set<string>();
  const bare = new Set<string>();
  for (const key of theirs) {
    nodes.add(nodeIdOfKey(key));
    if (fieldOfKey(key) === null) bare.add(key);
  }
  return mine.filter((key) => {
    const field = fieldOfKey(key);
    if (field === null) return nodes.has(key);
    if (bare.has(nodeIdOfKey(key))) return true;
    return field !== EXISTS_FIELD && exact.has(key);
  });
}

/**
 * What `command` changes on `report`, as change keys (see {@link conflictingKeys}), sorted:
 * `<id>` for a node added or removed (its whole subtree), `<id>/<field>` for a field written,
 * `<id>/~` for a node that must still exist (the parent of an add, edit or move, a note's
 * targets). A progress update is a node of its own, so concurrent updates never conflict.
 */
export function changeKeys(input: ReadonlyReport, command: Command): string[] {
  const report = pureInput(input);
  const index = indexReport(report);
  const keys = new Set<string>();
  const needs = (id: string | null | undefined): void => {
    if (id !== null && id !== undefined && id !== report.id) keys.add(changeKey(id, EXISTS_FIELD));
  };
  const parentOf = (id: string): string | null => index.get(id)?.parentId ?? null;
  const effect = commandEffect(report, command);
  switch (effect.kind) {
    case 'add':
      for (const id of subtreeIds(effect.list, effect.node)) keys.add(changeKey(id));
      needs(effect.parentId);
      for (const ref of effect.refs) keys.add(changeKey(ref.noteId, NOTE_FIELD));
      effect.needs.forEach(needs);
      break;
    case 'remove': {
      keys.add(changeKey(effect.id));
      const node = locatedNode(report, index.get(effect.id), effect.list);
      if (node === undefined) break;
      const subtree = subtreeIds(effect.list, node);
      for (const x of subtree) keys.add(changeKey(x));
      needs(parentOf(effect.id));
      for (const ref of collectNoteRefs(report, new Set(subtree)))
        keys.add(changeKey(ref.noteId, NOTE_FIELD));
      break;
    }
    case 'move':
      keys.add(changeKey(effect.id, 'position'));
      needs(parentOf(effect.id));
      needs(effect.toParentId);
      break;
    case 'edit':
      for (const field of effect.fields) keys.add(changeKey(effect.id, field));
      needs(parentOf(effect.id));
      effect.needs.forEach(needs);
      break;
  }
  return [...keys].sort();
}
