import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, renderDocument } from './document.js';

describe('renderDocument', () => {
  it('keeps JSON for hydration from ever closing its script element', () => {
    const json = jsonForScript({ text: '</script><script>alert(1)</script>', line: '\u2028' });
    expect(json).not.toContain('<');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual({
      text: '</script><script>alert(1)</script>',
      line: '\u2028',
    });
  });

  it('escapes the title and links the entry script only on pages with islands', () => {
    const base = {
      lang: 'zh' as const,
      siteName: 's',
      description: 'd',
      body: '<main></main>',
      css: ['/a.css'],
      script: '/a.js',
      feeds: [],
    };
    const plain = renderDocument({ ...base, title: '<b>标题</b>', islands: {} });
    expect(plain).toContain('<title>&#60;b&#62;标题&#60;/b&#62;</title>');
    expect(plain).not.toContain('<script');
    const island = renderDocument({
      ...base,
      title: 't',
      islands: { 'island-x': { name: 'x', props: {} } },
    });
    expect(island).toContain('<script type="module" src="/a.js"></script>');
    expect(island).toContain('<script type="application/json" id="island-data">');
    expect(escapeHtml(`"'&`)).toBe('&#34;&#39;&#38;');
  });
});
