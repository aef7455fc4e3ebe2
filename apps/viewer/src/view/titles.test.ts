import { describe, expect, it } from 'vitest';
import { canonicalReport } from '@leshan/report-core';
import { chineseNumber, noteForNode } from './titles.js';

describe('titles', () => {
  it('writes chapter numbers the Chinese way', () => {
    expect([1, 6, 10, 12, 20, 25, 99].map(chineseNumber)).toEqual([
      '一',
      '六',
      '十',
      '十二',
      '二十',
      '二十五',
      '九十九',
    ]);
  });

  it('finds the note that explains a missing title, preferring missing-in-source notes', () => {
    expect(noteForNode(canonicalReport, 'c-6')).toBe('note-2');
    expect(noteForNode(canonicalReport, 's170')).toBe('note-13');
    expect(noteForNode(canonicalReport, 'm38')).toBeUndefined();
  });
});
