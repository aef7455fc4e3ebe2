import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.js';
import { makeSnippet } from './snippet.js';

const marked = (text: string, query: string, length = 20): string => {
  const { snippet, highlights } = makeSnippet(
    text,
    parseQuery(query).map((p) => ({ needles: [p.text], terms: p.terms })),
    length,
  );
  let out = snippet;
  for (const h of [...highlights].reverse())
    out = `${out.slice(0, h.start)}[${out.slice(h.start, h.end)}]${out.slice(h.end)}`;
  return out;
};

describe('makeSnippet', () => {
  it('keeps a short text whole and marks every occurrence', () => {
    expect(marked('壮大晶硅光伏产业，打造光伏基地。', '光伏')).toBe(
      '壮大晶硅[光伏]产业，打造[光伏]基地。',
    );
  });

  it('cuts a long text around the match with ellipses, highlights pointing into the snippet', () => {
    const text = `${'甲'.repeat(50)}乡村振兴${'乙'.repeat(50)}`;
    // A quarter of the window before the match, the rest after it.
    expect(marked(text, '乡村振兴')).toBe(`…${'甲'.repeat(5)}[乡村振兴]${'乙'.repeat(11)}…`);
  });

  it('prefers the window showing the most distinct query parts', () => {
    const text = `光伏${'甲'.repeat(40)}光伏与公路${'乙'.repeat(40)}`;
    expect(marked(text, '光伏 公路')).toBe(`…${'甲'.repeat(5)}[光伏]与[公路]${'乙'.repeat(10)}…`);
  });

  it('marks the original characters of a full-width or upper-case match', () => {
    expect(marked('建设５Ｇ基站', '5g')).toBe('建设[５Ｇ]基站');
    expect(marked('建设5G基站', '５ｇ')).toBe('建设[5G]基站');
  });

  it('marks the bigrams of a part that only occurs scattered', () => {
    expect(marked('乡村振作、全面振兴', '乡村振兴')).toBe('[乡村振]作、全面[振兴]');
  });

  it('never cuts a surrogate pair in half', () => {
    const text = `${'𠀀'.repeat(30)}光伏${'𠀀'.repeat(30)}`;
    const { snippet } = makeSnippet(text, [{ needles: ['光伏'], terms: ['光伏'] }], 21);
    // No high surrogate without its low one after it, no low one without its high one before it.
    expect(snippet).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
    expect(snippet).toContain('光伏');
  });
});
