import { describe, expect, it } from 'vitest';
import { applyCommands } from './apply-command.js';
import type { Command } from './command-schema.js';
import { describeChange } from './describe-change.js';
import { smallReport } from './small-report.fixture.js';

function phrases(commands: readonly Command[]): string[] {
  const before = smallReport();
  const applied = applyCommands(before, commands);
  if (!applied.ok) throw new Error(applied.error.message.en);
  return describeChange(before, applied.value.report, applied.value.keys);
}

describe('describeChange', () => {
  it('says which field of which node changed, in the words editors use', () => {
    expect(
      phrases([
        { type: 'measure.update', id: 'm2', patch: { text: '建设乐山新港。', places: [] } },
      ]),
    ).toEqual(['修改了 第一章 · 完善路网 · “建设乐山新港。” 的文字和地点']);
    expect(phrases([{ type: 'chapter.update', id: 'c1', patch: { title: '交通' } }])).toEqual([
      '修改了 第一章 · 交通 的标题',
    ]);
    expect(phrases([{ type: 'meta.update', patch: { title: '新标题' } }])).toEqual([
      '修改了 报告信息 的标题',
    ]);
  });

  it('names an added progress update by its measure and date', () => {
    expect(
      phrases([
        {
          type: 'progress.add',
          measureId: 'm2',
          update: { id: 'u7', date: '2024-03-01', note: '已开工。', status: 'in-progress' },
        },
      ]),
    ).toEqual(['新增了 第一章 · 完善路网 · “建设乐山港。” · 进展（2024年3月1日）']);
  });

  it('names only the outermost node of a removal, never the ids inside', () => {
    const said = phrases([{ type: 'measure.remove', id: 'm1' }]);
    expect(said).toEqual([
      '删除了 第一章 · 完善路网 · “力争新建高速公路210公…”',
      '修改了 编辑注：统一标点。',
    ]);
    expect(said.join('')).not.toMatch(/m1|u1|note-2/u);
  });

  it('says a node moved', () => {
    expect(phrases([{ type: 'measure.move', id: 'm3', toSectionId: 's3', toIndex: 0 }])).toEqual([
      '移动了 第二章 · 文旅 · “推进五通桥区物流园建设。”',
    ]);
  });
});
