import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import { applyCommand } from '../edit/apply-command.js';
import { smallReport } from '../edit/small-report.fixture.js';
import { chapterHeading } from './chapter-heading.js';
import { formatDate, formatDateTime, todayInShanghai } from './dates.js';
import { describeNode, UNKNOWN_NODE } from './describe-node.js';
import { displayTitle, MISSING_TITLE, UNTITLED } from './missing-title.js';

describe('describeNode', () => {
  it('names a measure by chapter, section and the start of its text', () => {
    expect(describeNode(canonicalReport, 'm38')).toBe(
      '第一章 · 建设区域综合交通枢纽 · “落实“一环九射两纵两横”…”',
    );
  });

  it('names chapters, sections, indicators, updates, notes, goals and the report, never by id', () => {
    const r = smallReport();
    expect(describeNode(r, 'c1')).toBe('第一章 · 建设交通枢纽');
    expect(describeNode(r, 's1')).toBe('第一章 · 完善路网');
    expect(describeNode(r, 'm1-t1')).toBe(
      '第一章 · 完善路网 · “力争新建高速公路210公…” · 指标“高速公路”',
    );
    expect(describeNode(r, 'u1')).toBe(
      '第一章 · 完善路网 · “力争新建高速公路210公…” · 进展（2023年3月1日）',
    );
    expect(describeNode(r, 'note-1')).toBe('编辑注：原文缺少标题。');
    expect(describeNode(r, 'g1')).toBe('目标 · 经济实力');
    expect(describeNode(r, 'ideology')).toBe('指导思想');
    expect(describeNode(r, 'test-report')).toBe('报告信息');
    expect(describeNode(r, 'm999')).toBe(UNKNOWN_NODE);
  });

  it('issue 13: calls an untitled chapter or section an editor created 待补充标题, not 原文缺失', () => {
    const r = smallReport();
    const added = applyCommand(r, {
      type: 'chapter.add',
      chapter: {
        id: 'c9',
        number: 3,
        title: null,
        sections: [{ id: 's9', title: null, measures: [] }],
      },
    });
    if (!added.ok) throw new Error(added.error.message.en);
    const after = added.value.report;
    expect(describeNode(after, 'c9')).toBe(`第三章 · ${UNTITLED}`);
    expect(describeNode(after, 's9')).toBe(`第三章 · ${UNTITLED}`);
    expect(chapterHeading({ id: 'c9', number: 3, title: null }, after)).toBe(
      `第三章\u3000${UNTITLED}`,
    );
    // The source's own missing headings, explained by a missing-in-source note, stay 原文缺失.
    expect(displayTitle(null, after, 'c-2')).toBe(MISSING_TITLE);
    expect(describeNode(canonicalReport, 'c-6')).toBe(`第六章 · ${MISSING_TITLE}`);
    expect(displayTitle(null)).toBe(MISSING_TITLE);
  });
});

describe('dates in Asia/Shanghai', () => {
  it('gives today in Shanghai, which is tomorrow in UTC after 16:00', () => {
    expect(todayInShanghai(new Date('2024-03-01T15:59:59Z'))).toBe('2024-03-01');
    expect(todayInShanghai(new Date('2024-03-01T16:00:00Z'))).toBe('2024-03-02');
    expect(todayInShanghai(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
  });

  it('turns the day at Shanghai midnight though the last minute asked about is remembered', () => {
    expect(todayInShanghai(new Date('2024-03-01T15:59:00Z'))).toBe('2024-03-01');
    expect(todayInShanghai(new Date('2024-03-01T15:59:59.999Z'))).toBe('2024-03-01');
    expect(todayInShanghai(new Date('2024-03-01T16:00:00Z'))).toBe('2024-03-02');
    expect(todayInShanghai(new Date('2024-03-01T15:59:30Z'))).toBe('2024-03-01');
  });

  it('writes dates and times the Chinese way', () => {
    expect(formatDate('2024-03-01')).toBe('2024年3月1日');
    expect(formatDate('2024-12-25')).toBe('2024年12月25日');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDateTime('2024-03-01T00:05:00Z')).toBe('2024年3月1日 08:05');
    expect(formatDateTime('garbage')).toBe('garbage');
  });
});
