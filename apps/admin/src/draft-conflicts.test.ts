import { canonicalReport, findNode, listMeasures } from '@leshan/report-core';
import type { ReadonlyReport, Report } from '@leshan/report-core';
import supertest from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './testing/admin-harness.js';
import { engines } from './testing/engines.js';
import { MEASURE_IDS } from './testing/route-requests.js';
import type { Session } from './testing/session-cookie.js';
import { openSession } from './testing/session-cookie.js';

const textOf = (report: ReadonlyReport, id: string): string | undefined =>
  listMeasures(report).find((m) => m.id === id)?.text;
const updateIds = (report: Report, id: string): string[] => {
  const found = findNode(report, id);
  return found?.kind === 'measure' ? (found.node.tracking?.updates.map((u) => u.id) ?? []) : [];
};
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
    /** A batch from a browser tab: its id, and the closed tabs it took changes over from. */
    editAs: (baseRevision: number, commands: object[], tab: object) =>
      supertest(h.app)
        .post('/api/draft/commands')
        .set('Cookie', who.cookie)
        .set('X-CSRF-Token', who.csrf)
        .send({ baseRevision, commands, clientSeq: 1, ...tab }),
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

  const progress = (measureId: string, id: string) => [
    {
      type: 'progress.add',
      measureId,
      update: {
        id,
        date: '2026-01-10',
        note: '已完成前期工作。',
        status: 'in-progress',
        progress: 30,
      },
    },
  ];

  it('issue 13: a text change and a progress update on one measure from the same base merge', async () => {
    const alice = as(await openSession(h, 'editor', 'alice'));
    const bob = as(await openSession(h, 'editor', 'bob'));
    const id = MEASURE_IDS[5] ?? '';
    const text = revised(id, '补充：年内开工');
    const first = await alice.edit(0, setText(id, text));
    expect(first.status).toBe(200);
    expect(first.body.keys).toContain(`${id}/text`);
    const second = await bob.edit(0, progress(id, 'u-issue13-1'));
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    const draft = (await bob.get('/api/draft')).body as { report: Report };
    expect(textOf(draft.report, id)).toBe(text);
    expect(updateIds(draft.report, id)).toContain('u-issue13-1');
  });

  it('issue 13: two progress updates on one measure from the same base both land', async () => {
    const alice = as(await openSession(h, 'editor', 'alice'));
    const bob = as(await openSession(h, 'editor', 'bob'));
    const id = MEASURE_IDS[6] ?? '';
    expect((await alice.edit(0, progress(id, 'u-issue13-a'))).status).toBe(200);
    expect((await bob.edit(0, progress(id, 'u-issue13-b'))).status).toBe(200);
    const draft = (await bob.get('/api/draft')).body as { report: Report };
    const ids = updateIds(draft.report, id);
    expect(ids).toEqual(expect.arrayContaining(['u-issue13-a', 'u-issue13-b']));
  });

  it('issue 13: an edit of a measure someone deleted is a 409 naming it (not a 422), with the base node to restore and only that command marked', async () => {
    const alice = as(await openSession(h, 'editor', 'alice'));
    const bob = as(await openSession(h, 'editor', 'bob'));
    const id = MEASURE_IDS[7] ?? '';
    const other = MEASURE_IDS[8] ?? '';
    expect((await alice.edit(0, [{ type: 'measure.remove', id }])).status).toBe(200);
    const mine = revised(id, '乙编辑正在补充的文字');
    const elsewhere = revised(other, '另一条举措的修改');
    const conflict = await bob.edit(0, [...setText(other, elsewhere), ...setText(id, mine)]);
    expect(conflict.status, JSON.stringify(conflict.body)).toBe(409);
    expect(conflict.body.code).toBe('conflict');
    expect(conflict.body.conflictingCommands).toEqual([1]);
    expect(conflict.body.nodes).toHaveLength(1);
    const node = conflict.body.nodes[0];
    expect(node).toMatchObject({ id, deleted: true, current: null, changedBy: ['alice'] });
    expect(node.base).toMatchObject({ id, text: textOf(canonicalReport, id) });
    expect(node.label).not.toContain(id);
    expect(conflict.body.error).not.toContain(id);
    expect(conflict.body.error).toContain('删除');
    // The rest of the batch, sent alone, lands.
    const rest = await bob.edit(conflict.body.currentRevision, setText(other, elsewhere));
    expect(rest.status).toBe(200);
    expect(textOf((await bob.get('/api/draft')).body.report, other)).toBe(elsewhere);
  });

  it('issue 13: a tab sending changes it took over from a closed tab meets no conflict with that tab’s saves (adoptedClientIds)', async () => {
    const alice = as(await openSession(h, 'editor', 'alice'));
    const id = MEASURE_IDS[5] ?? '';
    expect(
      (await alice.editAs(0, setText(id, revised(id, '甲')), { clientId: 'tab-a' })).status,
    ).toBe(200);
    // Tab a typed more from revision 0 and closed; tab b sends it from there.
    const unclaimed = await alice.editAs(0, setText(id, revised(id, '甲甲')), {
      clientId: 'tab-b',
    });
    expect(unclaimed.status).toBe(409);
    const claimed = await alice.editAs(0, setText(id, revised(id, '甲甲')), {
      clientId: 'tab-b',
      adoptedClientIds: ['tab-a'],
    });
    expect(claimed.status).toBe(200);
    expect(textOf((await alice.get('/api/draft')).body.report, id)).toBe(revised(id, '甲甲'));
    const malformed = await alice.editAs(1, setText(id, revised(id, '乙')), {
      clientId: 'tab-b',
      adoptedClientIds: ['not a tab id'],
    });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('标签页编号');
  });

  it('issue 13: the same field changed by two editors is a 409 naming the field', async () => {
    const alice = as(await openSession(h, 'editor', 'alice'));
    const bob = as(await openSession(h, 'editor', 'bob'));
    const id = MEASURE_IDS[9] ?? '';
    expect((await alice.edit(0, setText(id, revised(id, '甲')))).status).toBe(200);
    const conflict = await bob.edit(0, setText(id, revised(id, '乙')));
    expect(conflict.status).toBe(409);
    expect(conflict.body.nodes[0]).toMatchObject({ id, deleted: false, fields: ['text'] });
    expect(conflict.body.nodes[0].base).toMatchObject({ text: textOf(canonicalReport, id) });
    expect(conflict.body.conflictingCommands).toEqual([0]);
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
