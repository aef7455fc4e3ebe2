import { describe, expect, it } from 'vitest';
import { applyCommands } from './apply-command.js';
import { DiffSummarySchema } from './diff-schema.js';
import { diffReports } from './diff-reports.js';
import { smallReport } from './small-report.fixture.js';
import { summarizeDiff } from './summarize-diff.js';

describe('summarizeDiff', () => {
  it('says there are no changes for an empty diff', () => {
    const summary = summarizeDiff(diffReports(smallReport(), smallReport()));
    expect(summary.total).toBe(0);
    expect(summary.text).toBe('无变化 / no changes');
  });

  it('counts edited nodes once however many fields changed, and names each kind once', () => {
    const measure = {
      id: 'm9',
      text: '新举措。',
      indicators: [],
      places: [],
      tracking: { status: null, progress: null, updates: [] },
    };
    const result = applyCommands(smallReport(), [
      {
        type: 'measure.update',
        id: 'm1',
        patch: { text: '确保新建高速公路210公里、铁路170公里。', places: [] },
      },
      { type: 'measure.update', id: 'm2', patch: { text: '建设乐山新港。' } },
      { type: 'measure.update', id: 'm3', patch: { places: [] } },
      { type: 'measure.add', sectionId: 's3', measure },
      { type: 'chapter.remove', id: 'c-2' },
      { type: 'tracking.set', measureId: 'm2', status: 'delayed' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const summary = summarizeDiff(diffReports(smallReport(), result.value.report));
    expect(summary.counts.measure).toEqual({ added: 0, removed: 1, moved: 0, edited: 3 });
    expect(summary.counts.chapter).toEqual({ added: 0, removed: 1, moved: 0, edited: 0 });
    expect(summary.message).toEqual({
      zh: '删除章 1 项；删除节 1 项；修改举措 3 项，删除 1 项；修改编辑说明 2 项；跟踪进展变化 1 项',
      en: '1 chapter removed; 1 section removed; 3 measures edited, 1 removed; 2 editorial notes edited; 1 tracking change',
    });
    expect(summary.total).toBe(9);
    expect(DiffSummarySchema.safeParse(summary).success).toBe(true);
  });

  it('reads like the example: 修改举措 3 项，新增 1 项', () => {
    const result = applyCommands(smallReport(), [
      { type: 'measure.update', id: 'm2', patch: { text: '建设乐山新港。' } },
      { type: 'measure.update', id: 'm3', patch: { places: [] } },
      { type: 'measure.update', id: 'm4', patch: { text: '擦亮文旅品牌。' } },
      {
        type: 'measure.add',
        sectionId: 's3',
        measure: {
          id: 'm9',
          text: '新举措。',
          indicators: [],
          places: [],
          tracking: { status: null, progress: null, updates: [] },
        },
      },
    ]);
    expect(result.ok && summarizeDiff(diffReports(smallReport(), result.value.report)).text).toBe(
      '修改举措 3 项，新增 1 项 / 3 measures edited, 1 added',
    );
  });
});
