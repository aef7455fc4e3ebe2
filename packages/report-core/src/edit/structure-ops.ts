import type { Report } from '../model/report.js';
import type { EditResult } from './command-error.js';
import { duplicateId, indexOutOfRange, notFound, refuse, wrongKind } from './command-error.js';
import type { NoteRef } from './command-schema.js';
import { dropNoteRefs, restoreNoteRefs } from './note-refs.js';
import type { ListItemTypes, ListKind, Location } from './tree.js';
import { indexReport, readList, renumberChapters, subtreeIds, withList } from './tree.js';

export type Step = EditResult<Report>;
type Found<T> = EditResult<T>;

/** The kind of node that owns each list; null for the report's own lists. */
export const PARENT_KIND: Record<ListKind, ListKind | null> = {
  chapter: null,
  note: null,
  section: 'chapter',
  measure: 'section',
  indicator: 'measure',
  update: 'measure',
  observation: 'indicator',
  department: null,
};

/** The node `id`, which must be of `kind`. */
export function locate(
  index: ReadonlyMap<string, Location>,
  kind: ListKind,
  id: string,
): Found<Location> {
  const loc = index.get(id);
  if (loc === undefined) return refuse(notFound(kind, id));
  if (loc.kind !== kind) return refuse(wrongKind(id, kind, loc.kind));
  return { ok: true, value: loc };
}

/** The path of the list that holds `kind` nodes under `parentId` (null: the report itself). */
function listPath(
  index: ReadonlyMap<string, Location>,
  kind: ListKind,
  parentId: string | null,
): Found<readonly number[]> {
  const parentKind = PARENT_KIND[kind];
  if (parentKind === null || parentId === null) return { ok: true, value: [] };
  const parent = locate(index, parentKind, parentId);
  return parent.ok ? { ok: true, value: parent.value.path } : parent;
}

function finish(kind: ListKind, report: Report): Report {
  return kind === 'chapter' ? renumberChapters(report) : report;
}

/** Inserts `node` (and everything in it) under `parentId` at `index` (default: the end). */
export function addNode<K extends ListKind>(
  report: Report,
  add: {
    kind: K;
    parentId: string | null;
    node: ListItemTypes[K];
    index: number | undefined;
    refs: readonly NoteRef[] | undefined;
  },
): Step {
  const index = indexReport(report);
  const path = listPath(index, add.kind, add.parentId);
  if (!path.ok) return path;
  const fresh = new Set<string>();
  for (const id of subtreeIds(add.kind, add.node)) {
    if (index.has(id) || fresh.has(id)) return refuse(duplicateId(id));
    fresh.add(id);
  }
  const list = readList(report, add.kind, path.value);
  const at = add.index ?? list.length;
  if (at > list.length) return refuse(indexOutOfRange(add.parentId ?? report.id, at, list.length));
  const inserted = withList(report, add.kind, path.value, (l) => [
    ...l.slice(0, at),
    add.node,
    ...l.slice(at),
  ]);
  const restored = restoreNoteRefs(inserted, add.refs ?? []);
  return restored.ok ? { ok: true, value: finish(add.kind, restored.value) } : restored;
}

/** Removes the node `id` with everything in it, and every note reference to any of them. */
export function removeNode(report: Report, kind: ListKind, id: string): Step {
  const loc = locate(indexReport(report), kind, id);
  if (!loc.ok) return loc;
  const parentPath = loc.value.path.slice(0, -1);
  const at = loc.value.path[loc.value.path.length - 1] ?? -1;
  const node = readList(report, kind, parentPath)[at];
  if (node === undefined) return refuse(notFound(kind, id));
  const removed = withList(report, kind, parentPath, (l) => l.filter((_, i) => i !== at));
  return { ok: true, value: finish(kind, dropNoteRefs(removed, new Set(subtreeIds(kind, node)))) };
}

/** Moves the node `id` to position `toIndex` of the list under `toParentId` (null: same parent). */
export function moveNode(
  report: Report,
  kind: ListKind,
  id: string,
  toParentId: string | null,
  toIndex: number,
): Step {
  const index = indexReport(report);
  const loc = locate(index, kind, id);
  if (!loc.ok) return loc;
  const fromPath = loc.value.path.slice(0, -1);
  const at = loc.value.path[loc.value.path.length - 1] ?? -1;
  const node = readList(report, kind, fromPath)[at];
  if (node === undefined) return refuse(notFound(kind, id));
  const toPath =
    toParentId === null
      ? { ok: true as const, value: fromPath }
      : listPath(index, kind, toParentId);
  if (!toPath.ok) return toPath;
  // Taking the node out never shifts the destination's ancestors: they sit in other lists.
  const without = withList(report, kind, fromPath, (l) => l.filter((_, i) => i !== at));
  const dest = readList(without, kind, toPath.value);
  if (toIndex > dest.length)
    return refuse(
      indexOutOfRange(toParentId ?? loc.value.parentId ?? report.id, toIndex, dest.length),
    );
  const moved = withList(without, kind, toPath.value, (l) => [
    ...l.slice(0, toIndex),
    node,
    ...l.slice(toIndex),
  ]);
  return { ok: true, value: finish(kind, moved) };
}
