import { canonicalReport, findNode, listMeasures } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import supertest from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './testing/admin-harness.js';
import { engines } from './testing/engines.js';
import { MEASURE_IDS } from './testing/route-requests.js';
import type { Session } from './testing/session-cookie.js';
import { openSession } from './testing/session-cookie.js';

const textOf = (report: Report, id: string): string | undefined =>
  listMeasures(report).find((m) => m.id === id)?.text;
// New texts keep the original words: a measure's indicators quote them, and a text without its quotes is refused.
const revised = (id: string, note: string): string =>
  `${textOf(canonicalReport, id) ?? ''}（${note}）`;

describe.each(engines)('editors changing the draft together ($name)', (engine) => {
  let h: Harness;
  beforeEach(async () => {
    h = await engine.start();
  });
  afterEach(() => h.close());

  const as = (who: Session) => ({
    get: (path: string) => supertest(h.app).get(path).set('Cookie', who.cookie),
    edit: (baseRevision: number, commands: object[]) =>
      supertest(h.app)
        .post('/api/draft/commands')
        .set('Cookie', who.cookie)
        .set('X-CSRF-Token', who.csrf)
        .send({ baseRevision, commands }),
  });
  const setText = (id: string, text: string) => [{ type: 'measure.update', id, patch: { text } }];

  it('answers the second editor of one measure 409 with its current state, writes nothing, and loses neither text', async () => {
    const alice = as(await openSession(h, 'editor', 'alice'));
    const bob = as(await openSession(h, 'editor', 'bob'));
    const id = MEASURE_IDS[3] ?? '';
    const first = revised(id, '首位编辑者补充：开通十条航线');
    const second = revised(id, '第二位编辑者补充：年内完成');

    expect((await alice.edit(0, setText(id, first))).status).toBe(200);
    const conflict = await bob.edit(0, setText(id, second));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({
      code: 'conflict',
      currentRevision: 1,
      issues: [{ path: id }],
    });
    expect(conflict.body.error).toContain('alice');
    expect(conflict.body.nodes).toEqual([
      expect.objectContaining({
        id,
        kind: 'measure',
        deleted: false,
        current: expect.objectContaining({ id, text: first }),
        changedBy: ['alice'],
      }),
    ]);

    // Nothing written: still one revision after the seed, and it holds the first text.
    const draft = await bob.get('/api/draft');
    expect(draft.body.revision).toBe(1);
    expect(textOf(draft.body.report, id)).toBe(first);
    expect(
      (await bob.get('/api/revisions')).body.revisions.map((r: { number: number }) => r.number),
    ).toEqual([1, 0]);

    // Bob decides to keep his text, against the revision the 409 named; Alice's stays in the history.
    const resolved = await bob.edit(conflict.body.currentRevision, setText(id, second));
    expect(resolved.status).toBe(200);
    expect(textOf((await bob.get('/api/draft')).body.report, id)).toBe(second);
    expect(textOf((await bob.get('/api/revisions/1')).body.report, id)).toBe(first);
    const diff = await bob.get('/api/revisions/diff?from=1&to=2');
    expect(diff.body.summary.total).toBeGreaterThan(0);
  });

  it('lands 50 concurrent edits of 50 different measures made against the same revision', async () => {
    const editors = await Promise.all(
      ['e1', 'e2', 'e3', 'e4', 'e5'].map(async (name) => as(await openSession(h, 'editor', name))),
    );
    const ids = MEASURE_IDS.slice(0, 50);
    expect(ids).toHaveLength(50);
    const texts = ids.map((id, i) => revised(id, `并发编辑第 ${i + 1} 条`));
    const editor = (i: number) => {
      const found = editors[i % editors.length];
      if (found === undefined) throw new Error('no editor');
      return found;
    };
    const results = await Promise.all(
      ids.map((id, i) => editor(i).edit(0, setText(id, texts[i] ?? ''))),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    expect(results.map((r) => r.body.revision as number).sort((a, b) => a - b)).toEqual(
      ids.map((_, i) => i + 1),
    );

    const draft = (await editor(0).get('/api/draft')).body as { revision: number; report: Report };
    expect(draft.revision).toBe(50);
    expect(ids.map((id) => textOf(draft.report, id))).toEqual(texts);
    expect(ids.every((id) => findNode(draft.report, id)?.kind === 'measure')).toBe(true);
    const revisions = (await editor(0).get('/api/revisions?limit=200')).body.revisions as {
      number: number;
      touched: string[];
    }[];
    expect(revisions).toHaveLength(51);
    expect(revisions.flatMap((r) => r.touched).sort()).toEqual([...ids].sort());
  });
});
