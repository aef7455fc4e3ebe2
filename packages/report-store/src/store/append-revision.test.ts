import { canonicalReport, editableCopy } from '@leshan/report-core/data';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, engines, freshStore, open } from '../../test/engines.js';
import { editMeasure, findText, measures } from '../../test/measures.js';

afterAll(cleanUp);

const [m1, m2] = measures(canonicalReport);
const first = m1 ?? { id: '', text: '' };
const second = m2 ?? { id: '', text: '' };

describe.each(engines)('appendDraftRevision ($name)', (engine) => {
  it('records the commands, touched ids and resulting report as the next revision', async () => {
    const { store } = await freshStore(engine);
    const result = await store.appendDraftRevision(
      editMeasure(0, first.id, `${first.text}（新）`, 'u-alice'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.revision).toMatchObject({
      number: 1,
      kind: 'edit',
      author: 'u-alice',
      touched: [first.id],
    });
    expect(result.draft.revision).toBe(1);
    const revision = await store.getRevision(1);
    expect(revision?.commands).toEqual([
      { type: 'measure.update', id: first.id, patch: { text: `${first.text}（新）` } },
    ]);
    expect(findText(revision?.report ?? canonicalReport, first.id)).toBe(`${first.text}（新）`);
    expect((await store.getDraft())?.reportHash).toBe(revision?.reportHash);
  });

  it('refuses a second editor on the same measure with a conflict, writing nothing', async () => {
    const { store } = await freshStore(engine);
    const alice = await store.appendDraftRevision(
      editMeasure(0, first.id, `${first.text}（甲）`, 'u-alice'),
    );
    expect(alice.ok).toBe(true);
    const bob = await store.appendDraftRevision(
      editMeasure(0, first.id, `${first.text}（乙）`, 'u-bob'),
    );
    expect(bob).toMatchObject({
      ok: false,
      reason: 'conflict',
      conflict: { nodeIds: [first.id], currentRevision: 1 },
    });
    expect(bob.ok || bob.error).toMatchObject({ code: 'conflict' });
    expect((await store.getDraft())?.revision).toBe(1);
    expect((await store.listRevisions()).map((r) => r.number)).toEqual([1, 0]);
    // Both the original text and the first editor's text stay recoverable from the revisions.
    expect(findText((await store.getRevision(0))?.report ?? canonicalReport, first.id)).toBe(
      first.text,
    );
    expect(findText((await store.getRevision(1))?.report ?? canonicalReport, first.id)).toBe(
      `${first.text}（甲）`,
    );
  });

  it('writes the save’s audit entry in the revision’s transaction, and none for a conflict', async () => {
    const { store } = await freshStore(engine);
    const audit = (revision: { number: number; touched: string[] }) => ({
      actor: 'u-alice',
      action: 'draft.edit',
      target: `revision:${revision.number}`,
      details: { touched: revision.touched },
    });
    const saved = await store.appendDraftRevision({
      ...editMeasure(0, first.id, `${first.text}（甲）`, 'u-alice'),
      audit,
    });
    expect(saved.ok).toBe(true);
    const clash = await store.appendDraftRevision({
      ...editMeasure(0, first.id, `${first.text}（乙）`, 'u-bob'),
      audit,
    });
    expect(clash).toMatchObject({ ok: false, reason: 'conflict' });
    const page = await store.listAudit({ action: 'draft.edit' });
    expect(page.ok && page.entries).toMatchObject([
      { actor: 'u-alice', target: 'revision:1', details: { touched: [first.id] } },
    ]);
  });

  it('rebases an edit of another node made against an older revision', async () => {
    const { store } = await freshStore(engine);
    await store.appendDraftRevision(editMeasure(0, first.id, `${first.text}（甲）`));
    const later = await store.appendDraftRevision(
      editMeasure(0, second.id, `${second.text}（乙）`),
    );
    expect(later.ok).toBe(true);
    const draft = await store.getDraft();
    expect(draft?.revision).toBe(2);
    expect(findText(draft?.report ?? canonicalReport, first.id)).toBe(`${first.text}（甲）`);
    expect(findText(draft?.report ?? canonicalReport, second.id)).toBe(`${second.text}（乙）`);
  });

  it('issue 13: a tab’s own later revision is no conflict for commands it typed meanwhile, another tab’s is', async () => {
    // The fault it guards: a tab typed while a batch was out and sent those commands from the
    // batch's revision, so they silently undid another editor's save of the same field.
    const { store } = await freshStore(engine);
    const tab = (text: string, clientId: string, base = 0) => ({
      ...editMeasure(base, first.id, text),
      clientId,
    });
    expect((await store.appendDraftRevision(tab(`${first.text}（甲）`, 'tab-a'))).ok).toBe(true);
    expect((await store.appendDraftRevision(tab(`${first.text}（甲甲）`, 'tab-a'))).ok).toBe(true);
    const other = await store.appendDraftRevision(tab(`${first.text}（乙）`, 'tab-b'));
    expect(other).toMatchObject({
      ok: false,
      reason: 'conflict',
      conflict: { nodeIds: [first.id], since: [{ number: 1 }, { number: 2 }] },
    });
    expect(await store.appendDraftRevision(tab(`${first.text}（甲乙）`, 'tab-b', 2))).toMatchObject(
      { ok: true },
    );
    // Tab a's next command, still from revision 0, now meets tab b's revision 3.
    const late = await store.appendDraftRevision(tab(`${first.text}（甲甲甲）`, 'tab-a'));
    expect(late).toMatchObject({ ok: false, conflict: { since: [{ number: 3 }] } });
    expect(findText((await store.getDraft())?.report ?? canonicalReport, first.id)).toBe(
      `${first.text}（甲乙）`,
    );
  });

  it('issue 13: a tab sending a closed tab’s changes it took over meets no conflict with that tab’s own saves, from memory or the database', async () => {
    // The fault it guards: tab a saved a field, typed more into it and closed before sending;
    // tab b took the change over and sent it from tab a's base under its own id, so tab a's
    // save came back as a conflict with the same editor's own change.
    const { store, target } = await freshStore(engine);
    const batch = (text: string, clientId: string, adopted?: string[]) => ({
      ...editMeasure(0, first.id, text),
      clientId,
      ...(adopted === undefined ? {} : { adoptedClientIds: adopted }),
    });
    expect((await store.appendDraftRevision(batch(`${first.text}（甲）`, 'tab-a'))).ok).toBe(true);
    expect((await store.appendDraftRevision(batch(`${first.text}（丙）`, 'tab-c'))).ok).toBe(false);
    const adopted = await store.appendDraftRevision(
      batch(`${first.text}（甲甲）`, 'tab-b', ['tab-a']),
    );
    expect(adopted).toMatchObject({ ok: true, revision: { number: 2, clientId: 'tab-b' } });
    // Another process (its revision tail is empty) reads the revisions since the base from the
    // database: tab a's and tab b's saves are the batch's own, tab c's would not be.
    const other = await open(target);
    const again = await other.appendDraftRevision(
      batch(`${first.text}（甲甲甲）`, 'tab-d', ['tab-a', 'tab-b']),
    );
    expect(again).toMatchObject({ ok: true, revision: { number: 3 } });
    const notOwn = await other.appendDraftRevision(
      batch(`${first.text}（丁）`, 'tab-d', ['tab-a']),
    );
    expect(notOwn).toMatchObject({
      ok: false,
      reason: 'conflict',
      conflict: { since: [{ number: 2 }] },
    });
    expect(findText((await store.getDraft())?.report ?? canonicalReport, first.id)).toBe(
      `${first.text}（甲甲甲）`,
    );
  });

  it('issue 13: a batch sent again (same clientId and clientSeq) is answered with its revision, not applied twice', async () => {
    // The fault it guards: its answer was lost, the tab sent it again and a progress update
    // added twice was refused, or a text edit became a second revision.
    const { store } = await freshStore(engine);
    const batch = {
      ...editMeasure(0, first.id, `${first.text}（一次）`),
      clientId: 'tab-a',
      clientSeq: 7,
    };
    const saved = await store.appendDraftRevision(batch);
    expect(
      await store.appendDraftRevision(editMeasure(0, second.id, `${second.text}（乙）`)),
    ).toMatchObject({ ok: true });
    const again = await store.appendDraftRevision(batch);
    expect(again).toMatchObject({ ok: true, repeated: true, revision: { number: 1 } });
    expect(saved.ok && again.ok && again.revision).toEqual(saved.ok && saved.revision);
    expect((await store.listRevisions()).map((r) => r.number)).toEqual([2, 1, 0]);
    // Another batch number of the same tab is a new batch.
    const next = await store.appendDraftRevision({ ...batch, clientSeq: 8, baseRevision: 2 });
    expect(next).toMatchObject({ ok: true, revision: { number: 3 } });
    expect(next.ok && next.repeated).toBeFalsy();
  });

  it('issue 13: another process’s revision is a conflict, and a batch sent again is known, though this process remembers the revisions it wrote', async () => {
    // The fault it guards: a save reads the keys since its base from the revisions this process
    // wrote (revision-tail.ts); one written by another process in between must not be missed.
    const { store: a, target } = await freshStore(engine);
    const b = await open(target, { seed: false });
    const batch = {
      ...editMeasure(0, first.id, `${first.text}（甲）`),
      clientId: 'tab-a',
      clientSeq: 1,
    };
    expect(await a.appendDraftRevision(batch)).toMatchObject({ ok: true });
    expect(
      await b.appendDraftRevision(editMeasure(1, first.id, `${first.text}（乙）`)),
    ).toMatchObject({ ok: true, revision: { number: 2 } });
    expect(
      await a.appendDraftRevision(editMeasure(1, first.id, `${first.text}（丙）`)),
    ).toMatchObject({ ok: false, reason: 'conflict', conflict: { since: [{ number: 2 }] } });
    expect(await a.appendDraftRevision(batch)).toMatchObject({
      ok: true,
      repeated: true,
      revision: { number: 1 },
    });
    expect(
      await a.appendDraftRevision(editMeasure(1, second.id, `${second.text}（丁）`)),
    ).toMatchObject({ ok: true, revision: { number: 3 } });
    expect(findText((await b.getDraft())?.report ?? canonicalReport, first.id)).toBe(
      `${first.text}（乙）`,
    );
  });

  it('lands 50 concurrent edits of different measures, each as its own revision', async () => {
    const { store } = await freshStore(engine);
    const targets = measures(canonicalReport).slice(0, 50);
    expect(targets).toHaveLength(50);
    const results = await Promise.all(
      targets.map((m) => store.appendDraftRevision(editMeasure(0, m.id, `${m.text}（并发）`))),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const draft = await store.getDraft();
    expect(draft?.revision).toBe(50);
    for (const m of targets)
      expect(findText(draft?.report ?? canonicalReport, m.id)).toBe(`${m.text}（并发）`);
    const numbers = (await store.listRevisions({ limit: 100 })).map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: 51 }, (_, i) => 50 - i));
  });

  it('passes the apply function’s refusal through and writes nothing', async () => {
    const { store } = await freshStore(engine);
    const result = await store.appendDraftRevision(editMeasure(0, 'no-such-measure', '文字。'));
    expect(result).toMatchObject({ ok: false, reason: 'rejected' });
    expect(result.ok || result.error).toMatchObject({ code: 'not-found' });
    expect((await store.getDraft())?.revision).toBe(0);
  });

  it('refuses a base revision from the future and malformed commands', async () => {
    const { store } = await freshStore(engine);
    const future = await store.appendDraftRevision(editMeasure(7, first.id, `${first.text}（甲）`));
    expect(future).toMatchObject({
      ok: false,
      reason: 'refused',
      error: { code: 'bad-base-revision' },
    });
    const empty = await store.appendDraftRevision({
      ...editMeasure(0, first.id, first.text),
      commands: [],
    });
    expect(empty).toMatchObject({ ok: false, reason: 'refused', error: { code: 'invalid-input' } });
  });
});

describe.each(engines)('restoreRevision and replaceDraft ($name)', (engine) => {
  it('restores an older revision as a new revision that touches what it changes back', async () => {
    const { store } = await freshStore(engine);
    await store.appendDraftRevision(editMeasure(0, first.id, `${first.text}（甲）`));
    const restored = await store.restoreRevision({ revision: 0, author: 'u-alice' });
    expect(restored.ok && restored.revision).toMatchObject({
      number: 2,
      kind: 'restore',
      touched: [first.id],
    });
    expect(restored.ok && restored.revision.commands).toEqual([
      { type: 'draft.restore', revision: 0 },
    ]);
    expect((await store.getDraft())?.reportHash).toBe((await store.getRevision(0))?.reportHash);
    // An edit of that measure based on revision 1 now conflicts with the restore.
    const stale = await store.appendDraftRevision(editMeasure(1, first.id, `${first.text}（丙）`));
    expect(stale.ok || stale.reason).toBe('conflict');
    expect((await store.restoreRevision({ revision: 99, author: 'u' })).ok).toBe(false);
  });

  it('replaces the draft with a valid import and refuses an invalid one unchanged', async () => {
    const { store } = await freshStore(engine);
    const imported = editableCopy(canonicalReport);
    const section = imported.chapters[0]?.sections[0];
    const measure = section?.measures[0];
    if (measure === undefined) throw new Error('canonical report has no measures');
    const before = measure.indicators;
    measure.text = '导入的文字。';
    measure.indicators = [];
    const replaced = await store.replaceDraft({
      report: imported,
      author: 'u-admin',
      source: 'upload.json',
    });
    expect(replaced.ok && replaced.revision).toMatchObject({
      kind: 'replace',
      touched: [measure.id, ...before.map((i) => i.id)].sort(),
      commands: [{ type: 'draft.replace', source: 'upload.json' }],
    });
    const invalid = await store.replaceDraft({
      report: { ...imported, chapters: 'none' },
      author: 'u-admin',
    });
    expect(invalid.ok || invalid.error.code).toBe('invalid-report');
    expect((await store.getDraft())?.revision).toBe(1);
  });
});
