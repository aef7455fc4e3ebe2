import { listMeasures } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import supertest from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './testing/admin-harness.js';
import { engines } from './testing/engines.js';
import { overwriteDraftReport } from './testing/raw-sql.js';
import type { Session } from './testing/session-cookie.js';
import { openSession } from './testing/session-cookie.js';

describe.each(engines)('publishing the draft ($name)', (engine) => {
  let h: Harness;
  let publisher: Session;
  beforeEach(async () => {
    h = await engine.start();
    publisher = await openSession(h, 'publisher');
  });
  afterEach(() => h.close());

  const post = (path: string, body: object) =>
    supertest(h.app)
      .post(path)
      .set('Cookie', publisher.cookie)
      .set('X-CSRF-Token', publisher.csrf)
      .send(body);
  const publish = (baseRevision: number) => post('/api/editions', { baseRevision });
  /** Everything a publish writes: editions, export jobs, audit entries. */
  const published = async () => {
    const audit = await h.store.listAudit({ action: 'edition.publish', limit: 500 });
    return {
      editions: (await h.store.listEditions()).length,
      jobs: (await h.store.listExportJobs()).length,
      audit: audit.ok ? audit.entries.length : -1,
    };
  };
  const nothingPublished = { editions: 1, jobs: 0, audit: 0 };

  it('cannot reach an invalid draft through the API: an edit that breaks a rule is refused', async () => {
    const draft = await h.store.getDraft();
    const measure = listMeasures(draft?.report as Report).find((m) => m.indicators.length > 0);
    const res = await post('/api/draft/commands', {
      baseRevision: 0,
      commands: [
        { type: 'measure.update', id: measure?.id, patch: { text: '删去了指标原文的举措。' } },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'invalid-report',
      error: expect.stringMatching(/指标原文/),
    });
    expect((await h.store.getDraft())?.revision).toBe(0);
  });

  it('refuses to publish a draft that breaks the report’s rules and changes nothing', async () => {
    // Written below the API (a faulty migration or a hand edit): two measures with the same text.
    const report = structuredClone((await h.store.getDraft())?.report) as Report;
    const section = report.chapters
      .flatMap((c) => c.sections)
      .find((s) => s.measures.length >= 2 && s.measures.every((m) => m.indicators.length === 0));
    const [a, b] = section?.measures ?? [];
    if (a === undefined || b === undefined) throw new Error('no section with two plain measures');
    b.text = a.text;
    await overwriteDraftReport(h.target, report);

    const res = await publish(0);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'invalid-report',
      // The draft as this process last wrote it passes; the store reads the row it would publish
      // and refuses it (a hand edit below the API changes no revision or hash).
      error: expect.stringMatching(/未通过校验|不符合规范/),
    });
    expect(res.body.issues.map((i: { message: string }) => i.message)).toEqual([
      expect.stringMatching(/完全相同/),
    ]);
    expect(await published()).toEqual(nothingPublished);
    // The store checks again on its own: it refuses the same draft with the rule that is broken.
    const direct = await h.store.publishDraft({ publishedBy: publisher.userId });
    expect(direct).toMatchObject({
      ok: false,
      error: { code: 'invalid-report', message: { zh: expect.stringMatching(/不能发布/) } },
    });
    expect(direct.ok ? [] : direct.error.issues?.map((i) => i.message.zh)).toEqual([
      expect.stringMatching(/完全相同/),
    ]);
    expect(await published()).toEqual(nothingPublished);
  });

  it('answers 409 to a publish made against an older revision', async () => {
    const edit = await post('/api/draft/commands', {
      baseRevision: 0,
      commands: [{ type: 'tracking.set', measureId: 'm38', progress: 30 }],
    });
    expect(edit.status).toBe(200);
    const stale = await publish(0);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'conflict',
      currentRevision: 1,
      error: expect.stringContaining('第 1 版'),
    });
    expect(await published()).toEqual(nothingPublished);
    expect((await publish(1)).status).toBe(201);
  });

  it('refuses an unchanged draft with a clear Chinese message', async () => {
    const res = await publish(0);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'unchanged',
      error: '与最新发布版本相同，无需重新发布',
    });
    expect(await published()).toEqual(nothingPublished);
  });
});
