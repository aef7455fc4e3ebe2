import { describe, expect, it } from 'vitest';
import { markSnippet, plainText, snippetParts } from './mark-snippet.js';

describe('markSnippet', () => {
  it('wraps each highlight in the given markers', () => {
    const hit = {
      snippet: '壮大光伏产业，打造光伏基地',
      highlights: [
        { start: 2, end: 4 },
        { start: 9, end: 11 },
      ],
    };
    expect(markSnippet(hit, '<mark>', '</mark>')).toBe(
      '壮大<mark>光伏</mark>产业，打造<mark>光伏</mark>基地',
    );
  });

  it('issue 16: escapes the snippet text as HTML by default, never the markers', () => {
    const hit = { snippet: '<b>光伏</b>&"\'', highlights: [{ start: 3, end: 5 }] };
    expect(markSnippet(hit, '<mark>', '</mark>')).toBe(
      '&lt;b&gt;<mark>光伏</mark>&lt;/b&gt;&amp;&quot;&#39;',
    );
    expect(markSnippet(hit, '[', ']', plainText)).toBe('<b>[光伏]</b>&"\'');
  });

  it('clamps, sorts and merges untrusted highlights', () => {
    const hit = {
      snippet: 'abcdef',
      highlights: [
        { start: 4, end: 99 },
        { start: 0, end: 2 },
        { start: 1, end: 3 },
        { start: 3, end: 3 },
      ],
    };
    expect(snippetParts(hit)).toEqual([
      { text: 'abc', match: true },
      { text: 'd', match: false },
      { text: 'ef', match: true },
    ]);
    expect(markSnippet(hit, '[', ']')).toBe('[abc]d[ef]');
  });

  it('gives the plain snippet when nothing is highlighted', () => {
    expect(markSnippet({ snippet: '光伏', highlights: [] }, '[', ']')).toBe('光伏');
    expect(snippetParts({ snippet: '', highlights: [{ start: 0, end: 5 }] })).toEqual([]);
  });
});
