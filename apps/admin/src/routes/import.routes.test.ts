// Parsing and merging run on a worker thread that starts cold (from source, through tsx): long timeouts.
import { listMeasures, sourceText } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import supertest from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/admin-harness.js';
import { startAdmin } from '../testing/admin-harness.js';
import { engines } from '../testing/engines.js';
import type { Session } from '../testing/session-cookie.js';
import { openSession } from '../testing/session-cookie.js';

/** Three measures reworded and one sentence added after line 42 (将乐山港…). */
const REWORDED: Record<string, [string, string]> = {
  m38: [
    '落实“一环九射两纵两横”高速公路网和“五纵两横”铁路网规划,力争新建高速公路210公里、铁路170公里。',
    '全面落实“一环九射两纵两横”高速公路网和“五纵两横”铁路网规划,力争新建高速公路210公里、铁路170公里。',
  ],
  m64: ['推动县级市改革和县域集成改革。', '深入推动县级市改革和县域集成改革。'],
  m254: ['深化基层网格化服务管理。', '深化基层网格化服务管理,提升基层治理水平。'],
};
const ADDED = '加快建设乐山港多式联运物流中心。';
function editedText(): string {
  const lines = sourceText.split('\n');
  for (const [from, to] of Object.values(REWORDED)) lines[lines.indexOf(from)] = to;
  lines.splice(lines.indexOf('将乐山港升级改造为成都港。') + 1, 0, '', ADDED);
  return lines.join('\n');
}

const curation = (report: Report) => {
  const measures = listMeasures(report).map((m) => m.measure);
  return {
    targets: measures.flatMap((m) => m.indicators),
    places: measures.filter((m) => m.places.length > 0).map((m) => [m.id, m.places]),
    updates: measures.flatMap((m) => m.tracking.updates),
    notes: report.notes.map((n) => [n.id, n.status]),
  };
};

describe.each(engines)('issue 14: re-import as a merge through the API ($name)', (engine) => {
  let h: Harness;
  let editor: Session;
  let publisher: Session;
  beforeEach(async () => {
    h = await engine.start();
    editor = await openSession(h, 'editor');
    publisher = await openSession(h, 'publisher');
  }, 120_000);
  afterEach(() => h.close());

  const post = (who: Session, path: string, body: object) =>
    supertest(h.app).post(path).set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf).send(body);

  /** Five progress updates on three measures, as an editor records them. */
  async function track(): Promise<number> {
    const updates: [string, string][] = [
      ['m38', '2023-03-01'],
      ['m38', '2024-03-01'],
      ['m64', '2023-06-01'],
      ['m112', '2023-06-01'],
      ['m112', '2024-06-01'],
    ];
    const commands = updates.map(([measureId, date], i) => ({
      type: 'progress.add',
      measureId,
      update: {
        id: `u-${i + 1}`,
        date,
        note: `第 ${i + 1} 次进展`,
        status: 'in-progress',
        progress: 10 * (i + 1),
      },
    }));
    const res = await post(editor, '/api/draft/commands', { baseRevision: 0, commands });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.revision as number;
  }

  it('keeps every target, place, progress update, note, the typo fix and chapter 6; three changed, one new', async () => {
    const base = await track();
    const before = (await h.store.getDraft())?.report as Report;
    const preview = await post(editor, '/api/import/preview', { text: editedText() });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.baseRevision).toBe(base);
    expect(preview.body.proposal.counts).toEqual({
      unchanged: 73,
      changed: 3,
      new: 1,
      removed: 0,
      moved: 0,
    });
    const items = preview.body.proposal.items as { kind: string; id: string; text?: string }[];
    expect(
      items
        .filter((i) => i.kind === 'changed')
        .map((i) => i.id)
        .sort(),
    ).toEqual(Object.keys(REWORDED).sort());
    expect(items.filter((i) => i.kind === 'new').map((i) => i.text)).toEqual([ADDED]);

    const res = await post(publisher, '/api/import', {
      text: editedText(),
      baseRevision: base,
      decisions: {},
      confirm: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = (await h.store.getDraft())?.report as Report;
    expect(curation(after)).toEqual(curation(before));
    // 24: issue 17's curation rules (the 支持… pair is no target; 县县都有三级医院 is one).
    expect(curation(after).targets).toHaveLength(24);
    expect(curation(after).updates).toHaveLength(5);
    const text = (id: string) => listMeasures(after).find((m) => m.measure.id === id)?.measure.text;
    expect(text('m44')).toBe('新建干线公路300公里，打通市县跨界“断节路”“瓶颈路”。');
    expect(after.chapters[5]).toMatchObject({ id: 'c-6', number: 6, title: null });
    const newId = items.find((i) => i.kind === 'new')?.id;
    const ids = listMeasures(after).map((m) => m.measure.id);
    expect(ids.filter((id) => id !== newId)).toEqual(listMeasures(before).map((m) => m.measure.id));
    expect(ids[ids.indexOf('m42') + 1]).toBe(newId);
    // One revision, undone by restoring the one before.
    expect(res.body.revision).toBe(base + 1);
    const undo = await post(publisher, `/api/revisions/${base}/restore`, {
      baseRevision: base + 1,
    });
    expect(undo.status).toBe(200);
    expect((await h.store.getDraft())?.report).toEqual(before);
  }, 120_000);

  it('lets an editor prepare the preview but not import or restore the whole draft (publisher or admin)', async () => {
    const imported = await post(editor, '/api/import', {
      text: sourceText,
      baseRevision: 0,
      confirm: true,
    });
    expect(imported.status).toBe(403);
    const restored = await post(editor, '/api/revisions/0/restore', { baseRevision: 0 });
    expect(restored.status).toBe(403);
    expect((await h.store.getDraft())?.revision).toBe(0);
  }, 120_000);

  it('refuses, in Chinese and changing nothing, to drop curated data without an explicit choice', async () => {
    const base = await track();
    const text = sourceText.replace('力争入库重大工业项目500个,完成工业投资1000亿元以上。\n', '');
    const preview = await post(editor, '/api/import/preview', { text });
    const removed = preview.body.proposal.items.find((i: { kind: string }) => i.kind === 'removed');
    expect(removed).toMatchObject({ id: 'm112', needsDecision: true, curated: { updates: 2 } });
    const res = await post(publisher, '/api/import', {
      text,
      baseRevision: base,
      decisions: {},
      confirm: true,
    });
    expect(res.status).toBe(422);
    expect(res.body.issues[0].message).toMatch(/请明确选择接受或拒绝/);
    expect((await h.store.getDraft())?.revision).toBe(base);
    const kept = await post(publisher, '/api/import', {
      text,
      baseRevision: base,
      decisions: { 'removed:m112': 'reject' },
      confirm: true,
    });
    expect(kept.status).toBe(200);
    const m112 = listMeasures((await h.store.getDraft())?.report as Report).find(
      (m) => m.measure.id === 'm112',
    );
    expect(m112?.measure.tracking.updates).toHaveLength(2);
  }, 120_000);

  it('answers 409 when the draft moved on since the preview', async () => {
    const base = await track();
    const res = await post(publisher, '/api/import', {
      text: sourceText,
      baseRevision: base - 1,
      confirm: true,
    });
    expect(res.status).toBe(409);
    expect(res.body.currentRevision).toBe(base);
  }, 120_000);
});

describe('issue 15: a large import preview runs off the request thread', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startAdmin({ config: { bodyLimit: '8mb' } });
  }, 120_000);
  afterEach(() => h.close());

  it('answers a health request while a 1.9-million-character preview is still running', async () => {
    const editor = await openSession(h, 'editor');
    const big = `${sourceText}\n`.repeat(Math.floor(1_900_000 / sourceText.length));
    let previewDone = 0;
    const preview = supertest(h.app)
      .post('/api/import/preview')
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .send({ text: big })
      .then((res) => {
        previewDone = Date.now();
        return res;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await supertest(h.app).get('/healthz');
    const healthDone = Date.now();
    expect(health.status).toBe(200);
    const res = await preview;
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(healthDone).toBeLessThan(previewDone);
  }, 120_000);
});
