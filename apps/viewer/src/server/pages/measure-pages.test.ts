import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createServer } from '../server.js';
import { followedByCommandsSource } from '../testing/followed-by-commands.js';

const SITE = 'https://report.example.cn';

const app = createServer({ source: followedByCommandsSource(), siteUrl: SITE });

const visible = (html: string): string =>
  html
    .slice(html.indexOf('<main'))
    .replace(/<[^>]*>/gu, '')
    .replace(/\s+/gu, ' ');

const metaOf = (html: string, key: string): string | undefined =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`, 'u').exec(html)?.[1];

describe('issue 19: a page for every measure', () => {
  it('shows m38 at “90 / 210 公里（43%）” and behind, with its chart, timeline, departments and deadline', async () => {
    const res = await request(app).get('/measures/m38').expect(200);
    const text = visible(res.text);
    expect(text).toContain('90 / 210 公里（43%） 滞后');
    expect(res.text).toMatch(
      /<svg role="img" aria-labelledby="m38-t1-chart-title m38-t1-chart-desc"/u,
    );
    expect(res.text).toContain('<title id="m38-t1-chart-title">“新建高速公路”的实际值</title>');
    expect(res.text).toMatch(
      /<desc id="m38-t1-chart-desc">[^<]*2024年12月31日 90公里[^<]*目标线 210公里/u,
    );
    // The table holds the chart's figures.
    expect(text).toContain('截至日期实际值口径来源2024年12月31日90公里累计乐山市交通运输局通知');
    expect(res.text).toContain(
      '<a href="https://example.org/leshan/notice" rel="nofollow noopener noreferrer">乐山市交通运输局通知</a>',
    );
    // The timeline, newest first, with the update's evidence.
    const timeline = res.text.slice(res.text.indexOf('<ol class="timeline">'));
    expect(timeline.indexOf('2024-12-31')).toBeLessThan(timeline.indexOf('2024-06-30'));
    expect(timeline).toContain(
      '<a href="https://example.org/leshan/road" rel="nofollow noopener noreferrer">佐证</a>',
    );
    expect(text).toContain('牵头单位市交通运输局');
    expect(text).toContain('责任单位市发展改革委');
    expect(text).toContain('完成时限2026年12月31日');
    expect(text).toContain('2024年：乐西高速建成通车 已完成');
    expect(text).toContain('最后更新：2024年12月31日');
    expect(text).toContain('推进中');
    // The breadcrumb: 首页 › 第一章 … › its section › the measure by its first words.
    expect(res.text).toMatch(
      /<nav class="breadcrumb" aria-label="当前位置"><ol><li><a href="\/">首页<\/a><\/li><li><a href="\/chapters\/1">第一章(?:<!-- -->)? <span lang="zh-CN">落实全面融入/u,
    );
    expect(res.text.match(/<h1[ >]/gu)?.length).toBe(1);
  });

  it('carries a share card: Open Graph article and Twitter summary, with the canonical address', async () => {
    const res = await request(app).get('/measures/m38').expect(200);
    expect(metaOf(res.text, 'og:type')).toBe('article');
    expect(metaOf(res.text, 'og:url')).toBe(`${SITE}/measures/m38`);
    expect(metaOf(res.text, 'og:site_name')).toBe('乐山今后五年工作');
    expect(metaOf(res.text, 'og:title')).toMatch(/^[^<]{4,} · 第一章 · 乐山今后五年工作$/u);
    expect(metaOf(res.text, 'og:description')).toContain('新建高速公路 90 / 210 公里（43%）');
    expect(metaOf(res.text, 'twitter:card')).toBe('summary');
    expect(res.text).toContain(`<link rel="canonical" href="${SITE}/measures/m38">`);
    expect(res.text).toMatch(
      /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/feeds\/measures\/m38\/progress.atom">/u,
    );
  });

  it('answers in English under /en, and a past edition under /editions/N with its own data', async () => {
    const en = await request(app).get('/en/measures/m38').expect(200);
    expect(en.text).toContain('<html lang="en">');
    expect(visible(en.text)).toContain('90 / 210 公里（43%） Behind');
    expect(visible(en.text)).toContain('Lead department市交通运输局');
    const past = await request(app).get('/editions/1/measures/m38').expect(200);
    expect(visible(past.text)).toContain('未报告（尚无实际值）');
    expect(visible(past.text)).toContain('牵头单位尚未公布');
    expect(past.text).toContain('href="/editions/1/chapters/1"');
    await request(app).get('/measures/m99999').expect(404);
    await request(app).get('/editions/1/measures/m99999').expect(404);
  });

  it('names the editorial notes that touch a measure in words: what was corrected, and why', async () => {
    // Note 11 corrects the typo 新建干线路公里 in m44; note 3 moved m262's section into chapter 6.
    const m44 = visible((await request(app).get('/measures/m44').expect(200)).text);
    expect(m44).toContain('编辑说明十一 · 更正');
    expect(m44).toContain('原文：新建干线路公里300公里');
    expect(m44).toContain('“路公里”为“公路”的错位');
    const moved = await request(app).get('/chapters/6').expect(200);
    const first = /<li id="(m\d+)" class="measure">/u.exec(moved.text)?.[1] ?? '';
    const m = visible((await request(app).get(`/measures/${first}`).expect(200)).text);
    expect(m).toContain('调整位置');
    expect(m.slice(m.indexOf('编辑说明'))).not.toMatch(
      /(?<![\w-])(?:[csm]\d+|c-\d+|note-\d+)(?![\w-])/u,
    );
  });

  it('links each measure of a chapter to its page, keeping the anchor', async () => {
    const res = await request(app).get('/chapters/1').expect(200);
    expect(res.text).toContain('<li id="m38" class="measure">');
    expect(res.text).toContain('<a href="/measures/m38">这项举措的页面</a>');
  });

  it('has an Atom feed of its own with an entry for the update and for the observation', async () => {
    const res = await request(app).get('/feeds/measures/m38/progress.atom').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/u);
    const xml = res.text;
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="${SITE}/measures/m38"/>`);
    const entries = xml.split('<entry>').slice(1);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain(
      '<title type="text">新建高速公路：实际值 90公里（2024-12-31）</title>',
    );
    expect(entries[0]).toContain('<updated>2024-12-31T00:00:00Z</updated>');
    expect(entries[0]).toContain('目前完成情况：90 / 210 公里（43%），滞后');
    expect(entries[1]).toContain('<summary type="text">乐西高速公路建成通车。</summary>');
    // Every element closes: the document is well formed.
    for (const tag of ['feed', 'entry', 'title', 'updated', 'summary', 'content'])
      expect(xml.split(`<${tag}`).length, tag).toBe(xml.split(`</${tag}>`).length);
    await request(app).get('/feeds/measures/m99999/progress.atom').expect(404);
    await request(app).get('/feeds/measures/M%3C/progress.atom').expect(400);
  });
});
