import type { Department, Observation } from '../model/follow-up.js';
import type { Indicator } from '../model/indicator.js';
import { pureInput } from '../model/pure-input.js';
import { sameIdsInOrder } from '../model/same-ids.js';
import type { ReadonlyReport } from '../model/readonly.js';
import type { EditorialNote } from '../model/note.js';
import type { Chapter, Measure, Report, Section } from '../model/report.js';
import type { ProgressUpdate } from '../model/tracking.js';

/** The lists of a report whose items commands add, remove and move. */
export interface ListItemTypes {
  chapter: Chapter;
  section: Section;
  measure: Measure;
  indicator: Indicator;
  update: ProgressUpdate;
  note: EditorialNote;
  observation: Observation;
  department: Department;
}
export type ListKind = keyof ListItemTypes;
export type LocatedKind = ListKind | 'goal' | 'ideology' | 'place';

/** Where a node sits: `path` holds the indices from the top list down to the node itself. */
export interface Location {
  kind: LocatedKind;
  id: string;
  parentId: string | null;
  path: readonly number[];
}

// Reports are never changed once made, so each is indexed once: an edit reads the index of the
// report it edits several times (its step, touched ids, change keys).
const indexes = new WeakMap<Report, ReadonlyMap<string, Location>>();

/** Every id of the report mapped to where it sits (the first holder wins if ids repeat). */
export function indexReport(report: Report): ReadonlyMap<string, Location> {
  const known = indexes.get(report);
  if (known !== undefined) return known;
  const index = new Map<string, Location>();
  const put = (loc: Location): void => {
    if (!index.has(loc.id)) index.set(loc.id, loc);
  };
  report.goals.forEach((g, i) => put({ kind: 'goal', id: g.id, parentId: null, path: [i] }));
  put({ kind: 'ideology', id: report.ideology.id, parentId: null, path: [] });
  report.chapters.forEach((chapter, c) => {
    put({ kind: 'chapter', id: chapter.id, parentId: null, path: [c] });
    chapter.sections.forEach((section, s) => {
      put({ kind: 'section', id: section.id, parentId: chapter.id, path: [c, s] });
      section.measures.forEach((measure, m) => {
        put({ kind: 'measure', id: measure.id, parentId: section.id, path: [c, s, m] });
        measure.indicators.forEach((ind, k) => {
          put({ kind: 'indicator', id: ind.id, parentId: measure.id, path: [c, s, m, k] });
          (ind.observations ?? []).forEach((o, n) =>
            put({ kind: 'observation', id: o.id, parentId: ind.id, path: [c, s, m, k, n] }),
          );
        });
        measure.tracking.updates.forEach((u, k) =>
          put({ kind: 'update', id: u.id, parentId: measure.id, path: [c, s, m, k] }),
        );
      });
    });
  });
  report.places.forEach((p, i) => put({ kind: 'place', id: p.id, parentId: null, path: [i] }));
  report.notes.forEach((n, i) => put({ kind: 'note', id: n.id, parentId: null, path: [i] }));
  (report.departments ?? []).forEach((d, i) =>
    put({ kind: 'department', id: d.id, parentId: null, path: [i] }),
  );
  indexes.set(report, index);
  return index;
}

/**
 * Whether `after` has every id of `before` where `before` has it (and no other): then their
 * indexes (indexReport) are equal. Walks only what the reports do not share: the path of an
 * edit, not the whole report.
 */
function sameLayout(before: Report, after: Report): boolean {
  if (
    before.ideology.id !== after.ideology.id ||
    !sameIdsInOrder(before.goals, after.goals) ||
    !sameIdsInOrder(before.places, after.places) ||
    !sameIdsInOrder(before.notes, after.notes) ||
    !sameIdsInOrder(before.departments, after.departments) ||
    !sameIdsInOrder(before.chapters, after.chapters)
  )
    return false;
  return after.chapters.every((chapter, c) => {
    const was = before.chapters[c];
    if (chapter === was) return true;
    if (was === undefined || !sameIdsInOrder(was.sections, chapter.sections)) return false;
    return chapter.sections.every((section, s) => {
      const wasSection = was.sections[s];
      if (section === wasSection) return true;
      if (wasSection === undefined || !sameIdsInOrder(wasSection.measures, section.measures))
        return false;
      return section.measures.every((measure, m) => {
        const wasMeasure = wasSection.measures[m];
        if (measure === wasMeasure) return true;
        if (
          wasMeasure === undefined ||
          !sameIdsInOrder(wasMeasure.tracking.updates, measure.tracking.updates) ||
          !sameIdsInOrder(wasMeasure.indicators, measure.indicators)
        )
          return false;
        return measure.indicators.every(
          (ind, k) =>
            ind === wasMeasure.indicators[k] ||
            sameIdsInOrder(wasMeasure.indicators[k]?.observations, ind.observations),
        );
      });
    });
  });
}

/**
 * Gives `after` the index of `before` when an edit moved, added and removed nothing (most edits:
 * a text, a status, a value), so it is not built again for every save (issue 13).
 */
export function carryIndex(before: Report, after: Report): void {
  const known = indexes.get(before);
  if (known === undefined || indexes.has(after) || !sameLayout(before, after)) return;
  indexes.set(after, known);
}

function at<T>(list: readonly T[], i: number | undefined): T {
  const item = i === undefined ? undefined : list[i];
  // Invariant: a location always comes from the same report, so a missing index is a bug; the
  // caller's safety net (applyCommand's) turns the throw into an error result.
  if (item === undefined) throw new RangeError(`no item at ${String(i)}`);
  return item;
}

function mapAt<T>(list: readonly T[], i: number | undefined, f: (item: T) => T): T[] {
  const copy = list.slice();
  copy[i ?? -1] = f(at(list, i));
  return copy;
}

type ListFn<K extends ListKind> = (list: readonly ListItemTypes[K][]) => ListItemTypes[K][];

/**
 * Replaces one list of the report with f(list), copying only the nodes on the way down
 * (structural sharing). `parentPath` is the path of the list's owner: [] for chapters and
 * notes, [c] for sections, [c, s] for measures, [c, s, m] for indicators and updates, [c, s, m, k] for an indicator's
 * observations, [] for departments.
 */
export function withList<K extends ListKind>(
  report: Report,
  kind: K,
  parentPath: readonly number[],
  f: ListFn<K>,
): Report {
  const [c, s, , k] = parentPath;
  const writers: { [L in ListKind]: (g: ListFn<L>) => Report } = {
    chapter: (g) => ({ ...report, chapters: g(report.chapters) }),
    note: (g) => ({ ...report, notes: g(report.notes) }),
    section: (g) => withChapter(report, c, (ch) => ({ ...ch, sections: g(ch.sections) })),
    measure: (g) => withSection(report, c, s, (sec) => ({ ...sec, measures: g(sec.measures) })),
    indicator: (g) =>
      withMeasure(report, parentPath, (me) => ({ ...me, indicators: g(me.indicators) })),
    update: (g) =>
      withMeasure(report, parentPath, (me) => ({
        ...me,
        tracking: { ...me.tracking, updates: g(me.tracking.updates) },
      })),
    // Optional lists: an emptied list loses its key, so an unchanged report keeps its hash.
    observation: (g) =>
      withMeasure(report, parentPath, (me) => ({
        ...me,
        indicators: mapAt(me.indicators, k, (ind) =>
          withOptionalList(ind, 'observations', g(ind.observations ?? [])),
        ),
      })),
    department: (g) => withOptionalList(report, 'departments', g(report.departments ?? [])),
  };
  return writers[kind](f);
}

/** The items of one list, addressed like withList. */
export function readList<K extends ListKind>(
  report: Report,
  kind: K,
  parentPath: readonly number[],
): readonly ListItemTypes[K][] {
  const [c, s, m, k] = parentPath;
  const measure = (): Measure => at(at(at(report.chapters, c).sections, s).measures, m);
  const lists: { [L in ListKind]: () => readonly ListItemTypes[L][] } = {
    chapter: () => report.chapters,
    note: () => report.notes,
    section: () => at(report.chapters, c).sections,
    measure: () => at(at(report.chapters, c).sections, s).measures,
    indicator: () => measure().indicators,
    update: () => measure().tracking.updates,
    observation: () => at(measure().indicators, k).observations ?? [],
    department: () => report.departments ?? [],
  };
  return lists[kind]();
}

/** `node` with its optional list `key` set to `list`, or without the key when `list` is empty. */
export function withOptionalList<T extends object, K extends keyof T & string>(
  node: T,
  key: K,
  list: T[K] & readonly unknown[],
): T {
  if (list.length > 0) return { ...node, [key]: list };
  const { [key]: _dropped, ...rest } = node;
  return rest as T;
}

function withChapter(report: Report, c: number | undefined, f: (ch: Chapter) => Chapter): Report {
  return { ...report, chapters: mapAt(report.chapters, c, f) };
}

function withSection(
  report: Report,
  c: number | undefined,
  s: number | undefined,
  f: (sec: Section) => Section,
): Report {
  return withChapter(report, c, (ch) => ({ ...ch, sections: mapAt(ch.sections, s, f) }));
}

/** Replaces the measure at path [c, s, m] with f(measure). */
export function withMeasure(
  report: Report,
  path: readonly number[],
  f: (me: Measure) => Measure,
): Report {
  const [c, s, m] = path;
  return withSection(report, c, s, (sec) => ({ ...sec, measures: mapAt(sec.measures, m, f) }));
}

/** Replaces the item at the end of `path` in its list with f(item). */
export function withItem<K extends ListKind>(
  report: Report,
  kind: K,
  path: readonly number[],
  f: (item: ListItemTypes[K]) => ListItemTypes[K],
): Report {
  return withList(report, kind, path.slice(0, -1), (list) => mapAt(list, path[path.length - 1], f));
}

/** Chapters renumbered 1..n, copying only those whose number changes. */
export function renumberChapters(report: Report): Report {
  if (report.chapters.every((ch, i) => ch.number === i + 1)) return report;
  return {
    ...report,
    chapters: report.chapters.map((ch, i) => (ch.number === i + 1 ? ch : { ...ch, number: i + 1 })),
  };
}

/** The ids of a node and everything inside it, the node first. */
export function subtreeIds(kind: ListKind, node: ListItemTypes[ListKind]): string[] {
  const ids = [node.id];
  if (kind === 'chapter')
    for (const s of (node as Chapter).sections) ids.push(...subtreeIds('section', s));
  if (kind === 'section')
    for (const m of (node as Section).measures) ids.push(...subtreeIds('measure', m));
  if (kind === 'measure') {
    const measure = node as Measure;
    for (const i of measure.indicators) ids.push(...subtreeIds('indicator', i));
    ids.push(...measure.tracking.updates.map((u) => u.id));
  }
  if (kind === 'indicator') ids.push(...((node as Indicator).observations ?? []).map((o) => o.id));
  return ids;
}

/** The node at `loc` if it is of `kind`; undefined when absent or of another kind. */
export function locatedNode<K extends ListKind>(
  report: Report,
  loc: Location | undefined,
  kind: K,
): ListItemTypes[K] | undefined {
  if (loc?.kind !== kind) return undefined;
  try {
    return readList(report, kind, loc.path.slice(0, -1))[loc.path[loc.path.length - 1] ?? -1];
  } catch (_error) {
    return undefined;
  }
}

/**
 * The node's id and every id inside it (a chapter's sections, their measures, targets and
 * progress updates): what "changes to this node" covers in history filters. Just `[id]` when the
 * report has no such node (it was deleted) or it holds nothing.
 */
export function nodeIdsWithin(input: ReadonlyReport, id: string): string[] {
  const report = pureInput(input);
  const loc = indexReport(report).get(id);
  if (loc === undefined || loc.kind === 'goal' || loc.kind === 'ideology' || loc.kind === 'place')
    return [id];
  const node = locatedNode(report, loc, loc.kind);
  return node === undefined ? [id] : subtreeIds(loc.kind, node);
}
