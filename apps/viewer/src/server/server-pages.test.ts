import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createCanonicalSource } from './memory-source.js';
import { createServer } from './server.js';
import { MARKUP_PAYLOAD, sampleSource } from './testing/sample-editions.js';

const app = createServer({ source: sampleSource(), siteUrl: 'http://x' });
const canonical = createServer({ source: createCanonicalSource(), siteUrl: 'http://x' });

const PAGES = [
  '/',
  '/chapters/1',
  '/chapters/6',
  '/targets',
  '/search',
  '/search?q=光伏',
  '/places',
  '/downloads',
  '/editions',
  '/editions/diff/1/2',
  '/source',
  '/print',
];

describe('server-rendered pages', () => {
  it('renders every page as a whole zh-CN document with landmarks and one h1', async () => {
    for (const path of [...PAGES, ...PAGES.map((p) => `/en${p === '/' ? '/' : p}`)]) {
      const res = await request(app).get(encodeURI(path)).expect(200);
      expect(res.headers['content-type'], path).toMatch(/text\/html/);
      expect(res.text, path).toMatch(
        path.startsWith('/en') ? /<html lang="en">/ : /<html lang="zh-CN">/,
      );
      expect(res.text, path).toContain('class="skip-link" href="#main"');
      expect(res.text, path).toContain('<main id="main"');
      expect(res.text.match(/<h1[ >]/g)?.length, path).toBe(1);
    }
  });

  it('shows the title, five goals, the ideology and the eight chapters on the home page', async () => {
    const res = await request(canonical).get('/').expect(200);
    expect(res.text).toContain('砥砺奋进 不断开创乐山高质量发展新局面');
    expect(res.text.match(/class="goal-subject"/g)?.length).toBe(5);
    expect(res.text).toContain('高举中国特色社会主义伟大旗帜');
    expect(res.text.match(/class="card"/g)?.length).toBe(8);
    expect(res.text).toContain('（原文缺失标题）');
  });

  it('marks targets in a measure, gives it an anchor and a share link', async () => {
    const res = await request(canonical).get('/chapters/2').expect(200);
    expect(res.text).toContain('<li id="m94" class="measure">');
    expect(res.text).toMatch(
      /<strong class="target" title="晶硅光伏产值规模：达到 2000亿元">2000亿元<\/strong>/,
    );
    // Issue 19: the share link leads to the measure's own page.
    expect(res.text).toContain('<a href="/measures/m94">这项举措的页面</a>');
    expect(res.text).toContain('href="/places#place-wutongqiao"');
  });

  it('shows a missing title as （原文缺失标题） with a link to its note', async () => {
    const res = await request(canonical).get('/chapters/6').expect(200);
    expect(res.text).toContain('（原文缺失标题）');
    expect(res.text).toContain('href="/source#note-2"');
    // issue 19: the link read “见编辑说明 note-2”.
    expect(res.text).toContain('>见编辑说明二</a>');
  });

  // issue 19: notes were headed “note-3 · 调整位置” and listed “涉及：s258 s270 c-6”.
  it('heads each note 编辑说明N and names what it concerns in words, linked, never by id', async () => {
    const res = await request(canonical).get('/source').expect(200);
    const notes = res.text.slice(res.text.indexOf('<article id="note-1"'));
    const visible = notes.replace(/<[^>]*>/gu, ' ').replace(/\s+/gu, ' ');
    expect(visible).toContain('编辑说明三 · 调整位置');
    expect(visible).not.toMatch(/(?<![\w-])(?:[csm]\d+|c-\d+|note-\d+)(?![\w-])/u);
    expect(notes).toMatch(/<a href="\/chapters\/6">第六章 · [^<]+<\/a>/u);
  });

  // issue 19: /measures/<id> only redirected to the chapter's anchor; it is now a page of its own.
  it('answers a measure link with a page of its own, in both languages', async () => {
    const res = await request(app).get('/measures/m94').expect(200);
    expect(res.text).toContain('class="measure-page"');
    await request(app).get('/en/measures/m38').expect(200);
  });

  it('filters and sorts targets from the query string, without JavaScript', async () => {
    const res = await request(canonical)
      .get('/targets')
      .query({ unit: '元', sort: 'value', dir: 'desc' })
      .expect(200);
    const rows = [...res.text.matchAll(/<td data-label="指标" lang="zh-CN">([^<]+)<\/td>/g)].map(
      (m) => m[1],
    );
    expect(rows[0]).toBe('晶硅光伏产值规模');
    expect(res.text).not.toContain('>高速公路<');
    // Issue 19: the chart shows progress toward each target, one list per unit.
    expect(res.text).toContain('<ol class="attain-list">');
    await request(canonical).get('/targets').query({ chapter: 'x' }).expect(400);
  });

  it('renders search results with marked matches on the server', async () => {
    const res = await request(canonical).get('/search').query({ q: '伏产' }).expect(200);
    expect(res.text).toContain('<mark>伏产</mark>');
    // Issue 19: a measure found leads to its own page.
    expect(res.text).toContain('href="/measures/m94"');
  });

  it('shows an editor’s markup as text and never as markup', async () => {
    for (const path of ['/chapters/1', '/print', '/search?q=成都港', '/editions/diff/1/2']) {
      const res = await request(app).get(encodeURI(path)).expect(200);
      expect(res.text, path).not.toContain(MARKUP_PAYLOAD);
      expect(res.text, path).not.toMatch(/<img[^>]*onerror/i);
      expect(res.text, path).toContain('&lt;script&gt;window.__xss = 1&lt;/script&gt;');
    }
  });

  it('shows what changed between two editions with character-level marks', async () => {
    const res = await request(app).get('/editions/diff/1/2').expect(200);
    expect(res.text).toContain('<ins>加快</ins>');
    expect(res.text).toMatch(/已完成/);
    expect(
      (await request(app).get('/editions/diff?from=1&to=2').expect(302)).headers.location,
    ).toBe('/editions/diff/1/2');
  });

  it('lists the source text with line numbers and links notes to lines', async () => {
    const res = await request(canonical).get('/source').expect(200);
    expect(res.text).toContain('id="L44"');
    expect(res.text).toContain('<article id="note-11"');
    expect(res.text).toContain('href="#L44"');
  });

  it('lists downloads with format, size and checksum', async () => {
    const res = await request(app).get('/downloads').expect(200);
    expect(res.text).toContain('leshan-report-edition-2.json');
    expect(res.text).toMatch(/<code class="checksum">[0-9a-f]{64}<\/code>/);
  });

  it('answers unknown pages with a 404 page', async () => {
    const res = await request(app).get('/chapters/99').expect(404);
    expect(res.text).toContain('页面不存在');
  });
});
