import { describe, expect, it } from 'vitest';
import { bodyItems } from './body-items.fixture.js';
import { findRepeatedBlocks } from './find-repeated-blocks.js';

describe('findRepeatedBlocks', () => {
  it('finds a block pasted several times in a row and marks the copies as explained', () => {
    const body = bodyItems(['节', '甲。', '乙。', '甲。', '乙。', '甲。', '乙。', '丙。']);
    const { diagnostics, copies } = findRepeatedBlocks(body);
    expect(diagnostics.map((d) => [d.code, d.lines])).toEqual([
      ['repeated-block', [5, 7, 9, 11, 13, 15]],
    ]);
    expect(diagnostics[0]?.message.zh).toContain('重复了2遍');
    expect([...copies]).toEqual([3, 4, 5, 6]);
  });

  it('finds a block repeated far away, in another chapter, without marking it explained', () => {
    const body = bodyItems(['#5', '节', '甲。', '乙。', '#7', '别的。', '节', '甲。', '乙。']);
    const { diagnostics, copies } = findRepeatedBlocks(body);
    expect(diagnostics.map((d) => d.lines)).toEqual([[3, 5, 7, 11, 13, 15]]);
    expect(diagnostics[0]?.message.zh).toContain('分别在第5章和第7章');
    expect(copies.size).toBe(0);
  });

  it('leaves single repeated paragraphs to the duplicate checks', () => {
    expect(
      findRepeatedBlocks(bodyItems(['甲。', '甲。', '甲。', '乙。', '甲。'])).diagnostics,
    ).toEqual([]);
  });

  it('tells a heading from a measure with the same words', () => {
    expect(findRepeatedBlocks(bodyItems(['建设', '甲。', '建设。', '甲。'])).diagnostics).toEqual(
      [],
    );
  });
});
