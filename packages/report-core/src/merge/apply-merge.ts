import type { Chapter, Measure, Report, Section } from '../model/report.js';
import type { ValidationIssue, ValidationResult } from '../model/validate.js';
import { validateReport } from '../model/validate.js';
import type { MergeDecisions, MergeItem } from './merge-schema.js';
import type { MergeInput } from './plan-merge.js';
import { planMerge } from './plan-merge.js';
import { remapLines } from './remap-lines.js';

/** Input of applyMerge: the current report, the incoming one and the editor's decision on each item. */
export interface ApplyMergeInput extends MergeInput {
  decisions: MergeDecisions;
}

const issue = (pathSegments: string[], zh: string, en: string): ValidationIssue => ({
  path: pathSegments.join('.'),
  pathSegments,
  message: { zh, en },
});

function insertAfter<T extends { id: string }>(list: T[], node: T, after: readonly string[]): void {
  for (const id of after) {
    const at = list.findIndex((x) => x.id === id);
    if (at >= 0) {
      list.splice(at + 1, 0, node);
      return;
    }
  }
  list.unshift(node);
}

/**
 * The report after re-importing `incoming` with the editor's decisions: matched nodes keep
 * their ids and curation, accepted changes, additions, moves and removals are carried out,
 * provenance follows the new text. Refused (with every reason) when an item that needs an
 * explicit choice has none, or when the result would not be a valid report.
 */
export function applyMerge(input: ApplyMergeInput): ValidationResult<Report> {
  const { proposal, alignment, structure } = planMerge(input);
  const { current, incoming, decisions } = input;
  const keys = new Set(proposal.items.map((i) => i.key));
  const problems: ValidationIssue[] = [];
  for (const key of Object.keys(decisions))
    if (!keys.has(key))
      problems.push(
        issue(['decisions', key], `没有“${key}”这一项，请重新预览后再选择`, `no item ${key}`),
      );
  for (const item of proposal.items)
    if ('needsDecision' in item && item.needsDecision && decisions[item.key] === undefined)
      problems.push(
        issue(
          ['decisions', item.key],
          `“${item.id}”带有编辑整理的数据，请明确选择接受或拒绝`,
          `item ${item.key} carries curated data: accept or reject it explicitly`,
        ),
      );
  if (problems.length > 0) return { ok: false, issues: problems };
  const accepted = (item: MergeItem): boolean =>
    item.kind !== 'unchanged' && decisions[item.key] !== 'reject';

  const report = structuredClone(current);
  const measures = new Map<string, { measure: Measure; section: Section }>();
  const sections = new Map<string, { section: Section; chapter: Chapter }>();
  for (const chapter of report.chapters)
    for (const section of chapter.sections) {
      sections.set(section.id, { section, chapter });
      for (const measure of section.measures) measures.set(measure.id, { measure, section });
    }

  // Provenance follows the new text; identity stays.
  const pairs: [number[], number[]][] = [];
  const follow = (
    node: { provenance?: { lines: number[] } | undefined },
    lines: number[] | undefined,
  ): void => {
    if (node.provenance !== undefined && lines !== undefined)
      pairs.push([node.provenance.lines, lines]);
    if (lines === undefined || lines.length === 0) delete node.provenance;
    else node.provenance = { lines: [...lines] };
  };
  for (const [id, match] of alignment.byCurrentId) {
    const found = measures.get(id);
    if (found === undefined) continue;
    const lines =
      match.via === 'heading'
        ? match.incoming.section.provenance?.lines
        : match.incoming.measure.provenance?.lines;
    follow(found.measure, lines);
  }
  const sectionLines = new Map<string, number[] | undefined>();
  for (const [id, pos] of structure.sectionSource) {
    const [c, s] = pos.split('.').map(Number);
    sectionLines.set(id, incoming.chapters[c ?? 0]?.sections[s ?? 0]?.provenance?.lines);
  }
  const chapterLines = new Map<string, number[] | undefined>();
  incoming.chapters.forEach((chapter, c) => {
    const id = structure.chapters.get(c);
    if (id != null && !chapterLines.has(id)) chapterLines.set(id, chapter.provenance?.lines);
  });
  for (const chapter of report.chapters) {
    follow(chapter, chapterLines.get(chapter.id));
    for (const section of chapter.sections) follow(section, sectionLines.get(section.id));
  }
  follow(report.ideology, incoming.ideology.provenance?.lines);
  report.goals.forEach((goal, i) => follow(goal, incoming.goals[i]?.provenance?.lines));
  if (incoming.meta.provenance === undefined) delete report.meta.provenance;
  else report.meta.provenance = { lines: [...incoming.meta.provenance.lines] };
  report.meta.source = {
    ...report.meta.source,
    sha256: incoming.meta.source.sha256,
    lineCount: incoming.meta.source.lineCount,
  };

  for (const item of proposal.items) {
    if (!accepted(item)) {
      if (item.kind === 'removed') {
        const found = measures.get(item.id);
        if (found !== undefined) delete found.measure.provenance;
      }
      continue;
    }
    switch (item.kind) {
      case 'changed':
        applyChange(report, item, measures, sections);
        break;
      case 'removed': {
        const found = measures.get(item.id);
        if (found === undefined) break;
        found.section.measures = found.section.measures.filter((m) => m.id !== item.id);
        measures.delete(item.id);
        for (const note of report.notes) note.nodeIds = note.nodeIds.filter((id) => id !== item.id);
        break;
      }
      case 'moved': {
        const found = measures.get(item.id);
        const to = sections.get(item.toSectionId);
        if (found === undefined || to === undefined) break;
        found.section.measures = found.section.measures.filter((m) => m.id !== item.id);
        insertAfter(to.section.measures, found.measure, item.after);
        measures.set(item.id, { measure: found.measure, section: to.section });
        break;
      }
      case 'new':
        applyNew(report, item, measures, sections);
        break;
      case 'unchanged':
        break;
    }
  }
  const remap = remapLines(pairs, report.meta.source.lineCount);
  for (const note of report.notes) note.sourceLines = remap(note.sourceLines);
  return validateReport(report);
}

function applyChange(
  report: Report,
  item: Extract<MergeItem, { kind: 'changed' }>,
  measures: Map<string, { measure: Measure; section: Section }>,
  sections: Map<string, { section: Section; chapter: Chapter }>,
): void {
  switch (item.nodeType) {
    case 'measure': {
      const found = measures.get(item.id);
      if (found === undefined) return;
      found.measure.text = item.after;
      found.measure.indicators = found.measure.indicators.filter((i) => item.after.includes(i.raw));
      return;
    }
    case 'section': {
      const found = sections.get(item.id);
      if (found !== undefined) found.section.title = item.after;
      return;
    }
    case 'chapter': {
      const chapter = report.chapters.find((c) => c.id === item.id);
      if (chapter !== undefined) chapter.title = item.after;
      return;
    }
    case 'ideology':
      report.ideology.text = item.after;
      return;
  }
}

function applyNew(
  report: Report,
  item: Extract<MergeItem, { kind: 'new' }>,
  measures: Map<string, { measure: Measure; section: Section }>,
  sections: Map<string, { section: Section; chapter: Chapter }>,
): void {
  const provenance = item.lines.length === 0 ? {} : { provenance: { lines: [...item.lines] } };
  if (item.nodeType === 'section') {
    const chapter = report.chapters.find((c) => c.id === item.parentId);
    if (chapter === undefined) return;
    const section: Section = {
      id: item.id,
      title: item.text === '' ? null : item.text,
      measures: [],
      ...provenance,
    };
    insertAfter(chapter.sections, section, item.after);
    sections.set(section.id, { section, chapter });
    return;
  }
  // A measure of a new section the editor rejected has nowhere to go.
  const parent = sections.get(item.parentId);
  if (parent === undefined) return;
  const measure: Measure = {
    id: item.id,
    text: item.text,
    indicators: [],
    places: [],
    tracking: { status: null, progress: null, updates: [] },
    ...provenance,
  };
  insertAfter(parent.section.measures, measure, item.after);
  measures.set(measure.id, { measure, section: parent.section });
}
