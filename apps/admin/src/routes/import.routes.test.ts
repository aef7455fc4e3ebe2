import { listMeasures, sourceText, validateReport } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import supertest from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/admin-harness.js';
import { engines } from '../testing/engines.js';
import type { Session } from '../testing/session-cookie.js';
import { openSession } from '../testing/session-cookie.js';

describe.each(engines)('importing a source text ($name)', (engine) => {
  let h: Harness;
  let editor: Session;
  beforeEach(async () => {
    h = await engine.start();
    editor = await openSession(h, 'editor');
  });
  afterEach(() => h.close());

  const post = (path: string, body: object) =>
    supertest(h.app)
      .post(path)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .send(body);

  it('previews the Leshan source as a valid draft, listing the repeated measures it drops', async () => {
    const res = await post('/api/import/preview', { text: sourceText });
    expect(res.status).toBe(200);
    expect(res.body.validation).toEqual({ ok: true, issues: [] });
    expect(res.body.stats).toEqual({ chapters: 7, sections: 25, measures: 76 });
    expect(res.body.removals).toHaveLength(9);
    expect(res.body.diagnostics.some((d: { code: string }) => d.code === 'repeated-block')).toBe(
      true,
    );
    expect((await h.store.getDraft())?.revision).toBe(0);
  });

  it('creates the draft from the Leshan source, with an open note for each removal', async () => {
    const res = await post('/api/import', { text: sourceText, baseRevision: 0, confirm: true });
    expect(res.status).toBe(200);
    const draft = await h.store.getDraft();
    expect(draft?.revision).toBe(1);
    const report = draft?.report as Report;
    expect(validateReport(report).ok).toBe(true);
    expect(listMeasures(report)).toHaveLength(76);
    expect(
      report.notes.filter((n) => n.kind === 'duplicate-removed' && n.status === 'open'),
    ).toHaveLength(9);
    const audit = await h.store.listAudit({ action: 'draft.import', limit: 10 });
    expect(audit.ok ? audit.entries[0]?.details : null).toMatchObject({ duplicatesRemoved: 18 });
  });

  it('refuses a text that cannot become a valid draft, in Chinese, and keeps the draft', async () => {
    // A measure longer than a measure may be: only an editor can decide how to shorten it.
    const lines = sourceText.split('\n');
    lines[37] = `${lines[37] ?? ''}${'乐'.repeat(4100)}。`;
    const text = lines.join('\n');
    const preview = await post('/api/import/preview', { text });
    expect(preview.status).toBe(200);
    expect(preview.body.validation.ok).toBe(false);
    expect(JSON.stringify(preview.body.validation.issues)).toMatch(/4000/);
    const res = await post('/api/import', { text, baseRevision: 0, confirm: true });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'invalid-report',
      error: expect.stringMatching(/不能成为有效草稿/),
    });
    expect((await h.store.getDraft())?.revision).toBe(0);
  });

  it('asks for the explicit confirmation before replacing the draft', async () => {
    const res = await post('/api/import', { text: sourceText, baseRevision: 0 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/请确认/);
    expect((await h.store.getDraft())?.revision).toBe(0);
  });
});
