import express from 'express';
import supertest from 'supertest';
import { helmetHeaders } from './http/middleware.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './testing/admin-harness.js';
import { engines } from './testing/engines.js';
import type { Session } from './testing/session-cookie.js';
import { openSession } from './testing/session-cookie.js';

describe.each(engines)('HTTP hardening of the admin API ($name)', (engine) => {
  let h: Harness;
  let editor: Session;
  beforeAll(async () => {
    h = await engine.start({ bodyLimit: '100kb' });
    editor = await openSession(h, 'editor');
  });
  afterAll(() => h.close());
  const post = (path: string) =>
    supertest(h.app).post(path).set('Cookie', editor.cookie).set('X-CSRF-Token', editor.csrf);

  it('sends security headers and a strict CSP on API answers and errors alike', async () => {
    for (const res of [
      await supertest(h.app).get('/healthz'),
      await supertest(h.app).get('/api/draft'),
      await post('/api/nope').send({}),
    ]) {
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'same-origin',
        'cross-origin-opener-policy': 'same-origin',
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('sends exactly the headers helmet sets per request, though asked of helmet once (issue 13)', async () => {
    const reference = express().use(helmetHeaders(), (_req, res) => void res.end());
    const own = (await supertest(reference).get('/')).headers;
    const names = Object.keys(own).filter(
      (n) => !['date', 'connection', 'content-length', 'keep-alive'].includes(n),
    );
    expect(names).toContain('content-security-policy');
    for (const res of [
      await supertest(h.app).get('/healthz'),
      await supertest(h.app).get('/api/draft').set('Cookie', editor.cookie),
      await post('/api/nope').send({}),
    ]) {
      for (const name of names) expect(res.headers[name], name).toBe(own[name]);
    }
  });

  it('answers 413 in Chinese to a body over the limit', async () => {
    const res = await post('/api/import/preview').send({ text: '乐'.repeat(60_000) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: '请求内容过大', code: 'payload-too-large', issues: [] });
  });

  it('answers 400 to malformed JSON, signed in or not', async () => {
    for (const req of [post('/api/draft/commands'), supertest(h.app).post('/api/session')]) {
      const res = await req
        .set('Content-Type', 'application/json')
        .send('{"baseRevision": 0, "commands": [');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'malformed-json',
        error: expect.stringMatching(/不是有效的 JSON/),
      });
    }
  });

  it('answers 415 to a state-changing request that is not JSON (as a cross-site form would send)', async () => {
    const before = (await h.store.getDraft())?.revision;
    const cases = [
      post('/api/draft/commands')
        .set('Content-Type', 'text/plain')
        .send('{"baseRevision":0,"commands":[]}'),
      post('/api/draft/commands').type('form').send({ baseRevision: '0' }),
      supertest(h.app)
        .post('/api/session')
        .type('form')
        .send({ email: 'editor@example.org', password: 'x' }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({
        code: 'unsupported-media-type',
        error: expect.stringContaining('JSON'),
      });
    }
    expect((await h.store.getDraft())?.revision).toBe(before);
  });

  it('answers 404 with a JSON error to an unknown API route', async () => {
    for (const res of [
      await supertest(h.app).get('/api/nope'),
      await post('/api/nope').send({}),
      await supertest(h.app).get('/api/draft/extra').set('Cookie', editor.cookie),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ error: '没有这个接口', code: 'not-found', issues: [] });
    }
  });
});
