import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { ErrorBodySchema } from './error-body.js';
import { errorHandler, fixedHeaders, mountRoutes, recordedHeaders } from './express.js';
import type { TestContext } from './testing-routes.js';
import { testRoutes } from './testing-routes.js';

function app(internal: unknown[] = []) {
  const server = express();
  server.use(express.json());
  const router = express.Router();
  mountRoutes(router, testRoutes, {
    context: (req, _res, route): TestContext => {
      const caller = req.get('x-caller');
      if (route.access !== 'public' && caller === undefined)
        throw new ApiError(401, 'unauthenticated', '请先登录');
      return { caller };
    },
  });
  server.use(router);
  server.get('/boom', () => {
    throw new Error('secret internals');
  });
  server.use(errorHandler((error) => internal.push(error.cause)));
  return server;
}

describe('mountRoutes and errorHandler on express', () => {
  it('answers JSON with the reply’s status and headers', async () => {
    const res = await request(app()).get('/items').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({ items: [{ id: 'a1', name: '光伏组件', price: 120 }] });
  });

  it('refuses in the context before reading input, with the one error body', async () => {
    const res = await request(app()).get('/items/x').expect(401);
    expect(ErrorBodySchema.parse(res.body)).toEqual({
      error: '请先登录',
      code: 'unauthenticated',
      issues: [],
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 400 invalid-input for bad input and 400 malformed-json for a body that is not JSON', async () => {
    const bad = await request(app()).get('/items/x').set('x-caller', 'u').expect(400);
    expect(bad.body).toMatchObject({ code: 'invalid-input', issues: [{ path: 'params.id' }] });
    const malformed = await request(app())
      .post('/items')
      .set('x-caller', 'u')
      .set('Content-Type', 'application/json')
      .send('{"name":')
      .expect(400);
    expect(malformed.body).toMatchObject({ code: 'malformed-json', issues: [] });
  });

  it('answers 500 internal without details, reporting what was thrown', async () => {
    const internal: unknown[] = [];
    const server = app(internal);
    const res = await request(server).get('/boom').expect(500);
    expect(res.body).toEqual({
      error: '服务器内部错误，请稍后重试',
      code: 'internal',
      issues: [],
    });
    expect(JSON.stringify(res.body)).not.toContain('secret');
    const broken = await request(server)
      .post('/items')
      .set('x-caller', 'u')
      .send({ name: 'n', price: 1 })
      .expect(500);
    expect(broken.body.code).toBe('internal');
    expect(internal.map((e) => (e instanceof Error ? e.message : e))).toEqual([
      'secret internals',
      expect.stringMatching(/produced an invalid 201 body/) as unknown,
    ]);
  });

  it('sends a file as an attachment, and only its headers to HEAD', async () => {
    const res = await request(app()).get('/items/a1/photo').buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe('attachment; filename=a1.png');
    expect(String(res.body)).toBe('png of a1');
    const head = await request(app()).head('/items/a1/photo').expect(200);
    expect(head.headers['content-disposition']).toBe('attachment; filename=a1.png');
  });
});

describe('fixedHeaders', () => {
  const setsTwo: express.RequestHandler = (_req, res, next) => {
    res.setHeader('X-One', '1');
    res.setHeader('X-Two', ['a', 'b'].join(', '));
    res.removeHeader('X-One');
    res.setHeader('X-Three', '3');
    next();
  };

  it('records what a middleware sets and removes, once', () => {
    expect(recordedHeaders(setsTwo)).toEqual([
      ['x-two', 'a, b'],
      ['x-three', '3'],
    ]);
  });

  it('sends the recorded headers on every answer, without X-Powered-By', async () => {
    const app = express().use(fixedHeaders(setsTwo), (_req, res) => void res.end());
    const res = await request(app).get('/');
    expect(res.headers).toMatchObject({ 'x-two': 'a, b', 'x-three': '3' });
    expect(res.headers['x-one']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a middleware that does not finish at once (its headers could depend on the request)', () => {
    const later: express.RequestHandler = (_req, _res, next) => void setImmediate(next);
    expect(() => recordedHeaders(later)).toThrow(/did not finish synchronously/);
  });
});
