import { Validator } from '@seriousme/openapi-schema-validator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './testing/admin-harness.js';
import { FORMATS, signIn, startAdmin } from './testing/admin-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startAdmin();
});
afterEach(async () => {
  await h.close();
});

describe('admin server', () => {
  it('answers health and readiness', async () => {
    const { agent } = await signIn(h, 'editor');
    expect((await agent.get('/healthz')).status).toBe(200);
    expect((await agent.get('/readyz')).body).toEqual({ ok: true, engine: 'sqlite' });
  });

  it('edits the draft with a command and reports the new revision', async () => {
    const { agent, csrf } = await signIn(h, 'editor');
    const draft = await agent.get('/api/draft');
    expect(draft.status).toBe(200);
    const res = await agent
      .post('/api/draft/commands')
      .set('X-CSRF-Token', csrf)
      .send({
        baseRevision: draft.body.revision,
        commands: [{ type: 'tracking.set', measureId: 'm38', status: 'in-progress', progress: 40 }],
      });
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(1);
    expect(res.body.touched).toContain('m38');
  });

  it('answers 409 with the node as it is now when another editor changed it', async () => {
    const a = await signIn(h, 'editor', 'alice');
    const b = await signIn(h, 'editor', 'bob');
    const edit = (who: typeof a, text: string) =>
      who.agent
        .post('/api/draft/commands')
        .set('X-CSRF-Token', who.csrf)
        .send({
          baseRevision: 0,
          commands: [{ type: 'measure.update', id: 'm42', patch: { text } }],
        });
    expect((await edit(a, '将乐山港升级改造为成都港的重要港区。')).status).toBe(200);
    const second = await edit(b, '将乐山港升级改造为现代化港口。');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('conflict');
    expect(second.body.nodes[0]).toMatchObject({
      id: 'm42',
      kind: 'measure',
      changedBy: ['alice'],
    });
    expect(second.body.nodes[0].current.text).toBe('将乐山港升级改造为成都港的重要港区。');
    expect((await a.agent.get('/api/draft')).body.revision).toBe(1);
  });

  it('refuses state changes without the CSRF token', async () => {
    const { agent } = await signIn(h, 'editor');
    const res = await agent.post('/api/draft/commands').send({
      baseRevision: 0,
      commands: [{ type: 'tracking.set', measureId: 'm38', progress: 1 }],
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf');
  });

  it('publishes a changed draft, queues its exports and lists it with a change summary', async () => {
    const { agent, csrf } = await signIn(h, 'publisher');
    await agent
      .post('/api/draft/commands')
      .set('X-CSRF-Token', csrf)
      .send({
        baseRevision: 0,
        commands: [{ type: 'tracking.set', measureId: 'm38', progress: 10 }],
      });
    const checklist = await agent.get('/api/publish/checklist');
    expect(checklist.body).toMatchObject({ revision: 1, valid: true });
    const published = await agent
      .post('/api/editions')
      .set('X-CSRF-Token', csrf)
      .send({ baseRevision: 1 });
    expect(published.status).toBe(201);
    expect(published.body.edition.number).toBe(2);
    const list = await agent.get('/api/editions');
    expect(list.body.editions[0].changeSummary.total).toBeGreaterThan(0);
    const exports = await agent.get(`/api/editions/${published.body.edition.id}/exports`);
    expect(exports.body.jobs.map((j: { format: string }) => j.format).sort()).toEqual(
      [...FORMATS].sort(),
    );
  });

  it('gives Chinese errors for malformed JSON and wrong types', async () => {
    const { agent, csrf } = await signIn(h, 'editor');
    const bad = await agent
      .post('/api/draft/commands')
      .set('X-CSRF-Token', csrf)
      .set('Content-Type', 'application/json')
      .send('{"baseRevision":');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/JSON/);
    const wrong = await agent
      .post('/api/draft/commands')
      .set('X-CSRF-Token', csrf)
      .send({ baseRevision: 'x', commands: [] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.baseRevision',
      'body.commands',
    ]);
  });

  it('serves an OpenAPI 3.1 document of every route', async () => {
    const res = await (await signIn(h, 'editor')).agent.get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(await new Validator().validate(res.body as Record<string, unknown>)).toEqual({
      valid: true,
    });
    expect(Object.keys(res.body.paths)).toContain('/api/draft/commands');
    expect(res.body.paths['/api/revisions/{number}'].get.parameters[0]).toMatchObject({
      name: 'number',
      in: 'path',
    });
    expect(res.body.info.license).toEqual({ name: 'MIT License', identifier: 'MIT' });
    const ops = Object.values(
      res.body.paths as Record<string, Record<string, { operationId: string; security: unknown }>>,
    ).flatMap((methods) => Object.values(methods));
    expect(new Set(ops.map((op) => op.operationId)).size).toBe(ops.length);
    expect(ops.filter((op) => !Array.isArray(op.security))).toEqual([]);
    expect(res.body.paths['/api/session'].post).toMatchObject({
      operationId: 'signIn',
      security: [],
    });
    expect(res.body.paths['/api/draft/commands'].post).toMatchObject({
      operationId: 'applyDraftCommands',
      security: [{ session: [], csrf: [] }],
    });
    expect(res.body.paths['/api/draft'].get.security).toEqual([{ session: [] }]);
  });
});
