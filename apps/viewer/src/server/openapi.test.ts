import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ROUTES } from './api/openapi.js';
import { createServer } from './server.js';
import { sampleSource } from './testing/sample-editions.js';

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with every route, its parameters and its error schema', async () => {
    const res = await request(createServer({ source: sampleSource(), siteUrl: 'http://x' }))
      .get('/api/v1/openapi.json')
      .expect(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<
        string,
        { get: { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> } }
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(ROUTES.map((r) => r.path));
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
      required: ['error', 'issues'],
    });
  });
});
