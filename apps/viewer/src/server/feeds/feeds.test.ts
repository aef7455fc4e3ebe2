import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createServer } from '../server.js';
import { sampleSource } from '../testing/sample-editions.js';
import { escapeXml } from './atom.js';

const app = createServer({ source: sampleSource(), siteUrl: 'https://report.example.cn/' });

describe('Atom feeds', () => {
  it('lists published editions, newest first, with absolute links', async () => {
    const res = await request(app).get('/feeds/editions.atom').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(res.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const titles = [...res.text.matchAll(/<entry><id>[^<]+<\/id><title type="text">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(titles).toEqual(['第 2 版', '第 1 版']);
    expect(res.text).toContain(
      '<link rel="alternate" type="text/html" href="https://report.example.cn/editions#edition-2"/>',
    );
  });

  it('lists progress updates of the whole report and of one chapter', async () => {
    const all = await request(app).get('/feeds/progress.atom').expect(200);
    expect(all.text.match(/<entry>/g)?.length).toBe(2);
    expect(all.text.indexOf('2024-01-15')).toBeLessThan(all.text.indexOf('2023-06-30'));
    const one = await request(app).get('/feeds/chapters/1/progress.atom').expect(200);
    expect(one.text.match(/<entry>/g)?.length).toBe(1);
    expect(one.text).toContain('乐西高速公路建成通车');
    expect(one.text).toContain('href="https://report.example.cn/chapters/1#m38"');
  });

  it('answers 404 for a chapter that does not exist and 400 for a bad number', async () => {
    await request(app).get('/feeds/chapters/42/progress.atom').expect(404);
    await request(app).get('/feeds/chapters/x/progress.atom').expect(400);
  });

  it('escapes text so an editor’s markup stays text', () => {
    expect(escapeXml('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});
