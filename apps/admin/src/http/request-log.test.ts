import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { requestIdOf, requestLogger } from './middleware.js';

function loggedApp(): { app: express.Express; lines: () => Record<string, unknown>[] } {
  const out: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const app = express()
    .use(requestLogger(pino({ level: 'info' }, stream)))
    .get('/ok', (req, res) => void res.json({ id: requestIdOf(req) }))
    .get('/missing', (_req, res) => void res.status(404).json({}))
    .get('/broken', (_req, res) => void res.status(500).json({}));
  return { app, lines: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the access log (issue 13: written without pino-http)', () => {
  it('logs one line per answer with its id, method, URL, status and time, never the cookie or CSRF token', async () => {
    const { app, lines } = loggedApp();
    const res = await supertest(app)
      .get('/ok?x=1')
      .set('Cookie', 'leshan_session=secret-cookie-value')
      .set('X-CSRF-Token', 'secret-csrf-value');
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toEqual({ id });
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: expect.objectContaining({ id, method: 'GET', url: '/ok?x=1' }),
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(lines())).not.toMatch(/secret-cookie-value|secret-csrf-value/);
  });

  it('keeps a well-formed X-Request-Id of the caller and replaces any other', async () => {
    const { app, lines } = loggedApp();
    const kept = await supertest(app).get('/ok').set('X-Request-Id', 'trace-42');
    expect(kept.headers['x-request-id']).toBe('trace-42');
    const replaced = await supertest(app).get('/ok').set('X-Request-Id', 'bad id {"x":1}');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines().map((l) => (l.req as { id: string }).id)).toEqual([
      'trace-42',
      replaced.headers['x-request-id'],
    ]);
  });

  it('logs 4xx at warn and 5xx at error, as request errored', async () => {
    const { app, lines } = loggedApp();
    await supertest(app).get('/missing');
    await supertest(app).get('/broken');
    expect(lines().map((l) => [l.level, l.msg])).toEqual([
      [40, 'request completed'],
      [50, 'request errored'],
    ]);
  });
});
