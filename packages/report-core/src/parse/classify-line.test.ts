import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  endsSentence,
  isSubtitle,
  readBlockLabel,
  readChapterMarker,
  splitSentences,
} from './classify-line.js';

describe('readChapterMarker', () => {
  it('reads every marker style, with or without a title on the same line', () => {
    expect(readChapterMarker('1')?.style).toBe('arabic');
    expect(readChapterMarker('一、')?.style).toBe('chinese');
    expect(readChapterMarker('第二章')?.style).toBe('chapter');
    expect(readChapterMarker('（五）')?.style).toBe('parenthesized');
    expect(readChapterMarker('1')).toMatchObject({ number: 1, title: undefined });
    expect(readChapterMarker('12')).toMatchObject({ number: 12, title: undefined });
    expect(readChapterMarker('一、')).toMatchObject({ number: 1, title: undefined });
    expect(readChapterMarker('三、突出旅游目的地牵引')).toMatchObject({
      number: 3,
      title: '突出旅游目的地牵引',
    });
    expect(readChapterMarker('第二章')).toMatchObject({ number: 2, title: undefined });
    expect(readChapterMarker('第十一部分 统筹发展和安全')).toMatchObject({
      number: 11,
      title: '统筹发展和安全',
    });
    expect(readChapterMarker('（五）')).toMatchObject({ number: 5, title: undefined });
    expect(readChapterMarker('(六)加强生态环境保护')).toMatchObject({
      number: 6,
      title: '加强生态环境保护',
    });
    expect(readChapterMarker('4 全面推进乡村振兴')).toMatchObject({
      number: 4,
      title: '全面推进乡村振兴',
    });
    expect(readChapterMarker('2、建强先进制造业体系')).toMatchObject({
      number: 2,
      title: '建强先进制造业体系',
    });
  });

  it('does not take numbers that start a sentence or a quantity for markers', () => {
    expect(readChapterMarker('2000亿元产业集群')).toBeUndefined();
    expect(readChapterMarker('1.5倍')).toBeUndefined();
    expect(readChapterMarker('1、推动县级市改革。')).toBeUndefined();
    expect(readChapterMarker('一中心两基地')).toBeUndefined();
    expect(readChapterMarker('0')).toBeUndefined();
  });
});

describe('chineseNumeral', () => {
  it('reads Chinese numerals up to the hundreds', () => {
    expect(
      ['一', '十', '十二', '二十', '二十三', '一百零五', '两', '7'].map(chineseNumeral),
    ).toEqual([1, 10, 12, 20, 23, 105, 2, 7]);
    expect(chineseNumeral('五年')).toBeUndefined();
  });
});

describe('endsSentence', () => {
  it('is true for 。！？ even before closing quotes, false for headings', () => {
    expect(endsSentence('擦亮假日旅游服务品牌。')).toBe(true);
    expect(endsSentence('打造社区居民生活“共同体”。')).toBe(true);
    expect(endsSentence('他说：“好！”')).toBe(true);
    expect(endsSentence('推动旅游“品质革命”')).toBe(false);
    expect(endsSentence('自觉对表对标，加强政治建设')).toBe(false);
  });
});

describe('splitSentences', () => {
  it('splits a paragraph after each sentence end', () => {
    expect(splitSentences('落实“三孩”生育政策。巩固全国双拥模范城创建成果。')).toEqual([
      '落实“三孩”生育政策。',
      '巩固全国双拥模范城创建成果。',
    ]);
    expect(splitSentences('没有句号')).toEqual(['没有句号']);
    expect(splitSentences('他说：“好！”然后走了。')).toEqual(['他说：“好！”', '然后走了。']);
  });
});

describe('readBlockLabel', () => {
  it('recognises the two block labels, the ideology with its text after a colon', () => {
    expect(readBlockLabel('主要目标')).toEqual({ kind: 'goals' });
    expect(readBlockLabel('指导思想')).toEqual({ kind: 'ideology', rest: undefined });
    expect(readBlockLabel('指导思想：高举旗帜。')).toEqual({
      kind: 'ideology',
      rest: '高举旗帜。',
    });
    expect(readBlockLabel('主要目标任务')).toBeUndefined();
  });
});

describe('isSubtitle', () => {
  it('is a line framed by dashes', () => {
    expect(isSubtitle('——聚焦政府工作报告——')).toBe(true);
    expect(isSubtitle('--聚焦--')).toBe(true);
    expect(isSubtitle('————')).toBe(false);
    expect(isSubtitle('今后五年工作')).toBe(false);
  });
});
