import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_CLIENT_ASSETS } from '../server/http/client-assets.js';
import { securityHeaderList } from '../server/http/headers.js';
import { sampleSource } from '../server/testing/sample-editions.js';
import { buildStatic } from './build-static.js';
import { fileForUrl } from './static-urls.js';

const outDir = mkdtempSync(join(tmpdir(), 'viewer-static-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('buildStatic', () => {
  it('maps URLs to files a static host serves', () => {
    expect(fileForUrl('/')).toBe('index.html');
    expect(fileForUrl('/en/')).toBe('en/index.html');
    expect(fileForUrl('/chapters/2')).toBe('chapters/2/index.html');
    expect(fileForUrl('/api/v1/editions/latest.json')).toBe('api/v1/editions/latest.json');
    expect(fileForUrl('/feeds/progress.atom')).toBe('feeds/progress.atom');
  });

  // A whole site of two editions, rendered page by page: a minute on a busy machine.
  it(
    'writes every page, feed and API answer of the latest edition',
    { timeout: 120_000 },
    async () => {
      const result = await buildStatic({
        source: sampleSource(),
        assets: NO_CLIENT_ASSETS,
        siteUrl: 'https://report.example.cn',
        outDir,
      });
      expect(result.editionNumber).toBe(2);
      for (const file of [
        'index.html',
        'en/index.html',
        'chapters/8/index.html',
        'targets/index.html',
        'print/index.html',
        'editions/diff/1/2/index.html',
        '404.html',
        'feeds/chapters/1/progress.atom',
        'api/v1/openapi.json',
        'api/v1/editions/latest.json',
        'api/v1/measures/m94.json',
        'api/v1/indicators.json',
        'api/v1/editions/e2/files/leshan-report-edition-2.json',
        '_headers',
      ]) {
        expect(existsSync(join(outDir, file)), file).toBe(true);
      }
      const latest = JSON.parse(
        readFileSync(join(outDir, 'api/v1/editions/latest.json'), 'utf8'),
      ) as { hash: string };
      expect(existsSync(join(outDir, `api/v1/editions/${latest.hash}/search-index.json`))).toBe(
        true,
      );
      expect(readFileSync(join(outDir, 'chapters/2/index.html'), 'utf8')).toContain(
        '<li id="m94" class="measure">',
      );
      expect(readFileSync(join(outDir, '404.html'), 'utf8')).toContain('页面不存在');
    },
  );

  // Issue 19: the measure URLs were pages that sent the browser on to the chapter's anchor.
  it('issue 19: writes the own page of every measure in both languages, and its feed', () => {
    const m40 = readFileSync(join(outDir, 'measures/m40/index.html'), 'utf8');
    expect(m40).toContain('class="measure-page"');
    expect(m40).not.toContain('http-equiv="refresh"');
    expect(m40).toContain('<link rel="canonical" href="https://report.example.cn/measures/m40">');
    const en = readFileSync(join(outDir, 'en/measures/m94/index.html'), 'utf8');
    expect(en).toContain('<html lang="en">');
    expect(readFileSync(join(outDir, 'feeds/measures/m38/progress.atom'), 'utf8')).toContain(
      '<link rel="alternate" type="text/html" href="https://report.example.cn/measures/m38"/>',
    );
  });

  it('issue 12: writes robots.txt naming the sitemap, sitemap.xml and the favicon', () => {
    expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://report.example.cn/sitemap.xml',
    );
    expect(readFileSync(join(outDir, 'sitemap.xml'), 'utf8')).toContain(
      '<loc>https://report.example.cn/chapters/8</loc>',
    );
    expect(readFileSync(join(outDir, 'favicon.svg'), 'utf8')).toMatch(/^<svg /);
    expect([...readFileSync(join(outDir, 'favicon.ico')).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  it('issue 12: gives static hosts every security header the server sends', () => {
    const headers = readFileSync(join(outDir, '_headers'), 'utf8');
    for (const [name, value] of securityHeaderList())
      expect(headers).toContain(`\n  ${name}: ${value}\n`);
  });

  it('issue 12: writes the Open Graph image every page names', () => {
    const png = readFileSync(join(outDir, 'og-image.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(readFileSync(join(outDir, 'chapters/2/index.html'), 'utf8')).toContain(
      '<meta property="og:image" content="https://report.example.cn/og-image.png">',
    );
  });

  it('issue 12: writes every page of the past edition under /editions/1, each with the banner to the latest', () => {
    const pages: [string, string, string][] = [
      ['editions/1/index.html', '/editions/1', '<a href="/">查看最新版本</a>'],
      ['editions/1/chapters/2/index.html', '/editions/1/chapters/2', '<a href="/chapters/2">'],
      ['editions/1/targets/index.html', '/editions/1/targets', '<a href="/targets">'],
      ['editions/1/downloads/index.html', '/editions/1/downloads', '<a href="/downloads">'],
      [
        'en/editions/1/chapters/2/index.html',
        '/en/editions/1/chapters/2',
        'href="/en/chapters/2">Read the latest edition',
      ],
    ];
    for (const [file, path, banner] of pages) {
      const html = readFileSync(join(outDir, file), 'utf8');
      expect(html, file).toContain('class="edition-banner"');
      expect(html, file).toContain(banner);
      expect(html, file).toContain(
        `<link rel="canonical" href="https://report.example.cn${path}">`,
      );
    }
    expect(readFileSync(join(outDir, 'chapters/2/index.html'), 'utf8')).not.toContain(
      'class="edition-banner"',
    );
    // The past edition's own text, and its measure URLs lead into it.
    const m40 = readFileSync(join(outDir, 'editions/1/measures/m40/index.html'), 'utf8');
    const chapter = /href="(\/editions\/1\/chapters\/\d)"/.exec(m40)?.[1] ?? '';
    expect(chapter).not.toBe('');
    const reworded = '统筹“1+3+N”航空网建设，加快建成投运乐山机场。';
    expect(readFileSync(join(outDir, `${chapter.slice(1)}/index.html`), 'utf8')).not.toContain(
      reworded,
    );
    expect(
      readFileSync(join(outDir, `${chapter.replace('/editions/1/', '')}/index.html`), 'utf8'),
    ).toContain(reworded);
    expect(existsSync(join(outDir, 'editions/2'))).toBe(false);
  });
});
