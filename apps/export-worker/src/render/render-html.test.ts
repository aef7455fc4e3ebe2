import { describe, expect, it } from 'vitest';
import { canonicalEdition } from '../canonical-edition.js';
import { pandoc, sameBytes, squash } from '../testing/readers.js';
import { SCRIPT_PAYLOAD, expectedTexts, syntheticEdition } from '../testing/synthetic-edition.js';
import { renderHtml } from './render-html.js';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('renderHtml', () => {
  it('shows every measure text and indicator value, read back by pandoc', async () => {
    for (const input of [syntheticEdition(), canonicalEdition()]) {
      const text = squash(pandoc(await renderHtml(input), 'html', 'plain', 'html'));
      const { measures, values } = expectedTexts(input);
      for (const t of [...measures, ...values]) expect(text).toContain(squash(t));
    }
  });

  it('escapes editor text: no script element, the payload shown as text', async () => {
    const html = decode(await renderHtml(syntheticEdition()));
    expect(html).not.toMatch(/<script|<b>|<em>|<i>|<u>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(pandoc(new TextEncoder().encode(html), 'html', 'plain', 'html')).toContain(
      SCRIPT_PAYLOAD,
    );
  });

  it('makes no external request: the only http URLs are evidence links', async () => {
    const html = decode(await renderHtml(syntheticEdition()));
    const urls = [...html.matchAll(/(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]);
    expect(urls.filter((u) => u?.startsWith('#') !== true)).toEqual([
      'https://example.gov.cn/news/1?a=1&amp;b=2',
    ]);
    expect(html).not.toMatch(/@import|url\(|<link|<img|<iframe/i);
  });

  it('is a standalone Chinese page with print styles, missing-title marks and the edition colophon', async () => {
    const input = syntheticEdition();
    const html = decode(await renderHtml(input));
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('<h3><span class="missing">（原文缺失标题）</span></h3>');
    for (const t of [
      input.edition.id,
      input.edition.hash,
      input.report.meta.source.file,
      input.report.meta.source.sha256,
      '删除重复',
      '推进中',
    ])
      expect(html).toContain(t);
  });

  it('is byte-identical for the same edition', async () => {
    expect(
      sameBytes(await renderHtml(syntheticEdition()), await renderHtml(syntheticEdition())),
    ).toBe(true);
  });
});
