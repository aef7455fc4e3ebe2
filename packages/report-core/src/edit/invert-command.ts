import type { Report } from '../model/report.js';
import type { ReadonlyReport } from '../model/readonly.js';
import { pureInput } from '../model/pure-input.js';
import { applyStep } from './apply-step.js';
import type { Command, NoteRef } from './command-schema.js';
import { latestStatusUpdate } from '../model/tracking-rules.js';
import { invertPatch } from './field-ops.js';
import { collectNoteRefs } from './note-refs.js';
import { REMOVABLE_FIELDS } from './patch-schemas.js';
import type { ListItemTypes, ListKind, Location } from './tree.js';
import { indexReport, readList, subtreeIds } from './tree.js';

/** Undoing a command that did not apply changes nothing: an empty metadata patch. */
const NOTHING: Command = { type: 'meta.update', patch: {} };

interface Held<K extends ListKind> {
  node: ListItemTypes[K];
  loc: Location;
  index: number;
}

function held<K extends ListKind>(
  report: Report,
  index: ReadonlyMap<string, Location>,
  kind: K,
  id: string,
): Held<K> | undefined {
  const loc = index.get(id);
  if (loc?.kind !== kind) return undefined;
  const at = loc.path[loc.path.length - 1] ?? -1;
  const node = readList(report, kind, loc.path.slice(0, -1))[at];
  return node === undefined ? undefined : { node, loc, index: at };
}

/** Note references a remove drops, so its inverse can put them back; absent when none. */
function refsFor(
  report: Report,
  kind: ListKind,
  node: ListItemTypes[ListKind],
): { restoreNoteRefs?: NoteRef[] } {
  const refs = collectNoteRefs(report, new Set(subtreeIds(kind, node)));
  return refs.length === 0 ? {} : { restoreNoteRefs: refs };
}

/**
 * The command that undoes `command` on `reportBefore`: applying `command` and then its inverse
 * gives back a report deep-equal to `reportBefore` (order, nulls and absent fields included).
 * A remove's inverse re-adds the whole node at its old index with the note references it
 * dropped. A command that does not apply to `reportBefore` gets a no-op inverse.
 */
export function invertCommand(reportBefore: ReadonlyReport, command: Command): Command {
  const r = pureInput(reportBefore);
  const index = indexReport(r);
  const parentId = (loc: Location): string => loc.parentId ?? r.id;
  switch (command.type) {
    case 'chapter.add':
      return { type: 'chapter.remove', id: command.chapter.id };
    case 'section.add':
      return { type: 'section.remove', id: command.section.id };
    case 'measure.add':
      return { type: 'measure.remove', id: command.measure.id };
    case 'indicator.add':
      return { type: 'indicator.remove', id: command.indicator.id };
    case 'progress.add': {
      // The first update that reports a status replaces the measure's own state: give it back.
      const m = held(r, index, 'measure', command.measureId);
      const own = m && latestStatusUpdate(m.node.tracking.updates) === undefined;
      const { status, progress } = m?.node.tracking ?? { status: null, progress: null };
      return own && command.update.status !== undefined && (status !== null || progress !== null)
        ? { type: 'progress.remove', id: command.update.id, restoreTracking: { status, progress } }
        : { type: 'progress.remove', id: command.update.id };
    }
    case 'note.add':
      return { type: 'note.remove', id: command.note.id };
    case 'observation.add':
      return { type: 'observation.remove', id: command.observation.id };
    case 'department.add':
      return { type: 'department.remove', id: command.department.id };
    case 'observation.remove': {
      const h = held(r, index, 'observation', command.id);
      return h
        ? {
            type: 'observation.add',
            indicatorId: parentId(h.loc),
            observation: h.node,
            index: h.index,
          }
        : NOTHING;
    }
    case 'department.remove': {
      const h = held(r, index, 'department', command.id);
      return h ? { type: 'department.add', department: h.node, index: h.index } : NOTHING;
    }
    case 'observation.update': {
      const h = held(r, index, 'observation', command.id);
      return h
        ? { ...command, patch: invertPatch(h.node, command.patch, REMOVABLE_FIELDS.observation) }
        : NOTHING;
    }
    case 'department.update': {
      const h = held(r, index, 'department', command.id);
      return h ? { ...command, patch: invertPatch(h.node, command.patch) } : NOTHING;
    }
    case 'baseline.set': {
      const baseline = held(r, index, 'indicator', command.indicatorId)?.node.baseline;
      return baseline ? { ...command, observation: baseline.observation ?? null } : NOTHING;
    }
    case 'responsibility.set': {
      const h = held(r, index, 'measure', command.measureId);
      return h ? { ...command, responsibility: h.node.responsibility ?? null } : NOTHING;
    }
    case 'chapter.remove': {
      const h = held(r, index, 'chapter', command.id);
      return h
        ? { type: 'chapter.add', chapter: h.node, index: h.index, ...refsFor(r, 'chapter', h.node) }
        : NOTHING;
    }
    case 'section.remove': {
      const h = held(r, index, 'section', command.id);
      return h
        ? {
            type: 'section.add',
            chapterId: parentId(h.loc),
            section: h.node,
            index: h.index,
            ...refsFor(r, 'section', h.node),
          }
        : NOTHING;
    }
    case 'measure.remove': {
      const h = held(r, index, 'measure', command.id);
      return h
        ? {
            type: 'measure.add',
            sectionId: parentId(h.loc),
            measure: h.node,
            index: h.index,
            ...refsFor(r, 'measure', h.node),
          }
        : NOTHING;
    }
    case 'indicator.remove': {
      const h = held(r, index, 'indicator', command.id);
      return h
        ? {
            type: 'indicator.add',
            measureId: parentId(h.loc),
            indicator: h.node,
            index: h.index,
            ...refsFor(r, 'indicator', h.node),
          }
        : NOTHING;
    }
    case 'progress.remove': {
      const h = held(r, index, 'update', command.id);
      return h
        ? {
            type: 'progress.add',
            measureId: parentId(h.loc),
            update: h.node,
            index: h.index,
            ...refsFor(r, 'update', h.node),
          }
        : NOTHING;
    }
    case 'note.remove': {
      const h = held(r, index, 'note', command.id);
      return h
        ? { type: 'note.add', note: h.node, index: h.index, ...refsFor(r, 'note', h.node) }
        : NOTHING;
    }
    case 'chapter.move': {
      const h = held(r, index, 'chapter', command.id);
      return h ? { type: 'chapter.move', id: command.id, toIndex: h.index } : NOTHING;
    }
    case 'section.move': {
      const h = held(r, index, 'section', command.id);
      return h
        ? { type: 'section.move', id: command.id, toChapterId: parentId(h.loc), toIndex: h.index }
        : NOTHING;
    }
    case 'measure.move': {
      const h = held(r, index, 'measure', command.id);
      return h
        ? { type: 'measure.move', id: command.id, toSectionId: parentId(h.loc), toIndex: h.index }
        : NOTHING;
    }
    case 'indicator.move': {
      const h = held(r, index, 'indicator', command.id);
      return h ? { type: 'indicator.move', id: command.id, toIndex: h.index } : NOTHING;
    }
    case 'chapter.update': {
      const h = held(r, index, 'chapter', command.id);
      return h ? { ...command, patch: invertPatch(h.node, command.patch) } : NOTHING;
    }
    case 'section.update': {
      const h = held(r, index, 'section', command.id);
      return h ? { ...command, patch: invertPatch(h.node, command.patch) } : NOTHING;
    }
    case 'measure.update': {
      const h = held(r, index, 'measure', command.id);
      return h ? { ...command, patch: invertPatch(h.node, command.patch) } : NOTHING;
    }
    case 'indicator.update': {
      const h = held(r, index, 'indicator', command.id);
      return h
        ? { ...command, patch: invertPatch(h.node, command.patch, REMOVABLE_FIELDS.indicator) }
        : NOTHING;
    }
    case 'note.update': {
      const h = held(r, index, 'note', command.id);
      return h
        ? { ...command, patch: invertPatch(h.node, command.patch, REMOVABLE_FIELDS.note) }
        : NOTHING;
    }
    case 'tracking.set': {
      const h = held(r, index, 'measure', command.measureId);
      if (!h) return NOTHING;
      return {
        type: 'tracking.set',
        measureId: command.measureId,
        // Both fields: a progress alone may have implied a status.
        status: h.node.tracking.status,
        progress: h.node.tracking.progress,
      };
    }
    case 'goal.update': {
      const goal = r.goals.find((g) => g.id === command.id);
      return goal ? { ...command, patch: invertPatch(goal, command.patch) } : NOTHING;
    }
    case 'ideology.update':
      return { ...command, patch: invertPatch(r.ideology, command.patch) };
    case 'meta.update':
      return { ...command, patch: invertPatch(r.meta, command.patch, REMOVABLE_FIELDS.meta) };
  }
}

/**
 * The commands that undo a batch, in the order to apply them (the last command's inverse
 * first); apply them with applyCommands. Stops at the first command that does not apply.
 */
export function invertCommands(
  reportBefore: ReadonlyReport,
  commands: readonly Command[],
): Command[] {
  const inverses: Command[] = [];
  let current = pureInput(reportBefore);
  for (const command of commands) {
    const step = applyStep(current, command);
    if (!step.ok) break;
    inverses.push(invertCommand(current, command));
    current = step.value;
  }
  return inverses.reverse();
}
