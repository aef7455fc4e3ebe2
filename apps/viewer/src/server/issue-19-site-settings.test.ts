import { DEFAULT_SITE_SETTINGS } from '@leshan/report-store';
import type { SiteSettings } from '@leshan/report-store';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { sameSitePath, textSizeOf } from '../ui/text-size.js';
import { createMemorySource } from './memory-source.js';
import type { SiteSettingsHolder } from './memory-source.js';
import { createServer, viewerListener } from './server.js';
import { sampleEditions } from './testing/sample-editions.js';

const SETTINGS: SiteSettings = {
  publisher: '乐山市人民政府办公室',
  contact: { email: 'gzbg@example.org', phone: '0833-1234567', address: '四川省乐山市市中区' },
  officialReportUrl: 'https://www.leshan.gov.cn/gzbg/2022.html',
  dataLicense: DEFAULT_SITE_SETTINGS.dataLicense,
};

function site(settings: SiteSettings = SETTINGS): {
  app: ReturnType<typeof createServer>;
  holder: SiteSettingsHolder;
} {
  const { editions, artifacts } = sampleEditions();
  const holder: SiteSettingsHolder = { settings };
  return {
    app: createServer({
      source: createMemorySource(editions, artifacts, holder),
      siteUrl: 'http://x',
    }),
    holder,
  };
}

// One page of every kind the viewer renders, both languages.
const PAGE_KINDS = [
  '/',
  '/chapters/1',
  '/targets',
  '/places',
  '/search?q=光伏',
  '/downloads',
  '/editions',
  '/editions/diff/1/2',
  '/editions/1',
  '/source',
  '/print',
  '/about',
  '/no-such-page',
];

describe('issue 19: who, what licence, where from', () => {
  it('shows 主办单位, contact, the linked licence and the official report on every kind of page', async () => {
    const { app } = site();
    for (const path of [...PAGE_KINDS, ...PAGE_KINDS.map((p) => `/en${p === '/' ? '/' : p}`)]) {
      const res = await request(app).get(encodeURI(path));
      expect([200, 404], path).toContain(res.status);
      const footer = res.text.slice(res.text.indexOf('<footer'));
      expect(footer, path).toContain('乐山市人民政府办公室');
      expect(footer, path).toContain('href="mailto:gzbg@example.org"');
      expect(footer, path).toContain('href="tel:08331234567"');
      expect(footer, path).toContain('四川省乐山市市中区');
      expect(footer, path).toContain(
        'href="https://creativecommons.org/licenses/by/4.0/" rel="license"',
      );
      expect(footer, path).toContain('href="https://www.leshan.gov.cn/gzbg/2022.html"');
      expect(footer, path).toContain(path.startsWith('/en') ? 'href="/en/about"' : 'href="/about"');
    }
  });

  it('says “not yet published” while unset, inventing no publisher or address', async () => {
    const { app } = site(DEFAULT_SITE_SETTINGS);
    const zh = await request(app).get('/').expect(200);
    const footer = zh.text.slice(zh.text.indexOf('<footer'));
    expect(footer.match(/尚未公布/g)?.length).toBe(3);
    expect(footer).not.toContain('mailto:');
    expect(footer).toContain('CC-BY-4.0');
    const en = await request(app).get('/en/about').expect(200);
    expect(en.text).toContain('has not been published yet');
  });

  it('has an about page saying who runs the site, what the licence allows, where the report is and how the data is made', async () => {
    const { app } = site();
    const zh = await request(app).get('/about').expect(200);
    expect(zh.text).toContain('<h1>关于本站</h1>');
    for (const words of [
      '谁在运行本站',
      '乐山市人民政府办公室',
      '数据可以怎样使用',
      '只需注明来源',
      '报告全文在哪里',
      'https://www.leshan.gov.cn/gzbg/2022.html',
      '数据是怎样整理的',
      '编辑说明',
      '目前共 2 个版本，最新为第 2 版',
      'href="/source"',
      'href="/editions"',
    ])
      expect(zh.text).toContain(words);
    const en = await request(app).get('/en/about').expect(200);
    expect(en.text).toContain('<h1>About this site</h1>');
    expect(en.text).toContain('credit the source');
    expect(en.text).toContain('href="/en/source"');
  });

  it('shows a settings change on the next request, without a restart (cached pages and answers are made again)', async () => {
    const { app, holder } = site();
    const listener = viewerListener(app);
    const first = await request(listener).get('/chapters/1').expect(200);
    // The answer cache serves a repeat...
    expect((await request(listener).get('/chapters/1')).headers.etag).toBe(first.headers.etag);
    holder.settings = { ...SETTINGS, publisher: '乐山市大数据中心' };
    const after = await request(listener).get('/chapters/1').expect(200);
    expect(after.text).toContain('乐山市大数据中心');
    expect(after.headers.etag).not.toBe(first.headers.etag);
    // ...and an old ETag no longer answers 304.
    await request(listener)
      .get('/chapters/1')
      .set('If-None-Match', String(first.headers.etag))
      .expect(200);
  });

  it('sets the text size without JavaScript: a link, a year-long cookie, 303 back, <html data-text-size>', async () => {
    const { app } = site();
    const page = await request(app).get('/chapters/1').expect(200);
    const header = page.text.slice(page.text.indexOf('<header'), page.text.indexOf('</header>'));
    expect(header).toContain('aria-label="字号"');
    const link = /href="(\/settings\/text-size\?size=large&amp;back=[^"]+)"/.exec(header)?.[1];
    expect(link).toBe('/settings/text-size?size=large&amp;back=%2Fchapters%2F1');
    const set = await request(app)
      .get((link ?? '').replace(/&amp;/g, '&'))
      .expect(303);
    expect(set.headers.location).toBe('/chapters/1');
    expect(set.headers['cache-control']).toBe('no-store');
    const cookie = String(set.headers['set-cookie']);
    expect(cookie).toMatch(
      /^text_size=large; Max-Age=31536000; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );

    const large = await request(app)
      .get('/chapters/1')
      .set('Cookie', 'text_size=large')
      .expect(200);
    expect(large.text).toMatch(/^<!doctype html>\n<html lang="zh-CN" data-text-size="large">/);
    expect(large.text).toContain('aria-current="true" class="text-size-large"');
    expect(page.text).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    const xl = await request(app).get('/en/').set('Cookie', 'a=b; text_size=xlarge').expect(200);
    expect(xl.text).toContain('<html lang="en" data-text-size="xlarge">');
    // The English page returns to itself, its query kept.
    const search = await request(app).get('/en/search?q=road').expect(200);
    expect(search.text).toContain('back=%2Fen%2Fsearch%3Fq%3Droad');
  });

  it('keeps caches right: Vary: Cookie on pages, an ETag per size, one cached answer per size', async () => {
    const { app } = site();
    const listener = viewerListener(app);
    const sizes = ['', 'text_size=standard', 'text_size=large', 'text_size=xlarge'];
    const answers = [];
    // Twice each: the second comes from the answer cache and must still be that size's.
    for (let round = 0; round < 2; round++)
      for (const cookie of sizes) {
        const res = await request(listener).get('/targets').set('Cookie', cookie).expect(200);
        expect(res.headers.vary).toBe('Accept-Encoding, Cookie');
        answers.push({
          cookie,
          etag: String(res.headers.etag),
          size: /data-text-size="(\w+)"/.exec(res.text)?.[1],
        });
      }
    const first = answers.slice(0, 4);
    expect(first.map((a) => a.size)).toEqual([undefined, undefined, 'large', 'xlarge']);
    expect(new Set(first.map((a) => a.etag)).size).toBe(3);
    expect(answers.slice(4)).toEqual(first);
    // A large-text ETag does not answer 304 for a reader at the standard size.
    await request(listener)
      .get('/targets')
      .set('If-None-Match', first[2]?.etag ?? '')
      .expect(200);
    // The read API does not depend on the cookie.
    const api = await request(listener).get('/api/v1/editions.json').expect(200);
    expect(api.headers.vary ?? '').not.toContain('Cookie');
  });

  it('never redirects off the site, and refuses an unknown size in Chinese with nothing set', async () => {
    const { app } = site();
    for (const back of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/%0d%0aSet-Cookie:x=1',
      '/\u0000x',
      '',
    ]) {
      const res = await request(app)
        .get('/settings/text-size')
        .query({ size: 'xlarge', back })
        .expect(303);
      const location = String(res.headers.location);
      expect(location, back).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, 'http://x').origin, back).toBe('http://x');
    }
    const kept = await request(app)
      .get('/settings/text-size')
      .query({ size: 'large', back: '/en/search?q=路#results' })
      .expect(303);
    expect(kept.headers.location).toBe('/en/search?q=%E8%B7%AF#results');
    const refused = await request(app).get('/settings/text-size?size=huge&back=/').expect(400);
    expect(refused.text).toContain('字号只能是');
    expect(refused.headers['set-cookie']).toBeUndefined();
  });

  it('reads the size and the back path the same way everywhere (units)', () => {
    expect(textSizeOf(undefined)).toBe('standard');
    expect(textSizeOf('text_size=huge')).toBe('standard');
    expect(textSizeOf('x=1;text_size=large')).toBe('large');
    expect(sameSitePath('/chapters/2?x=1')).toBe('/chapters/2?x=1');
    expect(sameSitePath(['/a', '/b'])).toBe('/');
    expect(sameSitePath(`/${'a'.repeat(2001)}`)).toBe('/');
  });
});
