import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.js';
import { applyCommand, applyCommands } from './apply-command.js';
import { CommandErrorSchema } from './command-error.js';
import { smallReport } from './small-report.fixture.js';

const errorOf = (report: Report, command: unknown) => {
  const result = applyCommand(report, command);
  if (result.ok) throw new Error(`expected ${JSON.stringify(command)} to be refused`);
  expect(CommandErrorSchema.safeParse(result.error).success).toBe(true);
  return result.error;
};

describe('command errors', () => {
  it('not-found for an unknown id, in both languages', () => {
    expect(errorOf(smallReport(), { type: 'measure.remove', id: 'm99' })).toEqual({
      code: 'not-found',
      id: 'm99',
      message: { zh: '找不到编号为“m99”的举措', en: 'no measure with id "m99"' },
    });
    expect(
      errorOf(smallReport(), { type: 'section.move', id: 's1', toChapterId: 'c9', toIndex: 0 }),
    ).toMatchObject({ code: 'not-found', id: 'c9' });
    expect(errorOf(smallReport(), { type: 'goal.update', id: 'g9', patch: {} })).toMatchObject({
      code: 'not-found',
      id: 'g9',
    });
  });

  it('invalid-target for an id of the wrong kind', () => {
    expect(
      errorOf(smallReport(), { type: 'measure.move', id: 'm1', toSectionId: 'c1', toIndex: 0 }),
    ).toEqual({
      code: 'invalid-target',
      id: 'c1',
      message: { zh: '“c1”是章，不是节', en: '"c1" is a chapter, not a section' },
    });
    expect(errorOf(smallReport(), { type: 'chapter.remove', id: 's1' })).toMatchObject({
      code: 'invalid-target',
      id: 's1',
    });
    expect(errorOf(smallReport(), { type: 'goal.update', id: 'm1', patch: {} })).toMatchObject({
      code: 'invalid-target',
    });
  });

  it('invalid-target for a position past the end of the list', () => {
    expect(
      errorOf(smallReport(), { type: 'measure.move', id: 'm1', toSectionId: 's2', toIndex: 2 }),
    ).toMatchObject({
      code: 'invalid-target',
      id: 's2',
      message: { en: 'position 2 is out of range 0..1' },
    });
    expect(errorOf(smallReport(), { type: 'chapter.move', id: 'c1', toIndex: 2 })).toMatchObject({
      code: 'invalid-target',
    });
    const add = {
      type: 'section.add',
      chapterId: 'c1',
      section: { id: 's9', title: null, measures: [] },
      index: 3,
    };
    expect(errorOf(smallReport(), add)).toMatchObject({ code: 'invalid-target', id: 'c1' });
  });

  it('duplicate-id when a new node, or anything inside it, reuses an id', () => {
    const empty = { status: null, progress: null, updates: [] };
    const measure = {
      id: 'm9',
      text: '新举措。',
      indicators: [],
      places: [],
      tracking: { ...empty, updates: [{ id: 'u1', date: '2024-01-01', note: '重复。' }] },
    };
    expect(errorOf(smallReport(), { type: 'measure.add', sectionId: 's1', measure })).toEqual({
      code: 'duplicate-id',
      id: 'u1',
      message: { zh: '编号“u1”已被使用', en: 'id "u1" is already used in the report' },
    });
    expect(
      errorOf(smallReport(), {
        type: 'note.add',
        note: {
          id: 'g1',
          kind: 'ambiguous',
          status: 'open',
          nodeIds: [],
          sourceLines: [],
          reasoning: '说明。',
        },
      }),
    ).toMatchObject({ code: 'duplicate-id', id: 'g1' });
  });

  it('invalid-report with the invariant’s message when two measures would share a text', () => {
    const error = errorOf(smallReport(), {
      type: 'measure.update',
      id: 'm2',
      patch: { text: '擦亮旅游品牌。' },
    });
    expect(error.code).toBe('invalid-report');
    if (error.code !== 'invalid-report') return;
    expect(error.issues.map((i) => i.path)).toEqual(['chapters.1.sections.0.measures.0.text']);
    expect(error.issues[0]?.message.zh).toContain(
      '举措文字与 chapters.0.sections.0.measures.1 完全相同',
    );
    expect(error.message.en).toContain('identical');
  });

  it('invalid-report when a text edit loses an indicator’s substring, or a note names a missing node', () => {
    expect(
      errorOf(smallReport(), {
        type: 'measure.update',
        id: 'm1',
        patch: { text: '新建高速公路。' },
      }),
    ).toMatchObject({ code: 'invalid-report' });
    expect(
      errorOf(smallReport(), { type: 'note.update', id: 'note-1', patch: { nodeIds: ['m404'] } }),
    ).toMatchObject({ code: 'invalid-report' });
    expect(
      errorOf(smallReport(), { type: 'measure.update', id: 'm1', patch: { places: ['atlantis'] } }),
    ).toMatchObject({ code: 'invalid-report' });
  });

  it('invalid-command for anything that is not a command, never throwing', () => {
    for (const bad of [
      null,
      42,
      'measure.remove',
      {},
      { type: 'measure.explode', id: 'm1' },
      { type: 'measure.remove' },
      { type: 'measure.remove', id: 'M 1' },
      { type: 'chapter.update', id: 'c1', patch: { number: 3 } },
      { type: 'tracking.set', measureId: 'm1', progress: 101 },
    ]) {
      expect(errorOf(smallReport(), bad).code, JSON.stringify(bad)).toBe('invalid-command');
    }
    expect(
      errorOf(smallReport(), { type: 'chapter.update', id: 'c1', patch: { title: '' } }).message.zh,
    ).toContain('patch.title');
  });

  it('invalid-report, not a throw, for a report that is not report-shaped', () => {
    for (const junk of [null, {}, { chapters: 'x' }, { notes: [null], chapters: [] }]) {
      const result = applyCommand(junk as unknown as Report, { type: 'measure.remove', id: 'm1' });
      expect(result.ok).toBe(false);
    }
  });
});

describe('applyCommands', () => {
  it('applies all commands or none, naming the refused one', () => {
    const before = smallReport();
    const result = applyCommands(before, [
      { type: 'measure.remove', id: 'm2' },
      { type: 'measure.remove', id: 'm2' },
    ]);
    expect(result).toMatchObject({ ok: false, index: 1, error: { code: 'not-found', id: 'm2' } });
  });

  it('lets a batch pass through an invalid state when the result is valid', () => {
    const batch = [
      { type: 'indicator.remove', id: 'm1-t1' },
      {
        type: 'measure.update',
        id: 'm1',
        patch: { text: '力争新建高速公路250公里、铁路170公里。' },
      },
      {
        type: 'indicator.add',
        measureId: 'm1',
        index: 0,
        indicator: {
          id: 'm1-t1',
          metric: '高速公路',
          value: 250,
          unit: '公里',
          comparator: 'eq',
          raw: '250公里',
          aspirational: true,
        },
      },
    ];
    expect(applyCommand(smallReport(), batch[1]).ok).toBe(false);
    const result = applyCommands(smallReport(), batch);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.touched).toEqual(['m1-t1', 'm1']);
  });

  it('refuses a batch whose final report is invalid, with index null', () => {
    const result = applyCommands(smallReport(), [
      { type: 'indicator.update', id: 'm1-t1', patch: { raw: '999公里' } },
    ]);
    expect(result).toMatchObject({ ok: false, index: null, error: { code: 'invalid-report' } });
  });
});
