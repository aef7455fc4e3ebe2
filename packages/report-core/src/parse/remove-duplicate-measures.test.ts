import { describe, expect, it } from 'vitest';
import { canonicalReport, sourceText } from '../data/index.js';
import { LESHAN_PARSE_OPTIONS } from '../data/editorial-decisions.js';
import { listMeasures } from '../model/query.js';
import type { Report } from '../model/report.js';
import { validateReport } from '../model/validate.js';
import { parseReportText } from './parse-report-text.js';
import { removeDuplicateMeasures } from './remove-duplicate-measures.js';

const parsed = parseReportText(sourceText, LESHAN_PARSE_OPTIONS).report;
const texts = (report: Report) => listMeasures(report).map((m) => m.text);

/** A two-chapter report in which chapter 2 repeats one of chapter 1's sections word for word. */
function repeatedSectionReport(): Report {
  const report = structuredClone(parsed);
  const [first, second] = report.chapters;
  const copied = first?.sections[0];
  if (first === undefined || second === undefined || copied === undefined)
    throw new Error('fixture');
  const copy = {
    ...structuredClone(copied),
    id: 'copy-section',
    measures: copied.measures.map((m, i) => ({ ...structuredClone(m), id: `copy-m${i}` })),
  };
  second.sections.push(copy);
  return report;
}

describe('removeDuplicateMeasures', () => {
  it('turns the parsed Leshan source into a valid draft with one open note per kept measure', () => {
    expect(validateReport(parsed).ok).toBe(false);
    const { report, removals } = removeDuplicateMeasures(parsed);

    expect(validateReport(report).ok).toBe(true);
    expect(texts(report)).toEqual([...new Set(texts(parsed))]);
    expect(texts(report)).toHaveLength(listMeasures(canonicalReport).length);
    expect(removals.map((r) => [r.keptId, r.removedIds.length])).toEqual([
      ['m128', 4],
      ['m130', 4],
      ['m132', 4],
      ['m224', 1],
      ['m226', 1],
      ['m230', 1],
      ['m232', 1],
      ['m234', 1],
      ['m236', 1],
    ]);
    expect(report.notes).toHaveLength(9);
    expect(report.notes[0]).toMatchObject({
      id: 'n-dup-m128',
      kind: 'duplicate-removed',
      status: 'open',
      nodeIds: ['m128'],
      sourceLines: [128, 134, 140, 146, 152],
    });
    expect(report.notes[0]?.removedText).toHaveLength(4);
    expect(report.notes[0]?.reasoning).toContain('保留第一处第128行（第三章）');
  });

  it('drops a section emptied by the removal when its heading repeats an earlier one', () => {
    const { report, removals } = removeDuplicateMeasures(parsed);
    // 第280行“抓好就业促进和社会保障” repeats 第228行 in chapter 5 and held only copies.
    const sectionIds = report.chapters.flatMap((c) => c.sections.map((s) => s.id));
    expect(sectionIds).toContain('s228');
    expect(sectionIds).not.toContain('s280');
    expect(removals.find((r) => r.removedSectionIds.includes('s280'))?.removedLines).toContain(280);
  });

  it('keeps an emptied section whose heading is its own, for the editor to decide', () => {
    const input = repeatedSectionReport();
    const copy = input.chapters[1]?.sections.find((s) => s.id === 'copy-section');
    if (copy === undefined) throw new Error('fixture');
    copy.title = '一个只在这里出现的标题';
    const { report, removals } = removeDuplicateMeasures(input);
    expect(report.chapters[1]?.sections.find((s) => s.id === 'copy-section')?.measures).toEqual([]);
    expect(removals.flatMap((r) => r.removedSectionIds)).not.toContain('copy-section');
    expect(validateReport(report).ok).toBe(true);
  });

  it('removes a whole repeated section and records it on the kept measures', () => {
    const input = repeatedSectionReport();
    const { report, removals } = removeDuplicateMeasures(input);
    expect(report.chapters[1]?.sections.map((s) => s.id)).not.toContain('copy-section');
    expect(removals.flatMap((r) => r.removedIds)).toEqual(expect.arrayContaining(['copy-m0']));
    expect(removals.flatMap((r) => r.removedSectionIds)).toContain('copy-section');
  });

  it('returns a report without duplicates unchanged, and never modifies its input', () => {
    const canonical = removeDuplicateMeasures(canonicalReport);
    expect(canonical.removals).toEqual([]);
    expect(canonical.report).toBe(canonicalReport);

    const snapshot = structuredClone(parsed);
    removeDuplicateMeasures(parsed);
    expect(parsed).toEqual(snapshot);
  });

  it('gives each note an id no other note has', () => {
    const input = structuredClone(parsed);
    input.notes.push({
      id: 'n-dup-m128',
      kind: 'ambiguous',
      status: 'open',
      nodeIds: ['m128'],
      sourceLines: [128],
      reasoning: '已有说明',
    });
    const { report } = removeDuplicateMeasures(input);
    const ids = report.notes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('n-dup-m128-2');
  });
});
