import { diffText } from '../edit/diff-text.js';
import type { Measure, Report } from '../model/report.js';
import type { Alignment, Slot } from './align-measures.js';
import { alignMeasures } from './align-measures.js';
import type { StructureMap } from './map-structure.js';
import { mapStructure } from './map-structure.js';
import { matchKey } from './match-key.js';
import type { CuratedData, MatchVia, MergeItem, MergeProposal } from './merge-schema.js';
import { newNodeId } from './new-node-id.js';
import { bigrams, dice } from '../parse/similarity.js';

/** Input of proposeMerge: the current report and the incoming one parsed from the new text. */
export interface MergeInput {
  /** The report as it stands (the draft). */
  current: Report;
  /** The new text parsed (parseReportText), before any editorial decision. */
  incoming: Report;
  /** Ids a new node must not take besides the current report's: those earlier editions retired. */
  reservedIds?: Iterable<string>;
}

/** A proposal with what applying it needs. */
export interface MergePlan {
  proposal: MergeProposal;
  alignment: Alignment;
  structure: StructureMap;
  /** Id of each new node by its incoming pos (`c.s.m` measures, `c.s` sections). */
  newIds: Map<string, string>;
}

const linesOf = (node: { provenance?: { lines: number[] } | undefined }): number[] =>
  node.provenance?.lines ?? [];

function curatedOf(report: Report, measure: Measure): CuratedData {
  return {
    indicators: measure.indicators.map((i) => ({ id: i.id, raw: i.raw })),
    places: measure.places,
    status: measure.tracking.status,
    progress: measure.tracking.progress,
    updates: measure.tracking.updates.length,
    notes: report.notes.filter((n) => n.nodeIds.includes(measure.id)).map((n) => n.id),
    observations: measure.indicators.reduce(
      (n, i) => n + (i.observations?.length ?? 0) + (i.baseline?.observation === undefined ? 0 : 1),
      0,
    ),
    responsibility: measure.responsibility !== undefined,
  };
}

const hasCuration = (c: CuratedData): boolean =>
  c.indicators.length + c.places.length + c.updates + c.notes.length + c.observations > 0 ||
  c.responsibility ||
  c.status !== null ||
  c.progress !== null;

function placesNoLongerNamed(report: Report, measure: Measure, after: string): string[] {
  return measure.places.filter((id) => {
    const place = report.places.find((p) => p.id === id);
    if (place === undefined) return false;
    const names = [place.name, ...place.aliases];
    return names.some((n) => measure.text.includes(n)) && !names.some((n) => after.includes(n));
  });
}

function changedText(
  nodeType: 'measure' | 'section' | 'chapter' | 'ideology',
  id: string,
  before: string,
  after: string,
  lines: number[],
  invalidated: { indicators: { id: string; raw: string }[]; places: string[] },
  similarity = dice(bigrams(Array.from(before)), bigrams(Array.from(after))),
): MergeItem {
  return {
    kind: 'changed',
    key: `changed:${id}`,
    nodeType,
    id,
    before,
    after,
    ops: diffText(before, after),
    similarity,
    lines,
    invalidated,
    needsDecision: invalidated.indicators.length > 0,
  };
}

/**
 * What re-importing `incoming` would do to `current`, item by item, in the new text's order
 * (removals last). Pure: the same input always gives the same proposal, new ids included.
 */
export function planMerge({ current, incoming, reservedIds = [] }: MergeInput): MergePlan {
  const alignment = alignMeasures(current, incoming);
  const structure = mapStructure(current, incoming, alignment);
  const taken = new Set<string>(reservedIds);
  for (const chapter of current.chapters) {
    taken.add(chapter.id);
    for (const section of chapter.sections) {
      taken.add(section.id);
      for (const m of section.measures) taken.add(m.id);
    }
  }
  const addedPos = new Set(alignment.added.map((s) => s.pos));
  const newIds = new Map<string, string>();
  const items: MergeItem[] = [];
  const counterpart = (pos: string): string | undefined =>
    alignment.byIncoming.get(pos)?.current.measure.id ?? newIds.get(pos);
  const firstMapping = new Set<string>();

  incoming.chapters.forEach((chapter, c) => {
    const currentChapterId = structure.chapters.get(c) ?? null;
    const currentChapter = current.chapters.find((ch) => ch.id === currentChapterId);
    if (
      currentChapter?.title != null &&
      chapter.title !== null &&
      chapter.title !== currentChapter.title
    )
      items.push(
        changedText(
          'chapter',
          currentChapter.id,
          currentChapter.title,
          chapter.title,
          linesOf(chapter),
          { indicators: [], places: [] },
        ),
      );
    chapter.sections.forEach((section, s) => {
      const sPos = `${c}.${s}`;
      let sectionId = structure.sections.get(sPos) ?? null;
      const hasNew = section.measures.some((_, m) => addedPos.has(`${sPos}.${m}`));
      if (
        sectionId === null &&
        (hasNew || (section.title !== null && !alignment.headings.has(sPos)))
      ) {
        sectionId = newNodeId('s', `${section.title ?? ''}#${c}.${s}`, taken);
        newIds.set(sPos, sectionId);
        const after: string[] = [];
        for (let k = s - 1; k >= 0; k -= 1) {
          const id = structure.sections.get(`${c}.${k}`) ?? newIds.get(`${c}.${k}`);
          if (id != null) after.push(id);
        }
        items.push({
          kind: 'new',
          key: `new:${sectionId}`,
          nodeType: 'section',
          id: sectionId,
          text: section.title ?? '',
          parentId: currentChapterId ?? current.chapters[current.chapters.length - 1]?.id ?? 'c-1',
          after,
          lines: linesOf(section),
          needsDecision: false,
        });
      } else if (
        sectionId !== null &&
        !firstMapping.has(sectionId) &&
        !alignment.headings.has(sPos)
      ) {
        firstMapping.add(sectionId);
        const cur = current.chapters.flatMap((ch) => ch.sections).find((x) => x.id === sectionId);
        if (
          cur?.title != null &&
          section.title !== null &&
          matchKey(cur.title) !== matchKey(section.title)
        )
          items.push(
            changedText('section', cur.id, cur.title, section.title, linesOf(section), {
              indicators: [],
              places: [],
            }),
          );
      }
      section.measures.forEach((measure, m) => {
        const pos = `${sPos}.${m}`;
        const after: string[] = [];
        for (let k = m - 1; k >= 0; k -= 1) {
          const id = counterpart(`${sPos}.${k}`);
          if (id !== undefined) after.push(id);
        }
        const match = alignment.byIncoming.get(pos);
        if (match !== undefined) {
          pushMatch(items, current, match.current, measure, match.via, match.similarity);
          if (sectionId !== null && match.current.section.id !== sectionId)
            items.push({
              kind: 'moved',
              key: `moved:${match.current.measure.id}`,
              nodeType: 'measure',
              id: match.current.measure.id,
              fromSectionId: match.current.section.id,
              toSectionId: sectionId,
              after,
              lines: linesOf(measure),
              needsDecision: false,
            });
        } else if (addedPos.has(pos) && sectionId !== null) {
          const id = newNodeId('m', measure.text, taken);
          newIds.set(pos, id);
          items.push({
            kind: 'new',
            key: `new:${id}`,
            nodeType: 'measure',
            id,
            text: measure.text,
            parentId: sectionId,
            after,
            lines: linesOf(measure),
            needsDecision: false,
          });
        }
      });
    });
  });
  for (const [sPos, slot] of alignment.headings) {
    const [c, s] = sPos.split('.').map(Number);
    const heading = incoming.chapters[c ?? 0]?.sections[s ?? 0];
    items.push({
      kind: 'unchanged',
      key: `unchanged:${slot.measure.id}`,
      nodeType: 'measure',
      id: slot.measure.id,
      via: 'heading',
      lines: heading === undefined ? [] : linesOf(heading),
    });
  }
  if (
    matchKey(current.ideology.text) !== matchKey(incoming.ideology.text) &&
    incoming.ideology.text !== ''
  )
    items.push(
      changedText(
        'ideology',
        current.ideology.id,
        current.ideology.text,
        incoming.ideology.text,
        linesOf(incoming.ideology),
        { indicators: [], places: [] },
      ),
    );
  for (const slot of alignment.removed) {
    const curated = curatedOf(current, slot.measure);
    items.push({
      kind: 'removed',
      key: `removed:${slot.measure.id}`,
      nodeType: 'measure',
      id: slot.measure.id,
      text: slot.measure.text,
      sectionId: slot.section.id,
      curated,
      needsDecision: hasCuration(curated),
    });
  }
  const count = (kind: MergeItem['kind']): number =>
    items.filter((i) => i.kind === kind && (kind !== 'changed' || i.nodeType === 'measure')).length;
  const proposal: MergeProposal = {
    counts: {
      unchanged: count('unchanged'),
      changed: count('changed'),
      new: items.filter((i) => i.kind === 'new' && i.nodeType === 'measure').length,
      removed: count('removed'),
      moved: count('moved'),
    },
    items,
    skipped: alignment.skipped.map((s) => ({
      lines: linesOf(s.incoming.measure),
      text: s.incoming.measure.text,
      reason: s.reason,
      noteId: s.noteId,
      sameAs: s.sameAs,
    })),
    similarityLimited: alignment.similarityLimited,
  };
  return { proposal, alignment, structure, newIds };
}

function pushMatch(
  items: MergeItem[],
  current: Report,
  cur: Slot,
  incoming: Measure,
  via: MatchVia,
  similarity: number,
): void {
  const id = cur.measure.id;
  if (via !== 'similar') {
    items.push({
      kind: 'unchanged',
      key: `unchanged:${id}`,
      nodeType: 'measure',
      id,
      via,
      lines: linesOf(incoming),
    });
    return;
  }
  const after = incoming.text;
  items.push(
    changedText(
      'measure',
      id,
      cur.measure.text,
      after,
      linesOf(incoming),
      {
        indicators: cur.measure.indicators
          .filter((i) => !after.includes(i.raw))
          .map((i) => ({ id: i.id, raw: i.raw })),
        places: placesNoLongerNamed(current, cur.measure, after),
      },
      similarity,
    ),
  );
}
