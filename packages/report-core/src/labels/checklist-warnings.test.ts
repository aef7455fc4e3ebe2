import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { applyCommands } from '../edit/apply-command.js';
import type { Command } from '../edit/command-schema.js';
import { smallReport } from '../edit/small-report.fixture.js';
import { checklistWarnings, halfWidthPunctuation } from './checklist-warnings.js';

function after(commands: readonly Command[]) {
  const applied = applyCommands(smallReport(), commands);
  if (!applied.ok) throw new Error(applied.error.message.en);
  return applied.value.report;
}

describe('halfWidthPunctuation', () => {
  it('finds , . ; : ? ! ( ) next to Chinese characters only', () => {
    expect(halfWidthPunctuation('建设乐山港,打造枢纽.')).toEqual([',', '.']);
    expect(halfWidthPunctuation('乐山(五通桥)物流园;完成?好!是:')).toEqual([
      '(',
      ')',
      ';',
      '?',
      '!',
      ':',
    ]);
    expect(halfWidthPunctuation('增长3.5%，见 https://example.com/a.b，（全角）。')).toEqual([]);
  });
});

describe('checklistWarnings', () => {
  it('has nothing to say about the canonical report (its empty sections are noted as missing in the source)', () => {
    expect(checklistWarnings(canonicalReport)).toEqual([]);
  });

  it('warns of empty chapters and sections, updates without status and half-width punctuation', () => {
    const report = structuredClone(
      after([
        { type: 'chapter.add', chapter: { id: 'c9', number: 3, title: '空章', sections: [] } },
        {
          type: 'section.add',
          chapterId: 'c1',
          section: { id: 's9', title: '空节', measures: [] },
        },
        { type: 'measure.update', id: 'm2', patch: { text: '建设乐山港,打造枢纽。' } },
      ]),
    );
    // A draft saved before the tracking rules (issue 13): m1's status cleared beside its updates.
    const m1 = report.chapters[0]?.sections[0]?.measures.find((m) => m.id === 'm1');
    if (m1 === undefined || m1.tracking.updates.length === 0) throw new Error('m1 has updates');
    m1.tracking = { ...m1.tracking, status: null };
    const warnings = checklistWarnings(report);
    expect(warnings.map((w) => [w.code, w.nodeId])).toEqual([
      ['updates-without-status', 'm1'],
      ['half-width-punctuation', 'm2'],
      ['empty-section', 's9'],
      ['empty-chapter', 'c9'],
    ]);
    const comma = warnings.find((w) => w.code === 'half-width-punctuation');
    expect(comma?.message.zh).toBe('中文里用了半角标点 ,：请把“,”改为“，”');
    expect(comma?.label).toBe('第一章 · 完善路网 · “建设乐山港,打造枢纽。”');
    expect(warnings.every((w) => !/\b(?:m2|s9|c9|m1)\b/u.test(w.label))).toBe(true);
  });
});
