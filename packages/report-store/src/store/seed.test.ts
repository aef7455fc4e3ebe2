import { canonicalReport } from '@leshan/report-core/data';
import { afterAll, describe, expect, it } from 'vitest';
import { startChild } from '../../test/children.js';
import { cleanUp, engines, freshStore, open } from '../../test/engines.js';
import { contentHash } from '@leshan/report-core/hash';

afterAll(cleanUp);

describe.each(engines)('seeding ($name)', (engine) => {
  it('makes the canonical report edition 1 and draft revision 0 of an empty database', async () => {
    const { store } = await freshStore(engine);
    const hash = contentHash(canonicalReport);
    const draft = await store.getDraft();
    expect(draft?.revision).toBe(0);
    expect(draft?.reportHash).toBe(hash);
    expect(draft?.report).toEqual(canonicalReport);
    const editions = await store.listEditions();
    expect(editions.map((e) => [e.number, e.contentHash, e.changeSummary])).toEqual([
      [1, hash, null],
    ]);
    const revisions = await store.listRevisions();
    expect(revisions.map((r) => [r.number, r.kind, r.reportHash, r.commands])).toEqual([
      [0, 'seed', hash, [{ type: 'draft.seed' }]],
    ]);
  });

  it('does not seed again when reopened, nor when seed is false', async () => {
    const { target } = await freshStore(engine);
    const again = await open(target);
    expect((await again.listEditions()).length).toBe(1);
    expect((await again.listRevisions()).length).toBe(1);
    const empty = await open(await engine.fresh(), { seed: false });
    expect(await empty.getDraft()).toBeNull();
    expect(await empty.latestEdition()).toBeNull();
  });

  it('seeds once when several stores open the same fresh database at once', async () => {
    const target = await engine.fresh();
    const stores = await Promise.all([open(target), open(target), open(target)]);
    const [first] = stores;
    expect((await first?.listEditions())?.length).toBe(1);
    expect((await first?.listRevisions())?.length).toBe(1);
  });
});

describe('seeding across processes (sqlite)', () => {
  it('two processes opening one fresh SQLite file at once seed it once', async () => {
    const target = await engines[0]?.fresh();
    const children = [startChild({ target, mode: 'open' }), startChild({ target, mode: 'open' })];
    for (const child of children) await child.waitFor((lines) => lines.includes('done'));
    expect(await Promise.all(children.map((c) => c.exited))).toEqual([0, 0]);
    const store = await open(target ?? {});
    expect((await store.listEditions()).length).toBe(1);
    expect((await store.listRevisions()).map((r) => r.number)).toEqual([0]);
  });
});
