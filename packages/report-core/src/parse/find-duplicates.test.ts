import { describe, expect, it } from 'vitest';
import { bodyItems } from './body-items.fixture.js';
import { findDuplicates } from './find-duplicates.js';

describe('findDuplicates', () => {
  it('reports a measure twice in one chapter as duplicate-sentence, across chapters as sentence-in-two-chapters', () => {
    const body = bodyItems(['#1', '节', '甲。', '甲。', '乙。', '#2', '节二', '乙。']);
    expect(
      findDuplicates(body, new Set()).map((d) => [d.code, d.severity, d.lines, d.nodeIds]),
    ).toEqual([
      ['duplicate-sentence', 'error', [5, 7], ['m5', 'm7']],
      ['sentence-in-two-chapters', 'error', [9, 13], ['m9', 'm13']],
    ]);
  });

  it('reports headings that occur twice', () => {
    const d = findDuplicates(bodyItems(['#1', '数字经济', '#2', '数字经济']), new Set());
    expect(d.map((x) => [x.code, x.lines])).toEqual([['duplicate-heading', [3, 5]]]);
    expect(d[0]?.message.zh).toContain('第3行（第1章）、第5行（第2章）');
  });

  it('reports a sentence shared by two different paragraphs', () => {
    const d = findDuplicates(bodyItems(['节', '甲。乙。', '丙。乙。']), new Set());
    expect(d.map((x) => [x.code, x.severity, x.lines])).toEqual([
      ['duplicate-sentence', 'warning', [5, 7]],
    ]);
    expect(d[0]?.message.zh).toContain('“乙。”');
  });

  it('leaves out items already explained by a repeated block', () => {
    expect(findDuplicates(bodyItems(['节', '甲。', '甲。']), new Set([2]))).toEqual([]);
  });
});
