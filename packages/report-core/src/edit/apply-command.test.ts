import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.js';
import { validateReport } from '../model/validate.js';
import { applyCommand } from './apply-command.js';
import type { Command } from './command-schema.js';
import { invertCommand } from './invert-command.js';
import { deepFreeze, smallReport } from './small-report.fixture.js';

const measure = (r: Report, id: string) =>
  r.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures)).find((m) => m.id === id);
const note = (r: Report, id: string) => r.notes.find((n) => n.id === id);
const empty = { status: null, progress: null, updates: [] };

const cases: [string, Command, (r: Report) => void][] = [
  [
    'chapter.add renumbers the chapters',
    {
      type: 'chapter.add',
      chapter: { id: 'c3', number: 99, title: '新章', sections: [] },
      index: 0,
    },
    (r) =>
      expect(r.chapters.map((c) => [c.id, c.number])).toEqual([
        ['c3', 1],
        ['c1', 2],
        ['c-2', 3],
      ]),
  ],
  [
    'chapter.update sets a title',
    { type: 'chapter.update', id: 'c-2', patch: { title: '文旅' } },
    (r) => expect(r.chapters[1]?.title).toBe('文旅'),
  ],
  [
    'chapter.update marks a title missing',
    { type: 'chapter.update', id: 'c1', patch: { title: null } },
    (r) => expect(r.chapters[0]?.title).toBeNull(),
  ],
  [
    'chapter.remove drops the chapter and note references into it',
    { type: 'chapter.remove', id: 'c1' },
    (r) => {
      expect(r.chapters.map((c) => [c.id, c.number])).toEqual([['c-2', 1]]);
      expect(note(r, 'note-1')?.nodeIds).toEqual(['c-2', 'm4']);
      expect(note(r, 'note-2')?.nodeIds).toEqual(['m4']);
    },
  ],
  [
    'chapter.move reorders and renumbers',
    { type: 'chapter.move', id: 'c-2', toIndex: 0 },
    (r) => expect(r.chapters.map((c) => `${c.id}:${c.number}`)).toEqual(['c-2:1', 'c1:2']),
  ],
  [
    'section.add appends',
    { type: 'section.add', chapterId: 'c-2', section: { id: 's9', title: null, measures: [] } },
    (r) => expect(r.chapters[1]?.sections.map((s) => s.id)).toEqual(['s3', 's9']),
  ],
  [
    'section.update',
    { type: 'section.update', id: 's2', patch: { title: '物流' } },
    (r) => expect(r.chapters[0]?.sections[1]?.title).toBe('物流'),
  ],
  [
    'section.remove',
    { type: 'section.remove', id: 's1' },
    (r) => expect(note(r, 'note-2')?.nodeIds).toEqual(['m4']),
  ],
  [
    'section.move to another chapter',
    { type: 'section.move', id: 's2', toChapterId: 'c-2', toIndex: 0 },
    (r) =>
      expect(r.chapters.map((c) => c.sections.map((s) => s.id))).toEqual([['s1'], ['s2', 's3']]),
  ],
  [
    'measure.add at an index',
    {
      type: 'measure.add',
      sectionId: 's3',
      measure: { id: 'm9', text: '新举措。', indicators: [], places: [], tracking: empty },
      index: 0,
    },
    (r) => expect(r.chapters[1]?.sections[0]?.measures.map((m) => m.id)).toEqual(['m9', 'm4']),
  ],
  [
    'measure.update text and places',
    {
      type: 'measure.update',
      id: 'm1',
      patch: { text: '确保新建高速公路210公里、铁路170公里。', places: [] },
    },
    (r) =>
      expect(measure(r, 'm1')).toMatchObject({
        text: '确保新建高速公路210公里、铁路170公里。',
        places: [],
      }),
  ],
  [
    'measure.remove',
    { type: 'measure.remove', id: 'm4' },
    (r) =>
      expect(r.notes.map((n) => n.nodeIds)).toEqual([
        ['c-2', 's2'],
        ['m1', 'm1-t2', 'u1'],
      ]),
  ],
  [
    'measure.move across chapters',
    { type: 'measure.move', id: 'm1', toSectionId: 's3', toIndex: 1 },
    (r) => expect(r.chapters[1]?.sections[0]?.measures.map((m) => m.id)).toEqual(['m4', 'm1']),
  ],
  [
    'measure.move within a section',
    { type: 'measure.move', id: 'm1', toSectionId: 's1', toIndex: 1 },
    (r) => expect(r.chapters[0]?.sections[0]?.measures.map((m) => m.id)).toEqual(['m2', 'm1']),
  ],
  [
    'indicator.add',
    {
      type: 'indicator.add',
      measureId: 'm1',
      indicator: {
        id: 'm1-t3',
        metric: '铁路',
        value: 170,
        unit: '公里',
        comparator: 'gte',
        raw: '铁路170公里',
        aspirational: false,
      },
    },
    (r) =>
      expect(measure(r, 'm1')?.indicators.map((i) => i.id)).toEqual(['m1-t1', 'm1-t2', 'm1-t3']),
  ],
  [
    'indicator.update removes an optional field with null',
    { type: 'indicator.update', id: 'm1-t2', patch: { baseline: null, value: 171 } },
    (r) => {
      expect(measure(r, 'm1')?.indicators[1]).toMatchObject({ value: 171 });
      expect(measure(r, 'm1')?.indicators[1]).not.toHaveProperty('baseline');
    },
  ],
  [
    'indicator.update adds an optional field',
    { type: 'indicator.update', id: 'm1-t1', patch: { baseline: { year: 2020, raw: '较2020年' } } },
    (r) => expect(measure(r, 'm1')?.indicators[0]?.baseline?.year).toBe(2020),
  ],
  [
    'indicator.remove',
    { type: 'indicator.remove', id: 'm1-t2' },
    (r) => expect(note(r, 'note-2')?.nodeIds).toEqual(['m1', 'u1', 'm4']),
  ],
  [
    'indicator.move',
    { type: 'indicator.move', id: 'm1-t2', toIndex: 0 },
    (r) => expect(measure(r, 'm1')?.indicators.map((i) => i.id)).toEqual(['m1-t2', 'm1-t1']),
  ],
  [
    'tracking.set both fields',
    { type: 'tracking.set', measureId: 'm2', status: 'completed', progress: 100 },
    (r) =>
      expect(measure(r, 'm2')?.tracking).toEqual({
        status: 'completed',
        progress: 100,
        updates: [],
      }),
  ],
  [
    'tracking.set progress alone implies a status (issue 13: no 尚未报告进展 · 完成 40%)',
    { type: 'tracking.set', measureId: 'm2', progress: 40 },
    (r) =>
      expect(measure(r, 'm2')?.tracking).toMatchObject({ status: 'in-progress', progress: 40 }),
  ],
  [
    'progress.add',
    {
      type: 'progress.add',
      measureId: 'm2',
      update: { id: 'u2', date: '2024-01-05', note: '已完成。', status: 'completed' },
    },
    (r) => expect(measure(r, 'm2')?.tracking.updates.map((u) => u.id)).toEqual(['u2']),
  ],
  [
    'progress.remove',
    { type: 'progress.remove', id: 'u1' },
    (r) => expect(note(r, 'note-2')?.nodeIds).toEqual(['m1', 'm1-t2', 'm4']),
  ],
  [
    'note.add',
    {
      type: 'note.add',
      note: {
        id: 'note-3',
        kind: 'ambiguous',
        status: 'open',
        nodeIds: ['m2'],
        sourceLines: [14],
        reasoning: '存疑。',
      },
      index: 0,
    },
    (r) => expect(r.notes.map((n) => n.id)).toEqual(['note-3', 'note-1', 'note-2']),
  ],
  [
    'note.update resolves',
    { type: 'note.update', id: 'note-1', patch: { status: 'resolved' } },
    (r) => expect(note(r, 'note-1')?.status).toBe('resolved'),
  ],
  [
    'note.update adds and removes optional fields',
    {
      type: 'note.update',
      id: 'note-2',
      patch: { originalText: null, removedText: ['重复段落。'] },
    },
    (r) => {
      expect(note(r, 'note-2')).not.toHaveProperty('originalText');
      expect(note(r, 'note-2')?.removedText).toEqual(['重复段落。']);
    },
  ],
  [
    'note.remove',
    { type: 'note.remove', id: 'note-1' },
    (r) => expect(r.notes.map((n) => n.id)).toEqual(['note-2']),
  ],
  [
    'goal.update',
    { type: 'goal.update', id: 'g1', patch: { target: '显著增强' } },
    (r) => expect(r.goals[0]?.target).toBe('显著增强'),
  ],
  [
    'ideology.update',
    { type: 'ideology.update', patch: { text: '坚持高质量发展。' } },
    (r) => expect(r.ideology.text).toBe('坚持高质量发展。'),
  ],
  [
    'meta.update adds a subtitle and changes the period',
    { type: 'meta.update', patch: { subtitle: '副标题', period: { start: 2023, end: 2027 } } },
    (r) => expect(r.meta).toMatchObject({ subtitle: '副标题', period: { start: 2023, end: 2027 } }),
  ],
];

describe('applyCommand and invertCommand', () => {
  it.each(cases)('%s, and its inverse restores the report exactly', (_name, command, check) => {
    const before = smallReport();
    const snapshot = structuredClone(before);
    const frozen = deepFreeze(structuredClone(command));
    const result = applyCommand(before, frozen);
    expect(result.ok ? null : result.error).toBeNull();
    if (!result.ok) return;
    check(result.value.report);
    expect(validateReport(result.value.report).ok).toBe(true);
    expect(before).toStrictEqual(snapshot);
    const undone = applyCommand(result.value.report, invertCommand(before, frozen));
    expect(undone.ok ? undone.value.report : undone.error).toStrictEqual(snapshot);
  });

  it('covers every command type', () => {
    const types = new Set(cases.map(([, c]) => c.type));
    expect(types.size).toBe(25);
  });

  it('shares the nodes a command does not change', () => {
    const before = smallReport();
    const result = applyCommand(before, {
      type: 'measure.update',
      id: 'm4',
      patch: { text: '擦亮文旅品牌。' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.report.chapters[0]).toBe(before.chapters[0]);
    expect(result.value.report.notes).toBe(before.notes);
    expect(result.value.report.chapters[1]).not.toBe(before.chapters[1]);
  });
});
