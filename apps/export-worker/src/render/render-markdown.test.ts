import { describe, expect, it } from 'vitest';
import { canonicalEdition } from '../canonical-edition.js';
import { pandoc, sameBytes, squash } from '../testing/readers.js';
import {
  FORMULA_PAYLOAD,
  SCRIPT_PAYLOAD,
  expectedTexts,
  syntheticEdition,
} from '../testing/synthetic-edition.js';
import type { ExportInput } from '../schemas.js';
import { escapeMarkdown } from './markdown-escape.js';
import { renderMarkdown } from './render-markdown.js';

// pandoc reads the Markdown as GitHub-flavoured CommonMark: what it sees as text is what any reader shows.
async function asPlainText(input: ExportInput): Promise<string> {
  return pandoc(await renderMarkdown(input), 'gfm', 'plain', 'md');
}

describe('renderMarkdown', () => {
  it('shows every measure text and indicator value, read back by pandoc', async () => {
    for (const input of [syntheticEdition(), canonicalEdition()]) {
      const text = squash(await asPlainText(input));
      const { measures, values } = expectedTexts(input);
      for (const t of [...measures, ...values]) expect(text).toContain(squash(t));
    }
  });

  it('never turns editor text into markup: <script> stays text and no element is made of it', async () => {
    const md = await renderMarkdown(syntheticEdition());
    const html = pandoc(md, 'gfm', 'html', 'md');
    expect(html).not.toMatch(/<script|<b>|<em>注意|<i>标题/);
    expect(html).toContain('&lt;script&gt;');
    expect(await asPlainText(syntheticEdition())).toContain(`${FORMULA_PAYLOAD}建设`);
    expect(await asPlainText(syntheticEdition())).toContain(SCRIPT_PAYLOAD);
  });

  it('shows missing titles, tracking, evidence, notes and the edition colophon', async () => {
    const input = syntheticEdition();
    const text = await asPlainText(input);
    for (const t of [
      '第二章\u3000（原文缺失标题）',
      '状态：推进中',
      '进度：40%',
      'https://example.gov.cn/news/1?a=1&b=2',
      '编辑说明一：更正',
      '晶硅光伏产值力争达到2000亿元',
      input.edition.hash,
      input.report.meta.source.sha256,
    ]) {
      expect(text).toContain(t);
    }
  });

  it('escapes block starts and inline markup', () => {
    expect(escapeMarkdown('- 项')).toBe('\\- 项');
    expect(escapeMarkdown('1. 项')).toBe('1\\. 项');
    expect(escapeMarkdown('a*b*_c_ [x](y) `z`')).toBe('a\\*b\\*\\_c\\_ \\[x\\](y) \\`z\\`');
    expect(escapeMarkdown('一\n二')).toBe('一 二');
  });

  it('is byte-identical for the same edition', async () => {
    expect(
      sameBytes(await renderMarkdown(syntheticEdition()), await renderMarkdown(syntheticEdition())),
    ).toBe(true);
  });
});
