import { describe, expect, it } from 'vitest';
import { canonicalReport } from '../data/index.js';
import {
  chapterHeading,
  chapterLabel,
  chineseChapterNumber,
  displayTitle,
  exportFormatLabel,
  fieldLabel,
  kindLabel,
  MISSING_TITLE,
  missingTitleNoteId,
  NODE_KIND_LABELS,
  trackingStatusLabel,
} from './index.js';

describe('chapter headings', () => {
  it('writes chapter numbers the Chinese way', () => {
    expect([1, 6, 10, 12, 20, 25, 99].map(chineseChapterNumber)).toEqual([
      '一',
      '六',
      '十',
      '十二',
      '二十',
      '二十五',
      '九十九',
    ]);
    expect(chineseChapterNumber(100)).toBe('100');
  });

  it('labels a chapter 第三章 / Chapter 3', () => {
    expect(chapterLabel(3)).toEqual({ zh: '第三章', en: 'Chapter 3' });
  });

  it('heads every canonical chapter with its number, an ideographic space and its title', () => {
    expect(canonicalReport.chapters.map((c) => chapterHeading(c))).toEqual(
      canonicalReport.chapters.map(
        (c) => `第${'一二三四五六七八'[c.number - 1] ?? ''}章\u3000${c.title ?? MISSING_TITLE}`,
      ),
    );
    expect(chapterHeading({ number: 6, title: null })).toBe('第六章\u3000（原文缺失标题）');
  });
});

describe('missing titles', () => {
  it('shows a null title as （原文缺失标题） and a title as itself', () => {
    expect(displayTitle(null)).toBe('（原文缺失标题）');
    expect(displayTitle('建设区域综合交通枢纽')).toBe('建设区域综合交通枢纽');
  });

  it('finds the note that explains a missing title, preferring missing-in-source notes', () => {
    expect(missingTitleNoteId(canonicalReport, 'c-6')).toBe('note-2');
    expect(missingTitleNoteId(canonicalReport, 's170')).toBe('note-13');
    expect(missingTitleNoteId(canonicalReport, 'm38')).toBeUndefined();
  });
});

describe('labels', () => {
  it('names every kind of node in both languages', () => {
    for (const [kind, label] of Object.entries(NODE_KIND_LABELS)) {
      expect(label.zh.length, kind).toBeGreaterThan(0);
      expect(label.en.length, kind).toBeGreaterThan(0);
    }
    expect(NODE_KIND_LABELS.measure).toEqual({ zh: '举措', en: 'Measure' });
  });

  it('names a kind given as a string, falling back to the kind itself', () => {
    expect(kindLabel('update', 'zh')).toBe('进展记录');
    expect(kindLabel('toString', 'en')).toBe('toString');
  });

  it('names fields, falling back to the field itself', () => {
    expect(fieldLabel('text', 'zh')).toBe('文字');
    expect(fieldLabel('no-such-field', 'en')).toBe('no-such-field');
  });

  it('says 未报告 for a measure nobody has reported on', () => {
    expect(trackingStatusLabel(null)).toEqual({ zh: '未报告', en: 'Not reported' });
    expect(trackingStatusLabel('delayed').zh).toBe('滞后');
  });
});

describe('export format names (issue 13 point 8)', () => {
  it('names each format in Chinese, and an unknown id as itself', () => {
    expect(exportFormatLabel('csv-measures')).toBe('举措表（CSV）');
    expect(exportFormatLabel('docx', 'en')).toBe('Word document');
    expect(exportFormatLabel('toString')).toBe('toString');
    expect(exportFormatLabel('epub')).toBe('epub');
  });
});
