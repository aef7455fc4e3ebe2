import { describe, expect, it } from 'vitest';
import { WordIndex, wordIndex } from './word-index.js';

describe('WordIndex', () => {
  const index = new WordIndex([
    ['以上', 'gte'],
    ['及以上', 'gte3'],
    ['以内', 'lte'],
  ] as const);

  it('finds the longest word starting at a position', () => {
    expect(index.startingAt('300家以上。', 4)).toEqual(['以上', 'gte']);
    expect(index.startingAt('300家及以上。', 4)).toEqual(['及以上', 'gte3']);
    expect(index.startingAt('300家以', 4)).toBeUndefined();
    expect(index.startingAt('', 0)).toBeUndefined();
  });

  it('finds the longest word ending before a position', () => {
    expect(index.endingAt('300家及以上', 7)).toEqual(['及以上', 'gte3']);
    expect(index.endingAt('以上', 2)).toEqual(['以上', 'gte']);
    expect(index.endingAt('上', 1)).toBeUndefined();
    expect(index.endingAt('以上', 0)).toBeUndefined();
  });

  it('indexes plain words and ignores empty ones', () => {
    const words = wordIndex(['新建', '新建成', '']);
    expect(words.startingAt('新建成公路', 0)?.[0]).toBe('新建成');
    expect(words.startingAt('新建公路', 0)?.[0]).toBe('新建');
    expect(words.startingAt('公路', 0)).toBeUndefined();
  });
});
