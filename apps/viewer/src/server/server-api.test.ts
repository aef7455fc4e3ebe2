import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { EditionSchema } from '../schemas.js';
import {
  ArtifactListSchema,
  EditionListSchema,
  IndicatorListSchema,
  MeasureResponseSchema,
} from './api/api-schemas.js';
import { SearchResponseSchema } from './api/search-schemas.js';
import { ErrorBodySchema } from '@leshan/http-kit';
import { sha256Hex } from '@leshan/report-core/hash';
import { createCanonicalSource } from './memory-source.js';
import { createServer } from './server.js';
import { followedSource, sampleSource } from './testing/sample-editions.js';

const app = createServer({ source: sampleSource(), siteUrl: 'https://report.example.cn' });

describe('public read API /api/v1', () => {
  it('serves the latest edition as a valid Edition', async () => {
    const res = await request(app).get('/api/v1/editions/latest').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const edition = EditionSchema.parse(res.body);
    expect(edition.number).toBe(2);
  });

  it('finds an edition by id, number and hash, with an immutable cache policy', async () => {
    const latest = EditionSchema.parse((await request(app).get('/api/v1/editions/latest')).body);
    for (const key of [latest.id, String(latest.number), latest.hash]) {
      const res = await request(app).get(`/api/v1/editions/${key}`).expect(200);
      expect(EditionSchema.parse(res.body).hash).toBe(latest.hash);
      expect(res.headers['cache-control']).toContain('immutable');
    }
  });

  it('accepts .json at the end of any path, as the static build writes it', async () => {
    const a = await request(app).get('/api/v1/editions/latest.json').expect(200);
    const b = await request(app).get('/api/v1/editions/latest').expect(200);
    expect(a.headers.etag).toBe(b.headers.etag);
  });

  it('lists editions newest first', async () => {
    const res = await request(app).get('/api/v1/editions').expect(200);
    expect(EditionListSchema.parse(res.body).editions.map((e) => e.number)).toEqual([2, 1]);
  });

  it('answers a measure by id with its chapter, section and page address', async () => {
    const res = await request(app).get('/api/v1/measures/m94').expect(200);
    const body = MeasureResponseSchema.parse(res.body);
    expect(body.chapter.number).toBe(2);
    expect(body.url).toBe('/chapters/2#m94');
    expect(body.measure.tracking.status).toBe('completed');
    const old = MeasureResponseSchema.parse(
      (await request(app).get('/api/v1/measures/m94?edition=1').expect(200)).body,
    );
    expect(old.measure.tracking.status).toBeNull();
  });

  it('lists indicators flat, filtered by the query and with Chinese values', async () => {
    const res = await request(app).get('/api/v1/indicators').query({ unit: '元' }).expect(200);
    const body = IndicatorListSchema.parse(res.body);
    expect(body.indicators.length).toBeGreaterThan(0);
    expect(body.indicators.every((i) => i.unit === '元')).toBe(true);
    expect(body.indicators.find((i) => i.id === 'm94-t1')?.display).toBe('2000亿元');
  });

  it('searches with the core search and answers hits with page addresses', async () => {
    for (const [q, id] of [
      ['光伏', 'm94'],
      ['伏产', 'm94'],
      ['210', 'm38'],
    ] as const) {
      const body = SearchResponseSchema.parse(
        (await request(app).get('/api/v1/search').query({ q }).expect(200)).body,
      );
      expect(body.hits.map((h) => h.nodeId)).toContain(id);
    }
    const filtered = SearchResponseSchema.parse(
      (await request(app).get('/api/v1/search').query({ q: '产业', chapter: 2, kind: 'measure' }))
        .body,
    );
    expect(filtered.hits.every((h) => h.chapterNumber === 2 && h.kind === 'measure')).toBe(true);
  });

  it('rejects bad query parameters with Chinese messages naming the parameter', async () => {
    const res = await request(app)
      .get('/api/v1/indicators')
      .query({ chapter: 'abc', comparator: 'most' })
      .expect(400);
    const error = ErrorBodySchema.parse(res.body);
    expect(error.error).toMatch(/查询参数/);
    expect(error.code).toBe('invalid-input');
    const paths = error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['query.chapter', 'query.comparator']));
    const empty = await request(app).get('/api/v1/search').expect(400);
    expect(ErrorBodySchema.parse(empty.body).issues[0]?.message).toBe('请输入搜索词');
  });

  it('answers 404 in Chinese for unknown editions, measures and routes', async () => {
    const errorOf = async (path: string): Promise<string> => {
      const error = ErrorBodySchema.parse((await request(app).get(path).expect(404)).body);
      return `${error.code}: ${error.error}`;
    };
    expect(await errorOf('/api/v1/editions/999')).toMatch(/^not-found: 未找到/);
    expect(await errorOf('/api/v1/measures/m1')).toMatch(/^not-found: 未找到/);
    expect(await errorOf('/api/v1/nothing')).toMatch(/^not-found: .*接口/);
  });

  it('lists and serves export files whose bytes match their checksum', async () => {
    const list = ArtifactListSchema.parse(
      (await request(app).get('/api/v1/editions/2/artifacts').expect(200)).body,
    );
    const [artifact] = list.artifacts;
    expect(artifact).toBeDefined();
    if (artifact === undefined) return;
    const file = await request(app)
      .get(artifact.href)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(sha256Hex(file.body as Buffer)).toBe(artifact.sha256);
    expect(file.headers['content-disposition']).toContain(artifact.fileName);
    await request(app).get(artifact.href).set('If-None-Match', `"${artifact.sha256}"`).expect(304);
  });

  it('serves the serialized search index of an edition', async () => {
    const latest = EditionSchema.parse((await request(app).get('/api/v1/editions/latest')).body);
    const res = await request(app)
      .get(`/api/v1/editions/${latest.hash}/search-index.json`)
      .expect(200);
    expect(res.body).toMatchObject({ format: 'leshan-report-search-index' });
  });

  it('answers 404 for the latest edition before anything is published', async () => {
    const empty = createServer({
      source: { ...createCanonicalSource(), latestEdition: () => Promise.resolve(undefined) },
      siteUrl: 'http://x',
    });
    expect(
      ErrorBodySchema.parse((await request(empty).get('/api/v1/editions/latest').expect(404)).body)
        .error,
    ).toBe('尚未发布任何版本');
  });
});

describe('public read API: following the targets (issue 18)', () => {
  const followed = createServer({ source: followedSource(), siteUrl: 'https://report.example.cn' });

  it('answers m38 with its targets’ observations as published, their attainment and the named departments', async () => {
    const body = MeasureResponseSchema.parse(
      (await request(followed).get('/api/v1/measures/m38').expect(200)).body,
    );
    const [road, rail] = body.measure.indicators;
    expect(road?.observations?.map((o) => [o.date, o.value, o.source.url])).toEqual([
      ['2024-12-31', 90, 'https://example.org/leshan/bulletin-2024'],
    ]);
    expect(road?.attainment).toMatchObject({
      rule: 'increment',
      verdict: 'behind',
      asOf: '2024-12-31',
    });
    expect(Math.round(road?.attainment.percent ?? 0)).toBe(43);
    expect(rail?.observations).toBeUndefined();
    expect(rail?.attainment).toMatchObject({
      verdict: 'not-reported',
      percent: null,
      missing: 'observations',
    });
    expect(body.responsibility).toEqual({
      lead: { id: 'dept-jt', name: '市交通运输局' },
      co: [{ id: 'dept-fg', name: '市发展改革委' }],
      deadline: '2026-12-31',
      milestones: [{ id: 'ms-m38-1', year: 2024, text: '乐西高速建成通车', done: true }],
    });
  });

  it('still serves an edition made before issue 18: no responsibility, every target not reported', async () => {
    const old = MeasureResponseSchema.parse(
      (await request(followed).get('/api/v1/measures/m38?edition=1').expect(200)).body,
    );
    expect(old.responsibility).toBeNull();
    expect(old.measure.indicators.map((i) => [i.observations, i.attainment.verdict])).toEqual([
      [undefined, 'not-reported'],
      [undefined, 'not-reported'],
    ]);
    expect(old.measure).not.toHaveProperty('responsibility');
  });

  it('lists each indicator with its observations and attainment; none reported in an older latest edition', async () => {
    const rows = IndicatorListSchema.parse(
      (await request(followed).get('/api/v1/indicators').expect(200)).body,
    ).indicators;
    const road = rows.find((i) => i.id === 'm38-t1');
    expect(road?.observations.map((o) => o.value)).toEqual([90]);
    expect(road?.attainment.verdict).toBe('behind');
    const others = rows.filter((i) => i.id !== 'm38-t1');
    expect(others.length).toBeGreaterThan(0);
    expect(
      others.every((i) => i.observations.length === 0 && i.attainment.verdict === 'not-reported'),
    ).toBe(true);
    const before = IndicatorListSchema.parse(
      (await request(app).get('/api/v1/indicators').expect(200)).body,
    ).indicators;
    expect(before.every((i) => i.attainment.verdict === 'not-reported')).toBe(true);
  });

  it('serves the edition with its departments as published, and none on older editions', async () => {
    const latest = EditionSchema.parse(
      (await request(followed).get('/api/v1/editions/latest').expect(200)).body,
    );
    expect(latest.report.departments?.map((d) => d.name)).toEqual(['市交通运输局', '市发展改革委']);
    const first = EditionSchema.parse((await request(followed).get('/api/v1/editions/1')).body);
    expect(first.report).not.toHaveProperty('departments');
  });
});
