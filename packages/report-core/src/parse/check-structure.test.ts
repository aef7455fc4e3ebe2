import { describe, expect, it } from 'vitest';
import { bodyItems } from './body-items.fixture.js';
import {
  checkAmbiguousHeadings,
  checkChapterNumbers,
  checkEmptySections,
} from './check-structure.js';

describe('checkChapterNumbers', () => {
  it('reports a gap and a number that goes backwards, and nothing for 1..n', () => {
    const marker = (n: number, line: number) => ({ chapterId: `c${line}`, line, sourceNumber: n });
    expect(checkChapterNumbers([marker(1, 1), marker(2, 5), marker(3, 9)])).toEqual([]);
    expect(
      checkChapterNumbers([marker(1, 1), marker(4, 5), marker(4, 9)]).map((d) => [d.code, d.lines]),
    ).toEqual([
      ['chapter-number-gap', [1, 5]],
      ['chapter-number-out-of-order', [5, 9]],
    ]);
    expect(checkChapterNumbers([marker(1, 1), marker(4, 5)])[0]?.message.zh).toContain(
      '缺少第2–3章',
    );
    expect(checkChapterNumbers([marker(2, 3)])[0]?.lines).toEqual([3]);
  });
});

describe('checkEmptySections', () => {
  it('reports titled sections with no measures', () => {
    const chapters = [
      {
        id: 'c1',
        number: 1,
        title: '章',
        sections: [
          { id: 's3', title: '空节', measures: [], provenance: { lines: [3] } },
          { id: 's5', title: null, measures: [] },
        ],
      },
    ];
    expect(checkEmptySections(chapters).map((d) => [d.code, d.lines, d.nodeIds])).toEqual([
      ['heading-without-measures', [3], ['s3']],
    ]);
  });
});

describe('checkAmbiguousHeadings', () => {
  it('flags a commitment-like heading between measures of one chapter, not a topic heading', () => {
    const body = bodyItems([
      '节',
      '甲。',
      '争创东西部协作示范市',
      '乙。',
      '推进乡村建设行动',
      '丙。',
      '#2',
      '力争第一',
      '丁。',
    ]);
    expect(checkAmbiguousHeadings(body).map((d) => [d.code, d.lines, d.nodeIds])).toEqual([
      ['possible-measure-without-punctuation', [7], ['s7']],
    ]);
  });
});
