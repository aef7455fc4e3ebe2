import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy } from '@leshan/report-core';
import type { Edition } from '../schemas.js';
import { EditionSchema } from '../schemas.js';
import { ErrorBodySchema } from '@leshan/http-kit';
import { etagFor } from './http/respond.js';
import { createMemorySource, makeEdition } from './memory-source.js';
import { createServer } from './server.js';
import { editedReport, sampleSource } from './testing/sample-editions.js';

const app = createServer({ source: sampleSource(), siteUrl: 'http://x' });

describe('HTTP behaviour of pages, API and feeds', () => {
  it('gives every response a strong ETag and Cache-Control and answers 304 to If-None-Match', async () => {
    for (const path of [
      '/',
      '/chapters/2',
      '/targets',
      '/api/v1/editions/latest',
      '/api/v1/indicators',
      '/feeds/progress.atom',
    ]) {
      const first = await request(app).get(path).expect(200);
      const etag = first.headers.etag;
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control'], path).toBeDefined();
      const again = await request(app)
        .get(path)
        .set('If-None-Match', etag ?? '')
        .expect(304);
      expect(again.text, path).toBe('');
      await request(app).get(path).set('If-None-Match', '"other"').expect(200);
    }
  });

  it('sends a strict CSP and the usual security headers', async () => {
    const res = await request(app).get('/').expect(200);
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('opens CORS for reads and refuses writes', async () => {
    const get = await request(app)
      .get('/api/v1/editions')
      .set('Origin', 'https://elsewhere.example')
      .expect(200);
    expect(get.headers['access-control-allow-origin']).toBe('*');
    expect(get.headers['access-control-expose-headers']).toContain('ETag');
    const preflight = await request(app)
      .options('/api/v1/editions')
      .set('Origin', 'https://elsewhere.example')
      .set('Access-Control-Request-Method', 'GET')
      .expect(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    const post = await request(app).post('/api/v1/editions').send({}).expect(405);
    expect(ErrorBodySchema.parse(post.body)).toMatchObject({
      code: 'method-not-allowed',
      error: expect.stringMatching(/只读/) as unknown,
    });
    await request(app).head('/api/v1/editions/latest').expect(200);
  });

  it('serves built assets as immutable files with a strong ETag from their bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viewer-assets-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'main-abc.js'), 'console.log(1)');
    const withAssets = createServer({
      source: sampleSource(),
      siteUrl: 'http://x',
      assets: { script: '/assets/main-abc.js', css: [], dir },
    });
    const res = await request(withAssets).get('/assets/main-abc.js').expect(200);
    expect(res.headers.etag).toBe(etagFor('console.log(1)'));
    expect(res.headers['cache-control']).toContain('immutable');
    await request(withAssets)
      .get('/assets/main-abc.js')
      .set('If-None-Match', etagFor('console.log(1)'))
      .expect(304);
    await request(withAssets).get('/assets/missing.js').expect(404);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a new edition without a restart', async () => {
    const editions: Edition[] = [
      makeEdition(editableCopy(canonicalReport), 1, '2022-03-01T08:00:00.000Z', '首次发布。'),
    ];
    const live = createServer({ source: createMemorySource(editions), siteUrl: 'http://x' });
    const before = await request(live).get('/chapters/1').expect(200);
    expect(before.text).not.toContain('乐西高速公路建成通车');
    editions.push(makeEdition(editedReport(), 2, '2024-02-01T08:00:00.000Z', '更新进展。'));
    const after = await request(live).get('/chapters/1').expect(200);
    expect(after.text).toContain('乐西高速公路建成通车');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const api = await request(live).get('/api/v1/editions/latest').expect(200);
    expect(EditionSchema.parse(api.body).number).toBe(2);
  });

  it('says nothing is published yet, with 503 and no caching, before the first edition', async () => {
    const empty = createServer({ source: createMemorySource([]), siteUrl: 'http://x' });
    const res = await request(empty).get('/').expect(503);
    expect(res.text).toContain('尚未发布');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
