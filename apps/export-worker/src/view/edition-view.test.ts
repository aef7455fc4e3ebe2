import { describe, expect, it } from 'vitest';
import type { Indicator } from '@leshan/report-core';
import { formatQuantity, formatTarget } from '@leshan/report-core/indicators';
import { readerJargon } from '@leshan/report-core/labels';
import { canonicalEdition } from '../canonical-edition.js';
import { buildEditionView, viewIndicator } from './edition-view.js';

const points: Indicator = {
  id: 'm1-t1',
  metric: '城镇化率提高',
  value: 15_000,
  unit: '百分点',
  comparator: 'eq',
  raw: '15000个百分点',
  aspirational: false,
};

describe('buildEditionView', () => {
  // issue 20: the worker wrote 1.5万百分点 where the viewer wrote 15000百分点.
  it('writes a quantity exactly as the viewer does: ratios such as 百分点 are never scaled', () => {
    const view = viewIndicator(points);
    expect(view.valueText).toBe('15000百分点');
    expect(view.valueText).toBe(formatQuantity(points.value, points.unit));
    expect(view.target).toBe(formatTarget(points));
  });

  it('agrees with the viewer on every canonical target and heads chapters 第一章…', () => {
    const view = buildEditionView(canonicalEdition());
    const indicators = canonicalEdition().report.chapters.flatMap((c) =>
      c.sections.flatMap((s) => s.measures.flatMap((m) => m.indicators)),
    );
    expect(
      view.chapters
        .flatMap((c) => c.sections.flatMap((s) => s.measures))
        .flatMap((m) => m.indicators.map((i) => i.valueText)),
    ).toEqual(indicators.map((i) => formatQuantity(i.value, i.unit)));
    expect(view.chapters.map((c) => c.heading.split('\u3000')[0])).toEqual(
      ['第一章', '第二章', '第三章', '第四章', '第五章', '第六章', '第七章', '第八章'].slice(
        0,
        view.chapters.length,
      ),
    );
  });

  // issue 19: the documents headed notes “note-1：更正” and listed “涉及节点：m128、m130”.
  it('names notes and what they concern in readers’ words, never internal ids', () => {
    const input = canonicalEdition();
    const view = buildEditionView(input);
    expect(view.notes[0]?.heading).toBe('编辑说明一：删除重复');
    expect(view.notes[0]?.concerns[0]).toMatch(/^第三章 · /u);
    for (const note of view.notes)
      expect(readerJargon(input.report, [note.heading, ...note.concerns].join('\n'))).toEqual({
        ids: [],
        arabicChapters: [],
      });
  });
});
