import type { Report } from '../model/report.js';
import type { Command, NoteRef } from './command-schema.js';
import { namedDepartments } from './follow-up-ops.js';
import type { ListItemTypes, ListKind } from './tree.js';

/** What a command does, in the few shapes conflict keys and touched ids are derived from. */
export type CommandEffect =
  | {
      kind: 'add';
      list: ListKind;
      node: ListItemTypes[ListKind];
      /** null: a list of the report itself (chapters, notes). */
      parentId: string | null;
      refs: readonly NoteRef[];
      /** Nodes the added node refers to (a note's nodeIds). */
      needs: readonly string[];
    }
  | { kind: 'remove'; list: ListKind; id: string }
  | { kind: 'move'; id: string; toParentId: string | null }
  | { kind: 'edit'; id: string; fields: readonly string[]; needs: readonly string[] };

/** Fields of an indicator or a note are written as one: `value`, `body`. */
export const INDICATOR_FIELD = 'value';
export const NOTE_FIELD = 'body';
/** The field baseline.set writes on an indicator: its observed baseline value. */
export const BASELINE_VALUE_FIELD = 'baselineValue';
/** The field responsibility.set writes on a measure. */
export const RESPONSIBILITY_FIELD = 'responsibility';

const patched = (patch: object): string[] =>
  Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);

const add = (
  list: ListKind,
  node: ListItemTypes[ListKind],
  parentId: string | null,
  refs: readonly NoteRef[] | undefined,
  needs: readonly string[] = [],
): CommandEffect => ({ kind: 'add', list, node, parentId, refs: refs ?? [], needs });

const edit = (id: string, fields: readonly string[], needs: readonly string[] = []) =>
  ({ kind: 'edit', id, fields, needs }) as const;

const REMOVED_LIST = {
  'chapter.remove': 'chapter',
  'section.remove': 'section',
  'measure.remove': 'measure',
  'indicator.remove': 'indicator',
  'progress.remove': 'update',
  'note.remove': 'note',
  'observation.remove': 'observation',
  'department.remove': 'department',
} as const satisfies Record<string, ListKind>;

function updateIdsOf(report: Report, measureId: string): string[] {
  for (const chapter of report.chapters)
    for (const section of chapter.sections)
      for (const m of section.measures)
        if (m.id === measureId) return m.tracking.updates.map((u) => u.id);
  return [];
}

/** The effect of `c` on `report`, the one place that reads each command type's fields. */
export function commandEffect(report: Report, c: Command): CommandEffect {
  switch (c.type) {
    case 'chapter.add':
      return add('chapter', c.chapter, null, c.restoreNoteRefs);
    case 'section.add':
      return add('section', c.section, c.chapterId, c.restoreNoteRefs);
    case 'measure.add':
      return add('measure', c.measure, c.sectionId, c.restoreNoteRefs);
    case 'indicator.add':
      return add('indicator', c.indicator, c.measureId, c.restoreNoteRefs);
    case 'progress.add':
      return add('update', c.update, c.measureId, c.restoreNoteRefs);
    case 'note.add':
      return add('note', c.note, null, c.restoreNoteRefs, c.note.nodeIds);
    // Each observation is a node of its own: two editors recording values never conflict.
    case 'observation.add':
      return add('observation', c.observation, c.indicatorId, undefined);
    case 'department.add':
      return add('department', c.department, null, undefined);
    case 'chapter.remove':
    case 'section.remove':
    case 'measure.remove':
    case 'indicator.remove':
    case 'progress.remove':
    case 'note.remove':
    case 'observation.remove':
    case 'department.remove':
      return { kind: 'remove', list: REMOVED_LIST[c.type], id: c.id };
    case 'chapter.move':
    case 'indicator.move':
      return { kind: 'move', id: c.id, toParentId: null };
    case 'section.move':
      return { kind: 'move', id: c.id, toParentId: c.toChapterId };
    case 'measure.move':
      return { kind: 'move', id: c.id, toParentId: c.toSectionId };
    case 'chapter.update':
    case 'section.update':
    case 'measure.update':
    case 'goal.update':
    case 'observation.update':
    case 'department.update':
      return edit(c.id, patched(c.patch));
    case 'baseline.set':
      return edit(c.indicatorId, [BASELINE_VALUE_FIELD]);
    case 'responsibility.set':
      // The departments it names must stay: removing one of them meanwhile conflicts.
      return edit(
        c.measureId,
        [RESPONSIBILITY_FIELD],
        namedDepartments(c.responsibility ?? undefined),
      );
    case 'indicator.update':
      return edit(c.id, [INDICATOR_FIELD]);
    case 'note.update':
      return edit(c.id, [NOTE_FIELD], c.patch.nodeIds ?? []);
    case 'tracking.set':
      // A measure's own state holds only while its updates stay as they are (issue 13 point 6).
      return edit(c.measureId, ['tracking'], updateIdsOf(report, c.measureId));
    case 'ideology.update':
      return edit(report.ideology.id, patched(c.patch));
    case 'meta.update':
      return edit(report.id, patched(c.patch));
  }
}
