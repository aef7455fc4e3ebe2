import { listMeasures } from '@leshan/report-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent, Harness } from '../testing/admin-harness.js';
import { signIn, startAdmin } from '../testing/admin-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startAdmin();
  const draft = await h.store.getDraft();
  if (draft === null) throw new Error('the harness seeds a draft');
  ORIGINAL.clear();
  for (const m of listMeasures(draft.report)) ORIGINAL.set(m.id, m.text);
});
afterEach(async () => {
  await h.close();
});

async function measureText(id: string): Promise<string | undefined> {
  const draft = await h.store.getDraft();
  for (const c of draft?.report.chapters ?? [])
    for (const s of c.sections) for (const m of s.measures) if (m.id === id) return m.text;
  return undefined;
}

async function edit(who: Agent, commands: unknown[]): Promise<number> {
  const base = (await who.agent.get('/api/draft/head')).body.revision as number;
  const res = await who.agent
    .post('/api/draft/commands')
    .set('X-CSRF-Token', who.csrf)
    .send({ baseRevision: base, commands });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.revision as number;
}

// The seeded draft's wording of each measure, read before each test.
const ORIGINAL = new Map<string, string>();
// The seeded wording with a suffix: a measure's targets keep their words in its text.
const text = (id: string, suffix: string) => ({
  type: 'measure.update',
  id,
  patch: { text: `${ORIGINAL.get(id) ?? ''}${suffix}` },
});

describe('issue 13: history people can read', () => {
  it('filters entries by person, by node (and anything inside it) and by Shanghai day', async () => {
    const li = await signIn(h, 'editor', 'li');
    const zhang = await signIn(h, 'editor', 'zhang');
    await edit(li, [text('m38', '李编辑改过的第一条举措。')]);
    // A measure of the last chapter: far from m38 (chapter one).
    const far = [...ORIGINAL.keys()].at(-1) ?? 'm1';
    await edit(zhang, [text(far, '张编辑改过的举措。')]);
    const zhangId = zhang.userId;
    const byPerson = await li.agent.get('/api/revisions').query({ author: zhangId });
    expect(byPerson.status).toBe(200);
    expect(byPerson.body.revisions.map((r: { authorName: string }) => r.authorName)).toEqual([
      'zhang',
    ]);
    const draft = (await li.agent.get('/api/draft')).body.report;
    const chapterOfFar = draft.chapters.find((c: { sections: { measures: { id: string }[] }[] }) =>
      c.sections.some((s) => s.measures.some((m) => m.id === far)),
    ).id as string;
    const byNode = await li.agent.get('/api/revisions').query({ node: chapterOfFar });
    expect(byNode.body.revisions.map((r: { nodeIds: string[] }) => r.nodeIds)).toEqual([[far]]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    const byDay = await li.agent.get('/api/revisions').query({ from: today, to: today });
    expect(byDay.body.revisions.filter((r: { kind: string }) => r.kind === 'edit')).toHaveLength(2);
    const before = await li.agent.get('/api/revisions').query({ to: '2020-01-01' });
    expect(before.body.revisions).toEqual([]);
  });

  it('compares any two revisions and names the nodes as editors do, never by id', async () => {
    const li = await signIn(h, 'editor', 'li');
    await edit(li, [text('m38', '第一次修改后的举措文字。')]);
    await edit(li, [{ type: 'tracking.set', measureId: 'm42', status: 'in-progress' }]);
    const last = await edit(li, [text('m44', '第三次修改后的举措文字。')]);
    const res = await li.agent.get('/api/revisions/compare').query({ from: 0, to: last });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.labels).sort()).toEqual(['m38', 'm42', 'm44']);
    for (const label of Object.values<string>(res.body.labels)) {
      expect(label).toMatch(/^第.章 · /u);
      expect(label).not.toMatch(/m\d+/u);
    }
  });

  it('restores one node from a revision, after a dry run that lists the later changes by others it reverts', async () => {
    const li = await signIn(h, 'editor', 'li');
    const zhang = await signIn(h, 'editor', 'zhang');
    const mine = await edit(li, [text('m38', '李编辑的版本。')]);
    await edit(zhang, [text('m38', '张编辑后来的版本。')]);
    await edit(zhang, [text('m42', '与此无关的另一条修改。')]);
    const dry = await li.agent
      .post(`/api/revisions/${mine}/restore-node`)
      .set('X-CSRF-Token', li.csrf)
      .send({ nodeId: 'm38', dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.applied).toBeNull();
    expect(dry.body.laterChangesByOthers).toHaveLength(1);
    expect(dry.body.laterChangesByOthers[0].authorName).toBe('zhang');
    expect(await measureText('m38')).toBe(`${ORIGINAL.get('m38')}张编辑后来的版本。`);
    const done = await li.agent
      .post(`/api/revisions/${mine}/restore-node`)
      .set('X-CSRF-Token', li.csrf)
      .send({ nodeId: 'm38', dryRun: false });
    expect(done.status).toBe(200);
    expect(done.body.applied.revision).toBeGreaterThan(mine);
    expect(await measureText('m38')).toBe(`${ORIGINAL.get('m38')}李编辑的版本。`);
    expect(await measureText('m42')).toBe(`${ORIGINAL.get('m42')}与此无关的另一条修改。`);
  });

  it('brings back a deleted measure from a revision', async () => {
    const li = await signIn(h, 'editor', 'li');
    const head = (await li.agent.get('/api/draft/head')).body.revision as number;
    await edit(li, [{ type: 'measure.remove', id: 'm38' }]);
    const res = await li.agent
      .post(`/api/revisions/${head}/restore-node`)
      .set('X-CSRF-Token', li.csrf)
      .send({ nodeId: 'm38', dryRun: false });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await measureText('m38')).toBeDefined();
  });
});
