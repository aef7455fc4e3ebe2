import { describe, expect, it } from 'vitest';
import { displayWidth, padDisplay } from './text-width.js';

describe('displayWidth', () => {
  it('counts Han characters and full-width punctuation as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('章 (chapters)')).toBe(13);
    expect(displayWidth('乐山，')).toBe(6);
  });

  it('pads mixed text to the same terminal width', () => {
    expect(displayWidth(padDisplay('举措 (measures)', 20))).toBe(20);
    expect(displayWidth(padDisplay('notes', 20))).toBe(20);
    expect(padDisplay('longer than width', 3)).toBe('longer than width');
  });
});
