import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@leshan/http-kit';
import { SearchResponseSchema } from './api/search-schemas.js';
import { createCanonicalSource } from './memory-source.js';
import { createServer } from './server.js';

const app = createServer({ source: createCanonicalSource(), siteUrl: 'http://x' });

const api = async (query: Record<string, string | number>) =>
  SearchResponseSchema.parse(
    (await request(app).get('/api/v1/search').query(query).expect(200)).body,
  );
const hrefs = (html: string, rel: string): string[] =>
  [...html.matchAll(new RegExp(`<a rel="${rel}" href="([^"]*)"`, 'gu'))].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&'),
  );

describe('issue 12: search pagination', () => {
  it('pages the API with offset and limit over one ranking, with the total on every page', async () => {
    const all = await api({ q: '建设', limit: 100 });
    expect(all.total).toBeGreaterThan(20);
    expect(all).toMatchObject({ offset: 0, limit: 100, suggestions: [] });
    const first = await api({ q: '建设', limit: 10 });
    const second = await api({ q: '建设', limit: 10, offset: 10 });
    expect([first.total, second.total]).toEqual([all.total, all.total]);
    expect(second).toMatchObject({ offset: 10, limit: 10 });
    expect([...first.hits, ...second.hits].map((h) => h.nodeId)).toEqual(
      all.hits.slice(0, 20).map((h) => h.nodeId),
    );
    const past = await api({ q: '建设', offset: 5000 });
    expect(past.hits).toEqual([]);
    expect(past.total).toBe(all.total);
  });

  it('keeps the old answer: no offset or limit gives the first 20 hits', async () => {
    const body = await api({ q: '建设' });
    expect(body).toMatchObject({ query: '建设', offset: 0, limit: 20 });
    expect(body.hits).toHaveLength(20);
  });

  it('refuses offsets and limits out of bounds with Chinese messages naming the parameter', async () => {
    for (const [query, path] of [
      [{ q: '建设', offset: -1 }, 'query.offset'],
      [{ q: '建设', offset: 10_001 }, 'query.offset'],
      [{ q: '建设', offset: 'x' }, 'query.offset'],
      [{ q: '建设', limit: 0 }, 'query.limit'],
      [{ q: '建设', limit: 101 }, 'query.limit'],
      [{ q: '建设', limit: 2.5 }, 'query.limit'],
    ] as const) {
      const res = await request(app).get('/api/v1/search').query(query).expect(400);
      const error = ErrorBodySchema.parse(res.body);
      expect(
        error.issues.map((i) => i.path),
        JSON.stringify(query),
      ).toEqual([path]);
      expect(error.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/u);
    }
    await request(app).get('/search').query({ q: '建设', offset: -1 }).expect(400);
  });

  it('answers suggestions that find something when nothing matches', async () => {
    const none = await api({ q: '量子计算机' });
    expect(none.total).toBe(0);
    expect(none.suggestions.length).toBeGreaterThan(0);
    for (const s of none.suggestions) expect((await api({ q: s.query })).total).toBe(s.total);
  });

  it('renders a pager whose links keep the query and filters, in Chinese and English', async () => {
    const q = encodeURIComponent('建设');
    const page1 = await request(app).get('/search').query({ q: '建设', kind: 'measure', limit: 5 });
    expect(page1.status).toBe(200);
    expect(hrefs(page1.text, 'prev')).toEqual([]);
    const [next] = hrefs(page1.text, 'next');
    expect(next).toBe(`/search?q=${q}&kind=measure&limit=5&offset=5`);
    expect(page1.text).toContain('aria-label="结果翻页"');
    expect(page1.text).toContain('<span aria-current="page">1</span>');
    const page2 = await request(app)
      .get(next ?? '')
      .expect(200);
    expect(page2.text).toContain('<span aria-current="page">2</span>');
    expect(page2.text).toContain('<ol class="search-results" start="6">');
    expect(page2.text).toContain('（显示第 6–10 条）');
    expect(hrefs(page2.text, 'prev')).toEqual([`/search?q=${q}&kind=measure&limit=5`]);
    expect(page2.text).toMatch(/<title>搜索：建设（第 2 页）/u);
    const en = await request(app).get('/en/search').query({ q: '建设' }).expect(200);
    expect(hrefs(en.text, 'next')).toEqual([`/en/search?q=${q}&offset=20`]);
    expect(en.text).toContain('aria-label="Result pages"');
    expect(en.text).toContain('Next →');
  });

  it('shows no pager when one page holds every hit', async () => {
    const res = await request(app).get('/search').query({ q: '公路' }).expect(200);
    expect(res.text).not.toContain('search-pager');
  });

  it('links suggestions on an empty result page, in Chinese and English', async () => {
    const zh = await request(app).get('/search').query({ q: '量子计算机' }).expect(200);
    expect(zh.text).toContain('可以试试：');
    expect(zh.text).toMatch(/<a href="\/search\?q=[^"]+" lang="zh-CN">[^<]+<\/a>/u);
    const en = await request(app).get('/en/search').query({ q: '量子计算机' }).expect(200);
    expect(en.text).toContain('Try instead:');
    expect(en.text).toMatch(/<a href="\/en\/search\?q=[^"]+" lang="zh-CN">/u);
    const hopeless = await request(app).get('/search').query({ q: 'zzzqqq' }).expect(200);
    expect(hopeless.text).toContain('请换个词、缩短搜索词或减少筛选条件再试。');
  });
});
