import type { Indicator } from '../model/indicator.js';
import type { ReadonlyReport } from '../model/readonly.js';
import { pureInput } from '../model/pure-input.js';
import type { Chapter, Measure, Report, Section } from '../model/report.js';
import { jsonEqual } from './collect-nodes.js';
import type { Command, NoteRef } from './command-schema.js';
import { collectNoteRefs } from './note-refs.js';
import type { ListItemTypes, ListKind, Location } from './tree.js';
import { indexReport, locatedNode, readList, subtreeIds, withOptionalList } from './tree.js';

type Index = ReadonlyMap<string, Location>;

/** A node without the children that already exist in `current` (re-adding them would clash). */
function prune<K extends ListKind>(kind: K, node: ListItemTypes[K], has: Index): ListItemTypes[K] {
  const indicator = (i: Indicator): Indicator =>
    withOptionalList(
      i,
      'observations',
      (i.observations ?? []).filter((o) => !has.has(o.id)),
    );
  const measure = (m: Measure): Measure => ({
    ...m,
    indicators: m.indicators.filter((i) => !has.has(i.id)).map(indicator),
    tracking: { ...m.tracking, updates: m.tracking.updates.filter((u) => !has.has(u.id)) },
  });
  const section = (s: Section): Section => ({
    ...s,
    measures: s.measures.filter((m) => !has.has(m.id)).map(measure),
  });
  if (kind === 'indicator') return indicator(node as Indicator) as ListItemTypes[K];
  if (kind === 'measure') return measure(node as Measure) as ListItemTypes[K];
  if (kind === 'section') return section(node as Section) as ListItemTypes[K];
  if (kind === 'chapter') {
    const chapter = node as Chapter;
    const sections = chapter.sections.filter((s) => !has.has(s.id)).map(section);
    return { ...chapter, sections } as ListItemTypes[K];
  }
  return node;
}

/** Where to put back a node: just after the nearest earlier sibling that is still there. */
function insertIndex(
  fromList: readonly { id: string }[],
  currentList: readonly { id: string }[],
  id: string,
): number {
  const at = fromList.findIndex((n) => n.id === id);
  for (let i = at - 1; i >= 0; i -= 1) {
    const j = currentList.findIndex((n) => n.id === fromList[i]?.id);
    if (j !== -1) return j + 1;
  }
  return 0;
}

/** The note references `from` had to the re-added ids, for notes still in `current`. */
function refsBack(current: Report, from: Report, ids: readonly string[], has: Index): NoteRef[] {
  const lengths = new Map(current.notes.map((n) => [n.id, n.nodeIds.length]));
  return collectNoteRefs(from, new Set(ids)).flatMap((ref) => {
    const length = lengths.get(ref.noteId);
    if (length === undefined || has.get(ref.noteId)?.kind !== 'note') return [];
    lengths.set(ref.noteId, length + 1);
    return [{ ...ref, index: Math.min(ref.index, length) }];
  });
}

function reAdd(current: Report, from: Report, loc: Location, has: Index): Command[] {
  const kind = loc.kind as ListKind;
  const original = locatedNode(from, loc, kind);
  if (original === undefined) return [];
  const parentId = loc.parentId;
  // A node whose parent is gone too comes back with its parent.
  if (parentId !== null && !has.has(parentId)) return restoreNodeCommands(current, from, parentId);
  const node = prune(kind, original, has);
  const parentPath = parentId === null ? [] : (has.get(parentId)?.path ?? []);
  const index = insertIndex(
    readList(from, kind, loc.path.slice(0, -1)),
    readList(current, kind, parentPath),
    loc.id,
  );
  const refs = refsBack(current, from, subtreeIds(kind, node), has);
  const restore = refs.length === 0 ? {} : { restoreNoteRefs: refs };
  const parent = parentId ?? current.id;
  switch (kind) {
    case 'chapter':
      return [{ type: 'chapter.add', chapter: node as Chapter, index, ...restore }];
    case 'section':
      return [
        { type: 'section.add', chapterId: parent, section: node as Section, index, ...restore },
      ];
    case 'measure':
      return [
        { type: 'measure.add', sectionId: parent, measure: node as Measure, index, ...restore },
      ];
    case 'indicator':
      return [
        {
          type: 'indicator.add',
          measureId: parent,
          indicator: node as Indicator,
          index,
          ...restore,
        },
      ];
    case 'update':
      return [
        {
          type: 'progress.add',
          measureId: parent,
          update: node as ListItemTypes['update'],
          index,
          ...restore,
        },
      ];
    case 'note': {
      const note = node as ListItemTypes['note'];
      const nodeIds = note.nodeIds.filter((id) => has.has(id));
      return [{ type: 'note.add', note: { ...note, nodeIds }, index, ...restore }];
    }
    case 'observation':
      return [
        {
          type: 'observation.add',
          indicatorId: parent,
          observation: node as ListItemTypes['observation'],
          index,
        },
      ];
    case 'department':
      return [{ type: 'department.add', department: node as ListItemTypes['department'], index }];
  }
}

const REMOVE = {
  chapter: 'chapter.remove',
  section: 'section.remove',
  measure: 'measure.remove',
  indicator: 'indicator.remove',
  update: 'progress.remove',
  note: 'note.remove',
  observation: 'observation.remove',
  department: 'department.remove',
} as const;

/** Every field of an indicator as a patch: absent optional fields become null (removed). */
function indicatorPatch(i: Indicator): CommandOfPatch<'indicator.update'> {
  return {
    metric: i.metric,
    value: i.value,
    unit: i.unit,
    comparator: i.comparator,
    raw: i.raw,
    aspirational: i.aspirational,
    baseline: i.baseline ?? null,
    commitment: i.commitment ?? null,
    kind: i.kind ?? null,
    upper: i.upper ?? null,
  };
}
type CommandOfPatch<T extends Command['type']> =
  Extract<Command, { type: T }> extends {
    patch: infer P;
  }
    ? P
    : never;

function measureCommands(
  current: Report,
  from: Report,
  now: Measure,
  was: Measure,
  has: Index,
): Command[] {
  const out: Command[] = [];
  const restore = (id: string): { restoreNoteRefs?: NoteRef[] } => {
    const refs = refsBack(current, from, [id], has);
    return refs.length === 0 ? {} : { restoreNoteRefs: refs };
  };
  const patch: { text?: string; places?: string[] } = {};
  if (now.text !== was.text) patch.text = was.text;
  if (!jsonEqual(now.places, was.places)) patch.places = was.places;
  if (Object.keys(patch).length > 0) out.push({ type: 'measure.update', id: now.id, patch });
  const wasIds = new Set(was.indicators.map((i) => i.id));
  for (const i of now.indicators)
    if (!wasIds.has(i.id)) out.push({ type: 'indicator.remove', id: i.id });
  const order: string[] = now.indicators.filter((i) => wasIds.has(i.id)).map((i) => i.id);
  for (const i of was.indicators) {
    const mine = now.indicators.find((x) => x.id === i.id);
    if (mine !== undefined) {
      if (!jsonEqual(mine, i))
        out.push({ type: 'indicator.update', id: i.id, patch: indicatorPatch(i) });
    } else if (!has.has(i.id)) {
      out.push({ type: 'indicator.add', measureId: now.id, indicator: i, ...restore(i.id) });
      order.push(i.id);
    }
  }
  // Put the indicators back in their old order.
  was.indicators
    .map((i) => i.id)
    .filter((id) => order.includes(id))
    .forEach((id, toIndex) => {
      if (order[toIndex] === id) return;
      order.splice(order.indexOf(id), 1);
      order.splice(toIndex, 0, id);
      out.push({ type: 'indicator.move', id, toIndex });
    });
  const wasUpdates = new Map(was.tracking.updates.map((u) => [u.id, u]));
  for (const u of now.tracking.updates)
    if (!jsonEqual(wasUpdates.get(u.id), u)) out.push({ type: 'progress.remove', id: u.id });
  const nowUpdates = new Map(now.tracking.updates.map((u) => [u.id, u]));
  for (const u of was.tracking.updates) {
    if (jsonEqual(nowUpdates.get(u.id), u) || (has.has(u.id) && !nowUpdates.has(u.id))) continue;
    out.push({ type: 'progress.add', measureId: now.id, update: u, ...restore(u.id) });
  }
  return out;
}

/**
 * The commands that make node `id` in `current` as it is in `from`, for applyCommands: a deleted
 * node is re-added (with what is inside it and the note references it had, just after its nearest
 * earlier sibling; with its parent if that is gone too); a node `from` lacks is removed; an
 * existing one gets its own fields back (a measure: text, places, indicators and progress updates).
 * Children that now exist elsewhere stay where they are. Empty when the node is already equal.
 */
export function restoreNodeCommands(
  currentInput: ReadonlyReport,
  fromInput: ReadonlyReport,
  id: string,
): Command[] {
  const current = pureInput(currentInput);
  const from = pureInput(fromInput);
  const has = indexReport(current);
  const had = indexReport(from);
  const was = had.get(id);
  const now = has.get(id);
  if (id === current.id && id === from.id) {
    const patch = {
      title: from.meta.title,
      subtitle: from.meta.subtitle ?? null,
      scope: from.meta.scope,
      issuer: from.meta.issuer,
      period: from.meta.period,
    };
    const changed = Object.entries(patch).some(
      ([k, v]) => !jsonEqual((current.meta as Record<string, unknown>)[k] ?? null, v),
    );
    return changed ? [{ type: 'meta.update', patch }] : [];
  }
  if (was === undefined) {
    if (now === undefined || !(now.kind in REMOVE)) return [];
    return [{ type: REMOVE[now.kind as ListKind], id }];
  }
  if (now === undefined) return was.kind in REMOVE ? reAdd(current, from, was, has) : [];
  switch (was.kind) {
    case 'goal': {
      const a = current.goals.find((g) => g.id === id);
      const b = from.goals.find((g) => g.id === id);
      if (a === undefined || b === undefined || jsonEqual(a, b)) return [];
      return [{ type: 'goal.update', id, patch: { subject: b.subject, target: b.target } }];
    }
    case 'ideology':
      return current.ideology.text === from.ideology.text
        ? []
        : [{ type: 'ideology.update', patch: { text: from.ideology.text } }];
    case 'place':
      return [];
    case 'chapter':
    case 'section':
    case 'measure':
    case 'indicator':
    case 'update':
    case 'note':
    case 'observation':
    case 'department':
      return fieldCommands(current, from, was, now, has);
  }
}

function fieldCommands(
  current: Report,
  from: Report,
  was: Location,
  now: Location,
  has: Index,
): Command[] {
  const kind = was.kind as ListKind;
  const b = locatedNode(from, was, kind);
  const a = locatedNode(current, now, kind);
  if (a === undefined || b === undefined || now.kind !== was.kind || jsonEqual(a, b)) return [];
  switch (kind) {
    case 'chapter':
    case 'section': {
      const title = (b as Chapter | Section).title;
      if ((a as Chapter | Section).title === title) return [];
      return [
        {
          type: kind === 'chapter' ? 'chapter.update' : 'section.update',
          id: a.id,
          patch: { title },
        },
      ];
    }
    case 'measure':
      return measureCommands(current, from, a as Measure, b as Measure, has);
    case 'indicator':
      return [{ type: 'indicator.update', id: a.id, patch: indicatorPatch(b as Indicator) }];
    case 'update':
      return [
        { type: 'progress.remove', id: a.id },
        {
          type: 'progress.add',
          measureId: now.parentId ?? current.id,
          update: b as ListItemTypes['update'],
        },
      ];
    case 'note': {
      const note = b as ListItemTypes['note'];
      return [
        {
          type: 'note.update',
          id: a.id,
          patch: {
            kind: note.kind,
            status: note.status,
            nodeIds: note.nodeIds.filter((x) => has.has(x)),
            sourceLines: note.sourceLines,
            removedText: note.removedText ?? null,
            originalText: note.originalText ?? null,
            correctedText: note.correctedText ?? null,
            reasoning: note.reasoning,
          },
        },
      ];
    }
    case 'observation': {
      const o = b as ListItemTypes['observation'];
      return [
        {
          type: 'observation.update',
          id: a.id,
          patch: {
            date: o.date,
            value: o.value,
            basis: o.basis ?? null,
            source: o.source,
            note: o.note ?? null,
          },
        },
      ];
    }
    case 'department':
      return [
        {
          type: 'department.update',
          id: a.id,
          patch: { name: (b as ListItemTypes['department']).name },
        },
      ];
  }
}
