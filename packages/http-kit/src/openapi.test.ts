import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApi } from './openapi.js';
import type { OpenApiOptions } from './openapi.js';
import { routesFor, STATE_CHANGING } from './route.js';
import type { TestAccess } from './testing-routes.js';
import { testRoutes } from './testing-routes.js';

const OPTIONS: OpenApiOptions<TestAccess> = {
  info: {
    title: '测试接口 (test API)',
    version: '1.0.0',
    description: 'The toolkit’s own sample routes.',
    license: { name: 'MIT License', identifier: 'MIT' },
  },
  servers: [{ url: '/api' }],
  securitySchemes: {
    session: { type: 'apiKey', in: 'cookie', name: 'session' },
    csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
  },
  security: (route) =>
    route.access === 'public'
      ? []
      : [STATE_CHANGING.has(route.method) ? { session: [], csrf: [] } : { session: [] }],
  commonErrors: (route) => (route.access === 'public' ? [] : [401, 403]),
};

const OperationSchema = z.looseObject({
  operationId: z.string(),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  responses: z.record(z.string(), z.unknown()),
  parameters: z.array(z.looseObject({ name: z.string(), in: z.string() })).optional(),
  'x-access': z.string(),
});
const DocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ license: z.object({ name: z.string(), identifier: z.string() }) }),
  paths: z.record(z.string(), z.record(z.string(), OperationSchema)),
});

describe('buildOpenApi', () => {
  const doc = buildOpenApi(testRoutes, OPTIONS);

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc);
    expect(result).toEqual({ valid: true });
  });

  it('gives every operation an operationId, its security and the access it was declared with', () => {
    const { paths, info } = DocumentSchema.parse(doc);
    expect(info.license).toEqual({ name: 'MIT License', identifier: 'MIT' });
    const ops = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ key: `${method} ${path}`, ...op })),
    );
    expect(ops.map((o) => [o.key, o.operationId, o.security, o['x-access']])).toEqual([
      ['get /items', 'listItems', [], 'public'],
      ['post /items', 'createItem', [{ session: [], csrf: [] }], 'owner'],
      ['get /items/{id}', 'getItem', [{ session: [] }], 'member'],
      ['get /items/{id}/photo', 'getItemPhoto', [], 'public'],
    ]);
  });

  it('lists the error answers: 400 for routes with input, the common ones, the route’s own', () => {
    const { paths } = DocumentSchema.parse(doc);
    const statuses = (path: string, method: string) =>
      Object.keys(paths[path]?.[method]?.responses ?? {});
    expect(statuses('/items', 'get')).toEqual(['200']);
    expect(statuses('/items/{id}', 'get')).toEqual(['200', '400', '401', '403', '404']);
    expect(statuses('/items', 'post')).toEqual(['201', '400', '401', '403', '409']);
    expect(paths['/items/{id}']?.get?.parameters?.map((p) => [p.name, p.in])).toEqual([
      ['id', 'path'],
      ['currency', 'query'],
    ]);
  });

  it('moves a schema’s $defs (a recursive answer) into components, where its $refs resolve', async () => {
    const Node = z.object({
      name: z.string(),
      get children(): z.ZodArray<typeof Node> {
        return z.array(Node);
      },
    });
    const tree = routesFor<object, 'public'>()({
      method: 'get',
      path: '/tree',
      operationId: 'getTree',
      summary: 'A tree',
      access: 'public',
      responses: { 200: z.object({ root: Node }) },
    }).handle(() => ({ body: { root: { name: 'r', children: [] } } }));
    const treeDoc = buildOpenApi([tree], {
      ...OPTIONS,
      security: () => [],
      commonErrors: () => [],
    });
    expect(await new Validator().validate(treeDoc)).toEqual({ valid: true });
    const text = JSON.stringify(treeDoc);
    expect(text).not.toContain('#/$defs/');
    const refs = [...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    const components = z
      .object({ components: z.object({ schemas: z.record(z.string(), z.unknown()) }) })
      .parse(treeDoc).components.schemas;
    expect(refs.length).toBeGreaterThan(1);
    for (const ref of refs) expect(components[ref ?? ''], ref).toBeDefined();
  });

  it('refuses a document with an operationId used twice or a path parameter without a schema', () => {
    const route = routesFor<object, 'public'>();
    const info = {
      method: 'get',
      summary: 's',
      access: 'public',
      responses: { 200: z.string() },
    } as const;
    const twice = [
      route({ ...info, path: '/a', operationId: 'same' }).handle(() => ({ body: 'a' })),
      route({ ...info, path: '/b', operationId: 'same' }).handle(() => ({ body: 'b' })),
    ];
    const open = { ...OPTIONS, security: () => [], commonErrors: () => [] };
    expect(() => buildOpenApi(twice, open)).toThrow(/operationId same is used twice/);
    const unnamed = route({ ...info, path: '/c/:id', operationId: 'c' }).handle(() => ({
      body: 'c',
    }));
    expect(() => buildOpenApi([unnamed], open)).toThrow(/path parameter :id has no schema/);
  });
});
