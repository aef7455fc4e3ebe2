import type { Indicator } from './indicator.js';
import type { Chapter, Goal, Measure, Report, Section } from './report.js';
import type { EditorialNote } from './note.js';
import type { Place } from './place.js';
import type { ProgressUpdate } from './tracking.js';
import type { DeepReadonly, ReadonlyReport } from './readonly.js';

/** A measure with the ids, numbers and titles of its chapter and section (listMeasures). */
export interface MeasureListItem {
  id: string;
  chapterId: string;
  chapterNumber: number;
  chapterTitle: string | null;
  sectionId: string;
  sectionTitle: string | null;
  text: string;
  indicators: Indicator[];
  measure: Measure;
}

/**
 * Every measure in reading order, with the chapter and section it sits in. A read-only report
 * (`canonicalReport`) gives read-only items.
 */
export function listMeasures(report: Report): MeasureListItem[];
export function listMeasures(report: ReadonlyReport): DeepReadonly<MeasureListItem>[];
export function listMeasures(report: ReadonlyReport): DeepReadonly<MeasureListItem>[] {
  const out: DeepReadonly<MeasureListItem>[] = [];
  for (const chapter of report.chapters) {
    for (const section of chapter.sections) {
      for (const measure of section.measures) {
        out.push({
          id: measure.id,
          chapterId: chapter.id,
          chapterNumber: chapter.number,
          chapterTitle: chapter.title,
          sectionId: section.id,
          sectionTitle: section.title,
          text: measure.text,
          indicators: measure.indicators,
          measure,
        });
      }
    }
  }
  return out;
}

/** A node found by id (findNode, walkNodes): its kind, the node and the chapter, section and measure it sits in. */
export type FoundNode =
  | { kind: 'goal'; node: Goal }
  | { kind: 'ideology'; node: Report['ideology'] }
  | { kind: 'chapter'; node: Chapter }
  | { kind: 'section'; node: Section; chapter: Chapter }
  | { kind: 'measure'; node: Measure; section: Section; chapter: Chapter }
  | { kind: 'indicator'; node: Indicator; measure: Measure; section: Section; chapter: Chapter }
  | { kind: 'update'; node: ProgressUpdate; measure: Measure; section: Section; chapter: Chapter }
  | { kind: 'place'; node: Place }
  | { kind: 'note'; node: EditorialNote };

/** The kinds of node an id can name (goal, chapter, section, measure, indicator, update, place, note …). */
export type NodeKind = FoundNode['kind'];

/** Every node with an id, in document order (read-only nodes for a read-only report). */
export function walkNodes(report: Report): Generator<FoundNode>;
export function walkNodes(report: ReadonlyReport): Generator<DeepReadonly<FoundNode>>;
export function* walkNodes(report: ReadonlyReport): Generator<DeepReadonly<FoundNode>> {
  for (const node of report.goals) yield { kind: 'goal', node };
  yield { kind: 'ideology', node: report.ideology };
  for (const chapter of report.chapters) {
    yield { kind: 'chapter', node: chapter };
    for (const section of chapter.sections) {
      yield { kind: 'section', node: section, chapter };
      for (const measure of section.measures) {
        yield { kind: 'measure', node: measure, section, chapter };
        for (const node of measure.indicators)
          yield { kind: 'indicator', node, measure, section, chapter };
        for (const node of measure.tracking.updates)
          yield { kind: 'update', node, measure, section, chapter };
      }
    }
  }
  for (const node of report.places) yield { kind: 'place', node };
  for (const node of report.notes) yield { kind: 'note', node };
}

/**
 * The places a measure names, in the order it names them; an id no place of the report has (the
 * report is then invalid) is left out.
 */
export function placesOf(report: Report, placeIds: readonly string[]): Place[];
export function placesOf(
  report: ReadonlyReport,
  placeIds: readonly string[],
): DeepReadonly<Place>[];
export function placesOf(
  report: ReadonlyReport,
  placeIds: readonly string[],
): DeepReadonly<Place>[] {
  const byId = new Map(report.places.map((p) => [p.id, p]));
  return placeIds.flatMap((id) => byId.get(id) ?? []);
}

/** The node with this id and where it sits, or undefined (read-only for a read-only report). */
export function findNode(report: Report, id: string): FoundNode | undefined;
export function findNode(report: ReadonlyReport, id: string): DeepReadonly<FoundNode> | undefined;
export function findNode(report: ReadonlyReport, id: string): DeepReadonly<FoundNode> | undefined {
  // walkNodes' order, written out: a save looks nodes up several times, and the generator made
  // an object for each of a report's nodes (171 in the canonical one) every time (issue 13).
  for (const node of report.goals) if (node.id === id) return { kind: 'goal', node };
  if (report.ideology.id === id) return { kind: 'ideology', node: report.ideology };
  for (const chapter of report.chapters) {
    if (chapter.id === id) return { kind: 'chapter', node: chapter };
    for (const section of chapter.sections) {
      if (section.id === id) return { kind: 'section', node: section, chapter };
      for (const measure of section.measures) {
        if (measure.id === id) return { kind: 'measure', node: measure, section, chapter };
        for (const node of measure.indicators)
          if (node.id === id) return { kind: 'indicator', node, measure, section, chapter };
        for (const node of measure.tracking.updates)
          if (node.id === id) return { kind: 'update', node, measure, section, chapter };
      }
    }
  }
  for (const node of report.places) if (node.id === id) return { kind: 'place', node };
  for (const node of report.notes) if (node.id === id) return { kind: 'note', node };
  return undefined;
}

/** How many chapters, sections, measures, targets, notes, goals and places a report has (reportStats). */
export interface ReportStats {
  chapters: number;
  sections: number;
  measures: number;
  indicators: number;
  notes: number;
  goals: number;
  places: number;
}

/** How many chapters, sections, measures, targets, notes, goals and places a report has. */
export function reportStats(report: ReadonlyReport): ReportStats {
  const measures = listMeasures(report);
  return {
    chapters: report.chapters.length,
    sections: report.chapters.reduce((n, c) => n + c.sections.length, 0),
    measures: measures.length,
    indicators: measures.reduce((n, m) => n + m.indicators.length, 0),
    notes: report.notes.length,
    goals: report.goals.length,
    places: report.places.length,
  };
}
