import { describe, expect, it } from 'vitest';
import type { ReadonlyReport } from '../model/readonly.js';
import { canonicalReport, editableCopy } from '../data/index.js';
import { applyCommand, applyCommands } from './apply-command.js';
import { ReportDiffSchema } from './diff-schema.js';
import { diffReports } from './diff-reports.js';
import { smallReport } from './small-report.fixture.js';

function after(report: ReadonlyReport, ...commands: unknown[]): ReadonlyReport {
  const result = applyCommands(report, commands);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.report;
}

const none = { added: [], removed: [], moved: [], edited: [], tracking: [] };

describe('diffReports', () => {
  it('is empty for identical reports, and for a copy', () => {
    expect(diffReports(canonicalReport, canonicalReport)).toEqual(none);
    expect(diffReports(canonicalReport, editableCopy(canonicalReport))).toEqual(none);
  });

  it('lists exactly a measure text edit, with its character diff', () => {
    const first = canonicalReport.chapters[0]?.sections[0]?.measures[0];
    if (first === undefined) throw new Error('no first measure');
    const text = first.text.replace('力争', '确保');
    const diff = diffReports(
      canonicalReport,
      after(canonicalReport, { type: 'measure.update', id: first.id, patch: { text } }),
    );
    expect(diff).toEqual({
      ...none,
      edited: [
        {
          kind: 'measure',
          id: first.id,
          field: 'text',
          before: first.text,
          after: text,
          textDiff: [
            { op: 'equal', text: first.text.slice(0, first.text.indexOf('力争')) },
            { op: 'delete', text: '力争' },
            { op: 'insert', text: '确保' },
            { op: 'equal', text: first.text.slice(first.text.indexOf('力争') + 2) },
          ],
        },
      ],
    });
    expect(ReportDiffSchema.parse(JSON.parse(JSON.stringify(diff)))).toEqual(diff);
  });

  it('reports an added and a removed node with where they sat', () => {
    const measure = {
      id: 'm9',
      text: '新举措。',
      indicators: [],
      places: [],
      tracking: { status: null, progress: null, updates: [] },
    };
    const diff = diffReports(
      smallReport(),
      after(
        smallReport(),
        { type: 'measure.add', sectionId: 's3', measure, index: 0 },
        { type: 'indicator.remove', id: 'm1-t1' },
      ),
    );
    expect(diff.added).toEqual([
      { kind: 'measure', id: 'm9', at: { parentId: 's3', index: 0 }, label: '新举措。' },
    ]);
    expect(diff.removed).toEqual([
      { kind: 'indicator', id: 'm1-t1', at: { parentId: 'm1', index: 0 }, label: '210公里' },
    ]);
    // m4 and m1-t2 only shifted: not moves.
    expect(diff.moved).toEqual([]);
    expect(diff.edited).toEqual([]);
  });

  it('reports a move to another parent as a move', () => {
    const diff = diffReports(
      smallReport(),
      after(smallReport(), { type: 'measure.move', id: 'm3', toSectionId: 's3', toIndex: 1 }),
    );
    expect(diff).toEqual({
      ...none,
      moved: [
        {
          kind: 'measure',
          id: 'm3',
          from: { parentId: 's2', index: 0 },
          to: { parentId: 's3', index: 1 },
        },
      ],
    });
  });

  it('reports a reorder as the one node that left the order, not its shifted siblings', () => {
    const section = canonicalReport.chapters
      .flatMap((c) => c.sections)
      .find((s) => s.measures.length >= 4);
    const first = section?.measures[0];
    if (section === undefined || first === undefined) throw new Error('no section with 4 measures');
    const last = section.measures.length - 1;
    const diff = diffReports(
      canonicalReport,
      after(canonicalReport, {
        type: 'measure.move',
        id: first.id,
        toSectionId: section.id,
        toIndex: last,
      }),
    );
    expect(diff).toEqual({
      ...none,
      moved: [
        {
          kind: 'measure',
          id: first.id,
          from: { parentId: section.id, index: 0 },
          to: { parentId: section.id, index: last },
        },
      ],
    });
  });

  it('reports absent and null fields as they are, without renumbering noise', () => {
    const diff = diffReports(
      smallReport(),
      after(
        smallReport(),
        { type: 'chapter.move', id: 'c-2', toIndex: 0 },
        { type: 'indicator.update', id: 'm1-t2', patch: { baseline: null } },
        { type: 'section.update', id: 's2', patch: { title: '物流' } },
      ),
    );
    // Two chapters swapped: either could be "the" move; the later one in the old order stays.
    expect(diff.moved.map((m) => m.id)).toEqual(['c-2']);
    expect(diff.edited).toEqual([
      {
        kind: 'indicator',
        id: 'm1-t2',
        field: 'baseline',
        before: { year: 2021, raw: '较2021年' },
      },
      { kind: 'section', id: 's2', field: 'title', before: null, after: '物流' },
    ]);
  });

  it('reports tracking changes: status, progress and updates added or removed', () => {
    const update = {
      id: 'u2',
      date: '2024-01-05',
      note: '完成。',
      status: 'completed' as const,
      progress: 100,
    };
    const diff = diffReports(
      smallReport(),
      after(
        smallReport(),
        { type: 'progress.add', measureId: 'm1', update },
        { type: 'progress.remove', id: 'u1' },
      ),
    );
    expect(diff.tracking).toEqual([
      { change: 'status', measureId: 'm1', before: 'in-progress', after: 'completed' },
      { change: 'progress', measureId: 'm1', before: 20, after: 100 },
      {
        change: 'update-removed',
        measureId: 'm1',
        update: {
          id: 'u1',
          date: '2023-03-01',
          note: '已开工。',
          progress: 20,
          status: 'in-progress',
        },
      },
      { change: 'update-added', measureId: 'm1', update },
    ]);
    // The note that named u1 lost the reference: an edit of its nodeIds.
    expect(diff.edited).toEqual([
      {
        kind: 'note',
        id: 'note-2',
        field: 'nodeIds',
        before: ['m1', 'm1-t2', 'u1', 'm4'],
        after: ['m1', 'm1-t2', 'm4'],
      },
    ]);
  });

  it('reports meta, ideology, goal and place edits', () => {
    const b = after(
      smallReport(),
      { type: 'meta.update', patch: { subtitle: '副标题' } },
      { type: 'goal.update', id: 'g1', patch: { target: '显著增强' } },
    );
    const places = {
      ...b,
      places: [{ id: 'wutongqiao', name: '五通桥区', kind: 'district' as const, aliases: [] }],
    };
    const diff = diffReports(smallReport(), places);
    expect(diff.edited.map((e) => [e.kind, e.id, e.field])).toEqual([
      ['meta', 'test-report', 'subtitle'],
      ['goal', 'g1', 'target'],
      ['place', 'wutongqiao', 'aliases'],
    ]);
    const ideology = applyCommand(smallReport(), {
      type: 'ideology.update',
      patch: { text: '坚持新发展理念不动摇。' },
    });
    expect(
      ideology.ok && diffReports(smallReport(), ideology.value.report).edited[0]?.textDiff,
    ).toEqual([
      { op: 'equal', text: '坚持新发展理念' },
      { op: 'insert', text: '不动摇' },
      { op: 'equal', text: '。' },
    ]);
  });
});
