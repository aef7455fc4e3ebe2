import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createServer } from '../server.js';
import { NO_CLIENT_ASSETS } from '../http/client-assets.js';
import { sampleSource } from '../testing/sample-editions.js';
import { renderPage } from './render-page.js';
import { canonicalPath } from './canonical-path.js';

const SITE = 'https://report.example.cn';
const app = createServer({ source: sampleSource(), siteUrl: `${SITE}/` });

const attr = (html: string, pattern: RegExp): string | undefined => pattern.exec(html)?.[1];

/** A 200 answer with its body as bytes (supertest buffers only text by default). */
const getBytes = (path: string): Promise<request.Response> =>
  request(app)
    .get(path)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
const canonicalOf = (html: string): string | undefined =>
  attr(html, /<link rel="canonical" href="([^"]*)">/);
const hrefs = (html: string): string[] =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');

describe('issue 12: one URL per page', () => {
  it.each([
    ['/chapters/01', '/chapters/1'],
    ['/CHAPTERS/1', '/chapters/1'],
    ['/chapters/1/', '/chapters/1'],
    ['/Chapters//001/', '/chapters/1'],
    ['/targets/?chapter=2&sort=value', '/targets?chapter=2&sort=value'],
    ['/en', '/en/'],
    ['/EN/Chapters/01?x=1', '/en/chapters/1?x=1'],
    ['/en/targets/', '/en/targets'],
    ['/editions/01/chapters/02/', '/editions/1/chapters/2'],
    ['/measures/M94', '/measures/m94'],
    ['/chapters/2?edition=1', '/editions/1/chapters/2'],
    ['/en/targets?chapter=2&edition=01', '/en/editions/1/targets?chapter=2'],
    ['/?edition=1', '/editions/1'],
  ])('answers %s with 301 to %s', async (from, to) => {
    const res = await request(app).get(from).expect(301);
    expect(res.headers.location).toBe(to);
  });

  it('answers the canonical spelling itself, with an absolute canonical link from SITE_URL', async () => {
    for (const [path, url] of [
      ['/', `${SITE}/`],
      ['/chapters/1', `${SITE}/chapters/1`],
      ['/en/', `${SITE}/en/`],
      ['/en/targets?chapter=2', `${SITE}/en/targets`],
      ['/editions', `${SITE}/editions`],
    ] as const) {
      const res = await request(app).get(path).set('Host', 'evil.example').expect(200);
      expect(canonicalOf(res.text), path).toBe(url);
      expect(res.text, path).not.toContain('evil.example');
    }
  });

  it('gives error pages no canonical link', async () => {
    const res = await request(app).get('/chapters/77').expect(404);
    expect(canonicalOf(res.text)).toBeUndefined();
  });
});

describe('issue 12: no link built from the request path points off-site', () => {
  it.each([
    ['/en//evil.example/x', '/en/evil.example/x'],
    ['//evil.example/x', '/evil.example/x'],
    ['/en/\\evil.example/x', '/en/evil.example/x'],
    ['/\\\\evil.example', '/evil.example'],
  ])('redirects %s to the on-site path %s', async (from, to) => {
    const res = await request(app).get(from).expect(301);
    expect(res.headers.location).toBe(to);
    const page = await request(app).get(to).expect(404);
    for (const href of hrefs(page.text)) expect(href, href).toMatch(/^(\/(?![/\\])|#|https?:)/);
    expect(page.text).not.toMatch(/href="[/\\]{2}|href="\/\\/);
  });

  it('keeps links on-site even when a page is rendered for a path with doubled slashes', () => {
    for (const path of ['//evil.example/x', '/\\evil.example', '/editions/1//evil.example']) {
      for (const lang of ['zh', 'en'] as const) {
        const html = renderPage(
          { lang, siteUrl: SITE, path, edition: undefined, assets: NO_CLIENT_ASSETS },
          { title: 't', element: <p>x</p>, query: '?q=1' },
        );
        for (const href of hrefs(html)) expect(href, `${lang} ${path}`).toMatch(/^(#|\/(?![/\\]))/);
      }
    }
  });

  it('never writes a canonical path that starts with two slashes', () => {
    for (const p of ['//a', '///a/b', '/\\a', '\\\\a', '/en//a', '']) {
      expect(canonicalPath(p)).toMatch(/^\/(?![/\\])/);
    }
  });
});

describe('issue 12: sitemap.xml, robots.txt and the favicon', () => {
  it('lists every page of the latest edition in both languages', async () => {
    const res = await request(app).get('/sitemap.xml').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const locs = [...res.text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    for (const path of [
      '/',
      '/chapters/1',
      '/chapters/8',
      '/targets',
      '/places',
      '/downloads',
      '/editions',
      '/source',
      '/en/',
      '/en/chapters/8',
      '/en/editions',
    ])
      expect(locs, path).toContain(`${SITE}${path}`);
    expect(new Set(locs).size).toBe(locs.length);
    expect(res.text).toContain('<lastmod>2024-02-01</lastmod>');
    for (const loc of locs) {
      const path = (loc ?? '').slice(SITE.length);
      await request(app).get(path).expect(200);
    }
  });

  it('names the sitemap in robots.txt', async () => {
    const res = await request(app).get('/robots.txt').expect(200);
    expect(res.text).toContain(`Sitemap: ${SITE}/sitemap.xml\n`);
  });

  it('answers /favicon.svg and /favicon.ico, and every page links them', async () => {
    const svg = await request(app).get('/favicon.svg').expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(String(svg.body)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const ico = await getBytes('/favicon.ico');
    expect(ico.headers['content-type']).toBe('image/x-icon');
    const bytes = ico.body as Buffer;
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(bytes.readUInt32LE(14)).toBe(bytes.length - 22);
    const page = await request(app).get('/places').expect(200);
    expect(page.text).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32">');
    expect(page.text).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
  });
});

describe('issue 12: Open Graph and Twitter tags', () => {
  it("carry each page's own title, description and address", async () => {
    const seen = new Set<string>();
    for (const path of ['/', '/chapters/2', '/targets', '/places', '/en/downloads', '/editions']) {
      const html = (await request(app).get(path).expect(200)).text;
      const title = attr(html, /<title>([^<]*)<\/title>/);
      const description = attr(html, /<meta name="description" content="([^"]*)">/);
      expect(attr(html, /<meta property="og:title" content="([^"]*)">/), path).toBe(title);
      expect(attr(html, /<meta name="twitter:title" content="([^"]*)">/), path).toBe(title);
      expect(attr(html, /<meta property="og:description" content="([^"]*)">/), path).toBe(
        description,
      );
      expect(attr(html, /<meta name="twitter:description" content="([^"]*)">/), path).toBe(
        description,
      );
      expect(attr(html, /<meta property="og:url" content="([^"]*)">/), path).toBe(
        canonicalOf(html),
      );
      expect(html, path).toContain('<meta name="twitter:card" content="summary_large_image">');
      seen.add(description ?? '');
    }
    expect(seen.size).toBe(6);
  });
});

describe('issue 12: the Open Graph image', () => {
  it('is named on every page, found or not, with its size and text, and served as the PNG it says', async () => {
    const pages: [string, number][] = [
      ['/', 200],
      ['/chapters/2', 200],
      ['/en/targets', 200],
      ['/editions/1', 200],
      ['/no-such-page', 404],
    ];
    const images = new Set<string>();
    for (const [path, status] of pages) {
      const html = (await request(app).get(path).expect(status)).text;
      const url = attr(html, /<meta property="og:image" content="([^"]*)">/) ?? '';
      expect(url, path).toBe(`${SITE}/og-image.png`);
      expect(attr(html, /<meta name="twitter:image" content="([^"]*)">/), path).toBe(url);
      expect(attr(html, /<meta property="og:image:type" content="([^"]*)">/), path).toBe(
        'image/png',
      );
      const alt = attr(html, /<meta property="og:image:alt" content="([^"]*)">/) ?? '';
      expect(alt, path).toContain(path.startsWith('/en') ? 'Leshan' : '乐山');
      expect(attr(html, /<meta name="twitter:image:alt" content="([^"]*)">/), path).toBe(alt);
      const width = Number(attr(html, /<meta property="og:image:width" content="([^"]*)">/));
      const height = Number(attr(html, /<meta property="og:image:height" content="([^"]*)">/));
      images.add(`${new URL(url).pathname} ${width}×${height}`);
    }
    expect([...images]).toEqual(['/og-image.png 1200×630']);
    const png = await getBytes('/og-image.png');
    expect(png.headers['content-type']).toBe('image/png');
    const bytes = png.body as Buffer;
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
    const again = await request(app)
      .get('/og-image.png')
      .set('If-None-Match', png.headers.etag ?? '')
      .expect(304);
    expect(again.headers.etag).toBe(png.headers.etag);
  });
});

describe('issue 12: past editions at /editions/N', () => {
  it('serves every page of a past edition with a banner to the latest and its own canonical', async () => {
    for (const path of [
      '',
      '/chapters/2',
      '/targets',
      '/places',
      '/downloads',
      '/source',
      '/print',
    ]) {
      const res = await request(app).get(`/editions/1${path}`).expect(200);
      expect(res.text, path).toContain('class="edition-banner"');
      expect(res.text, path).toContain(`<a href="${path === '' ? '/' : path}">查看最新版本</a>`);
      expect(canonicalOf(res.text), path).toBe(`${SITE}/editions/1${path}`);
    }
    const latest = await request(app).get('/chapters/2').expect(200);
    expect(latest.text).not.toContain('class="edition-banner"');
  });

  it('shows the text of that edition and keeps its links inside it', async () => {
    const reworded = '统筹“1+3+N”航空网建设，加快建成投运乐山机场。';
    const measurePage = await request(app).get('/editions/1/measures/m40').expect(200);
    expect(measurePage.text).not.toContain(reworded);
    const chapter = /href="(\/editions\/1\/chapters\/\d)"/.exec(measurePage.text)?.[1] ?? '';
    expect(chapter).toMatch(/^\/editions\/1\/chapters\/\d$/);
    const past = await request(app).get(chapter).expect(200);
    expect(past.text).toContain('id="m40"');
    expect(past.text).not.toContain(reworded);
    const now = await request(app).get(chapter.replace('/editions/1', '')).expect(200);
    expect(now.text).toContain(reworded);
    expect(past.text).toMatch(/href="\/editions\/1\/measures\/m\d+"/);
    expect(past.text).toContain('href="/editions/1/targets"');
    const downloads = await request(app).get('/editions/1/downloads').expect(200);
    expect(downloads.text).toContain('leshan-report-edition-1.json');
    expect(downloads.text).not.toContain('leshan-report-edition-2.json');
  });

  it('links each edition from the list of editions', async () => {
    const res = await request(app).get('/editions').expect(200);
    expect(res.text).toContain('href="/editions/1"');
  });

  it('answers a missing edition with 404 in Chinese (and in English under /en)', async () => {
    const zh = await request(app).get('/editions/99').expect(404);
    expect(zh.text).toContain('没有这个版本');
    const deep = await request(app).get('/editions/99/chapters/1').expect(404);
    expect(deep.text).toContain('没有这个版本');
    const en = await request(app).get('/en/editions/99').expect(404);
    expect(en.text).toContain('No such edition');
    await request(app).get('/editions/1/chapters/77').expect(404);
  });

  it('renders the English interface of a past edition', async () => {
    const res = await request(app).get('/en/editions/1/chapters/2').expect(200);
    expect(res.text).toContain('You are reading edition 1');
    expect(res.text).toContain('href="/en/chapters/2">Read the latest edition');
    expect(res.text).toMatch(/class="lang-switch" href="\/editions\/1\/chapters\/2"/);
  });
});

describe('issue 12: the language switch keeps the query', () => {
  it.each([
    ['/targets?chapter=2&sort=value', 'href="/en/targets?chapter=2&amp;sort=value"'],
    ['/en/search?q=%E5%85%89%E4%BC%8F', 'href="/search?q=%E5%85%89%E4%BC%8F"'],
    ['/targets?utm_source=x&chapter=3', 'href="/en/targets?chapter=3"'],
    ['/search?q=%22%3E%3Cscript%3E', 'href="/en/search?q=%22%3E%3Cscript%3E"'],
    ['/en/', 'href="/"'],
    ['/', 'href="/en/"'],
  ])('on %s links %s', async (path, link) => {
    const res = await request(app).get(path).expect(200);
    const lang = attr(res.text, /<a class="lang-switch" (href="[^"]*")/);
    expect(lang).toBe(link);
  });
});
