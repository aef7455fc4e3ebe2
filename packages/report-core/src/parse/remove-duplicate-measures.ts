import type { NodeId } from '../model/ids.js';
import type { DeepReadonly, ReadonlyReport } from '../model/readonly.js';
import { pureInput } from '../model/pure-input.js';
import type { EditorialNote } from '../model/note.js';
import type { Report } from '../model/report.js';
import { chapterLabel } from '../labels/chapter-heading.js';

/** One measure kept, and the later word-for-word copies of it that were dropped. */
export interface DuplicateRemoval {
  /** The first occurrence, which stays. */
  keptId: NodeId;
  /** 1-based source lines of the kept measure (empty when it has no provenance). */
  keptLines: number[];
  /** The measures dropped, in document order. */
  removedIds: NodeId[];
  /** Sections dropped because the removal left them empty and their heading repeats an earlier one. */
  removedSectionIds: NodeId[];
  /** 1-based source lines of everything dropped. */
  removedLines: number[];
  /** The repeated text. */
  text: string;
  /** The id of the open editorial note that records this removal. */
  noteId: NodeId;
}

/** What removeDuplicateMeasures gives: the report without the copies and one record per kept measure. */
export interface DuplicateRemovalResult {
  /** The report without the copies, with one open editorial note per kept measure. */
  report: Report;
  removals: DuplicateRemoval[];
}

type Section = Report['chapters'][number]['sections'][number];
type Measure = Section['measures'][number];

const lines = (node: { provenance?: { lines: number[] } | undefined }): number[] =>
  node.provenance?.lines ?? [];

const list = (numbers: number[]): string => numbers.join('、');

function noteIdFor(keptId: NodeId, taken: Set<string>): NodeId {
  const base = `n-dup-${keptId}`.slice(0, 60);
  let id = base;
  for (let k = 2; taken.has(id); k += 1) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

function reasoning(removal: Omit<DuplicateRemoval, 'noteId'>, keptChapter: string): string {
  const copies = removal.removedIds.length;
  const where =
    removal.keptLines.length > 0 ? `第${list(removal.keptLines)}行（${keptChapter}）` : keptChapter;
  const dropped =
    removal.removedLines.length > 0 ? `第${list(removal.removedLines)}行` : `${copies}处`;
  const sections =
    removal.removedSectionIds.length > 0
      ? `；因此变空、且标题与前文重复的${removal.removedSectionIds.length}个节标题也一并删除`
      : '';
  return (
    `导入时自动处理：这项举措在原文中逐字重复出现，保留第一处${where}，删除其后的${copies}处副本（${dropped}）${sections}。` +
    '请核对原件：若它其实属于后出现的位置，请把它移过去；确认无误后把本说明标为已解决。'
  );
}

/**
 * Makes a parsed report a valid starting draft by the one repair that needs no judgement on
 * the wording: a measure whose text repeats an earlier measure's word for word is dropped (the
 * first occurrence stays, with its id, provenance and place), and a section that this leaves
 * empty goes too when its heading repeats an earlier section's. Each kept measure gets an open
 * editorial note (`duplicate-removed`) with the lines and text dropped, so the decision shows up
 * in the publish checklist until an editor confirms or moves it. Everything else the parser
 * reported (near-duplicates, missing headings, garbled sentences) stays for the editor.
 *
 * Pure: the input is not modified. A report without duplicates comes back equal, with no removals.
 */
export function removeDuplicateMeasures(report: Report): DuplicateRemovalResult;
export function removeDuplicateMeasures(
  report: ReadonlyReport,
): DeepReadonly<DuplicateRemovalResult>;
export function removeDuplicateMeasures(input: ReadonlyReport): DuplicateRemovalResult {
  const report = pureInput(input);
  const firstByText = new Map<string, { measure: Measure; chapter: string }>();
  const removalsByKept = new Map<NodeId, Omit<DuplicateRemoval, 'noteId'> & { chapter: string }>();
  const seenTitles = new Set<string>();

  const chapters = report.chapters.map((chapter) => {
    // As readers know it (第三章), never 第3章 (issue 19: notes in citizens' words).
    const chapterName = chapterLabel(chapter.number).zh;
    const sections: Section[] = [];
    for (const section of chapter.sections) {
      const measures: Measure[] = [];
      let dropped = false;
      for (const measure of section.measures) {
        const key = measure.text.trim();
        const first = firstByText.get(key);
        if (first === undefined) {
          firstByText.set(key, { measure, chapter: chapterName });
          measures.push(measure);
          continue;
        }
        dropped = true;
        const removal = removalsByKept.get(first.measure.id) ?? {
          keptId: first.measure.id,
          keptLines: lines(first.measure),
          removedIds: [],
          removedSectionIds: [],
          removedLines: [],
          text: key,
          chapter: first.chapter,
        };
        removal.removedIds.push(measure.id);
        removal.removedLines.push(...lines(measure));
        removalsByKept.set(first.measure.id, removal);
      }
      const title = section.title?.trim() ?? null;
      const repeatsHeading = title !== null && seenTitles.has(title);
      if (title !== null) seenTitles.add(title);
      if (dropped && measures.length === 0 && repeatsHeading) {
        // Recorded on the removal of the section's last dropped measure.
        const lastDropped = section.measures[section.measures.length - 1];
        const kept = lastDropped && firstByText.get(lastDropped.text.trim());
        const removal = kept ? removalsByKept.get(kept.measure.id) : undefined;
        if (removal !== undefined) {
          removal.removedSectionIds.push(section.id);
          removal.removedLines.push(...lines(section));
          continue;
        }
      }
      sections.push(dropped ? { ...section, measures } : section);
    }
    return { ...chapter, sections };
  });

  if (removalsByKept.size === 0) return { report, removals: [] };

  const taken = new Set(report.notes.map((n) => n.id));
  const removals: DuplicateRemoval[] = [];
  const notes: EditorialNote[] = [];
  for (const { chapter, ...removal } of removalsByKept.values()) {
    removal.removedLines.sort((a, b) => a - b);
    const noteId = noteIdFor(removal.keptId, taken);
    removals.push({ ...removal, noteId });
    notes.push({
      id: noteId,
      kind: 'duplicate-removed',
      status: 'open',
      nodeIds: [removal.keptId],
      sourceLines: [...new Set([...removal.keptLines, ...removal.removedLines])].sort(
        (a, b) => a - b,
      ),
      removedText: removal.removedIds.map(() => removal.text),
      reasoning: reasoning(removal, chapter),
    });
  }
  return { report: { ...report, chapters, notes: [...report.notes, ...notes] }, removals };
}
