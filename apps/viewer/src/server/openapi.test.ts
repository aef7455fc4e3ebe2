import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createServer } from './server.js';
import { sampleSource } from './testing/sample-editions.js';

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with every route, its operationId, its parameters and its error schema', async () => {
    const res = await request(createServer({ source: sampleSource(), siteUrl: 'http://x' }))
      .get('/api/v1/openapi.json')
      .expect(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<
        string,
        {
          get: {
            operationId: string;
            security: unknown[];
            parameters?: { name: string; in: string }[];
            responses: Record<string, unknown>;
          };
        }
      >;
      info: { license: unknown };
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(await new Validator().validate(res.body as Record<string, unknown>)).toEqual({
      valid: true,
    });
    expect(
      Object.entries(doc.paths).map(([path, { get }]) => [path, get.operationId, get.security]),
    ).toEqual([
      ['/', 'getApiIndex', []],
      ['/editions', 'listEditions', []],
      ['/editions/latest', 'getLatestEdition', []],
      ['/editions/{edition}', 'getEdition', []],
      ['/editions/{edition}/artifacts', 'listArtifacts', []],
      ['/editions/{edition}/files/{fileName}', 'downloadFile', []],
      ['/measures/{id}', 'getMeasure', []],
      ['/indicators', 'listIndicators', []],
      ['/scoreboard', 'getScoreboard', []],
      ['/editions/{edition}/search-index', 'getSearchIndex', []],
      ['/search', 'searchMeasures', []],
    ]);
    expect(doc.info.license).toEqual({ name: 'MIT License', identifier: 'MIT' });
    const indicators = doc.paths['/indicators']?.get;
    expect(indicators?.parameters?.map((p) => p.name)).toEqual([
      'chapter',
      'unit',
      'comparator',
      'status',
      'sort',
      'dir',
    ]);
    expect(doc.paths['/editions/{edition}']?.get.parameters).toEqual([
      expect.objectContaining({ name: 'edition', in: 'path' }),
    ]);
    expect(doc.paths['/search']?.get.responses['400']).toBeDefined();
    expect(doc.components.schemas.Error).toMatchObject({
      type: 'object',
      required: ['error', 'code', 'issues'],
    });
  });

  it('documents the attainment and observations of targets and the resolved responsibility (issue 18)', async () => {
    const res = await request(createServer({ source: sampleSource(), siteUrl: 'http://x' }))
      .get('/api/v1/openapi.json')
      .expect(200);
    const text = JSON.stringify(res.body);
    type Schema = { properties?: Record<string, Schema>; items?: Schema; required?: string[] };
    const paths = (
      res.body as {
        paths: Record<
          string,
          { get: { responses: Record<string, { content: Record<string, { schema: Schema }> }> } }
        >;
      }
    ).paths;
    const ok = (path: string): Schema | undefined =>
      paths[path]?.get.responses['200']?.content['application/json']?.schema;
    const measure = ok('/measures/{id}');
    expect(measure?.required).toContain('responsibility');
    const target = measure?.properties?.measure?.properties?.indicators?.items;
    expect(target?.required).toEqual(expect.arrayContaining(['attainment']));
    expect(Object.keys(target?.properties ?? {})).toEqual(
      expect.arrayContaining(['observations', 'attainment']),
    );
    const row = ok('/indicators')?.properties?.indicators?.items;
    expect(row?.required).toEqual(expect.arrayContaining(['observations', 'attainment']));
    expect(text).toContain('not-reported');
  });
});
