import { canonicalReport, editableCopy } from '@leshan/report-core/data';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, engines, freshStore, rawConnection } from '../../test/engines.js';
import { editMeasure, measures } from '../../test/measures.js';
import { contentHash } from '@leshan/report-core/hash';

afterAll(cleanUp);

const first = measures(canonicalReport)[0] ?? { id: '', text: '' };

describe.each(engines)('publishing editions ($name)', (engine) => {
  it('publishes the draft as edition 2 with a change summary against edition 1', async () => {
    const { store } = await freshStore(engine);
    await store.appendDraftRevision(editMeasure(0, first.id, `${first.text}（修订）`));
    const published = await store.publishDraft({ publishedBy: 'u-pub' });
    expect(published.ok).toBe(true);
    if (!published.ok) return;
    const { edition } = published;
    expect(edition).toMatchObject({ number: 2, publishedBy: 'u-pub', draftRevision: 1 });
    expect(edition.changeSummary?.counts.measure.edited).toBe(1);
    expect(edition.contentHash).toBe((await store.getDraft())?.reportHash);
    expect((await store.latestEdition())?.id).toBe(edition.id);
    expect((await store.getEdition(edition.id))?.number).toBe(2);
    expect((await store.getEdition(edition.contentHash))?.id).toBe(edition.id);
    expect((await store.getEdition(contentHash(canonicalReport)))?.number).toBe(1);
    expect((await store.getEditionByNumber(1))?.report).toEqual(canonicalReport);
    expect(await store.getEdition('no-such-edition')).toBeNull();
    expect((await store.listEditions()).map((e) => e.number)).toEqual([2, 1]);
  });

  it('refuses to publish an unchanged draft again', async () => {
    const { store } = await freshStore(engine);
    const again = await store.publishDraft({ publishedBy: 'u-pub' });
    expect(again.ok || again.error.code).toBe('unchanged');
    expect((await store.listEditions()).length).toBe(1);
  });

  it('refuses an invalid report and leaves the editions unchanged', async () => {
    const { store } = await freshStore(engine);
    const broken = editableCopy(canonicalReport);
    const chapter = broken.chapters[0];
    if (chapter !== undefined) chapter.number = 9;
    const result = await store.publishReport({ report: broken, publishedBy: 'u-pub' });
    expect(result.ok || result.error.code).toBe('invalid-report');
    expect(result.ok || result.error.issues?.length).toBeGreaterThan(0);
    expect((await store.listEditions()).map((e) => e.number)).toEqual([1]);
  });

  it('keeps editions immutable: the database refuses UPDATE and DELETE', async () => {
    const { target } = await freshStore(engine);
    const conn = rawConnection(target);
    await expect(
      sql`update editions set published_by = 'mallory'`.execute(conn.db),
    ).rejects.toThrow(/immutable/);
    await expect(sql`delete from editions`.execute(conn.db)).rejects.toThrow(/immutable/);
    await expect(sql`update revisions set author = 'mallory'`.execute(conn.db)).rejects.toThrow(
      /immutable/,
    );
    const rows = await sql<{ published_by: string }>`select published_by from editions`.execute(
      conn.db,
    );
    expect(rows.rows).toEqual([{ published_by: 'system' }]);
  });
});
