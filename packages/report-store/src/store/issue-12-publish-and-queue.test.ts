import { canonicalReport } from '@leshan/report-core/data';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { startChild } from '../../test/children.js';
import type { Target } from '../../test/engines.js';
import { cleanUp, engines, freshStore, rawConnection } from '../../test/engines.js';
import { editMeasure, measures } from '../../test/measures.js';
import { BOSS_SCHEMA, EXPORT_QUEUE } from '../db/export-queue.js';
import { FAULT_POINTS } from './fault-point.js';
import type { Store } from './store.js';

afterAll(cleanUp);

const first = measures(canonicalReport)[0] ?? { id: '', text: '' };
const FORMATS = ['json', 'pdf'];

async function editDraft(store: Store, text: string): Promise<void> {
  const draft = await store.getDraft();
  await store.appendDraftRevision(editMeasure(draft?.revision ?? 0, first.id, text));
}

// What a crash inside the publishing transaction looks like to the database: the statement after
// the edition's INSERT (the first job's INSERT) fails, and the process goes no further.
async function breakJobInserts(target: Target, engine: string): Promise<() => Promise<void>> {
  const conn = rawConnection(target);
  if (engine === 'sqlite') {
    await sql`CREATE TRIGGER crash BEFORE INSERT ON export_jobs BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`.execute(
      conn.db,
    );
    return async () => void (await sql`DROP TRIGGER crash`.execute(conn.db));
  }
  await sql
    .raw(
      `CREATE FUNCTION crash() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'simulated crash'; END $$`,
    )
    .execute(conn.db);
  await sql`CREATE TRIGGER crash BEFORE INSERT ON export_jobs FOR EACH ROW EXECUTE FUNCTION crash()`.execute(
    conn.db,
  );
  return async () => void (await sql`DROP TRIGGER crash ON export_jobs`.execute(conn.db));
}

async function deliveries(target: Target): Promise<number> {
  if (target.databaseUrl === undefined) return 0;
  const rows = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(
    `${BOSS_SCHEMA}.job`,
  )} WHERE name = ${EXPORT_QUEUE}`.execute(rawConnection(target).db);
  return Number(rows.rows[0]?.n ?? 0);
}

async function jobRows(target: Target): Promise<number> {
  const rows = await sql<{
    n: number | string;
  }>`SELECT count(*) AS n FROM export_jobs`.execute(rawConnection(target).db);
  return Number(rows.rows[0]?.n ?? 0);
}

describe.each(engines)('issue 12: kill -9 of the publishing process ($name)', (engine) => {
  it.each(FAULT_POINTS)(
    'killed at %s, inside the transaction: neither the edition nor its jobs; the next publish has both',
    async (point) => {
      const { store, target } = await freshStore(engine);
      await editDraft(store, `${first.text}（${point}）`);
      const [jobsBefore, sentBefore] = [await jobRows(target), await deliveries(target)];
      const child = startChild(
        { target, mode: 'publish', formats: FORMATS },
        { LESHAN_FAULT: point },
      );
      expect(await child.exited).toBe('SIGKILL');
      expect(child.lines.filter((l) => l.startsWith('published'))).toEqual([]);
      expect((await store.listEditions()).map((e) => e.number)).toEqual([1]);
      expect(await jobRows(target)).toBe(jobsBefore);
      expect(await deliveries(target)).toBe(sentBefore);
      if (engine.name === 'sqlite') {
        const check = await sql<{
          integrity_check: string;
        }>`pragma integrity_check`.execute(rawConnection(target).db);
        expect(check.rows.map((r) => r.integrity_check)).toEqual(['ok']);
      }
      // The draft is still there: publishing it again (another process, no fault) gives the
      // edition and every job, as if the killed attempt had never begun.
      const again = startChild({ target, mode: 'publish', formats: FORMATS });
      expect(await again.exited).toBe(0);
      expect(again.lines).toContain('published 2');
      const latest = await store.latestEdition();
      expect(latest?.number).toBe(2);
      const jobs = await store.listExportJobs(latest?.id ?? '');
      expect(jobs.map((job) => [job.format, job.status])).toEqual([
        ['json', 'queued'],
        ['pdf', 'queued'],
      ]);
      if (engine.name === 'postgres') expect(await deliveries(target)).toBe(sentBefore + 2);
    },
  );
});

describe.each(engines)('issue 12: publishing and queuing its exports ($name)', (engine) => {
  it('queues the new edition’s jobs in the publishing transaction', async () => {
    const { store, target } = await freshStore(engine);
    await editDraft(store, `${first.text}（一）`);
    const before = await deliveries(target);
    const published = await store.publishDraft({ publishedBy: 'u-pub', exportFormats: FORMATS });
    if (!published.ok) throw new Error(published.error.message.en);
    const jobs = await store.listExportJobs(published.edition.id);
    expect(jobs.map((job) => [job.format, job.status])).toEqual([
      ['json', 'queued'],
      ['pdf', 'queued'],
    ]);
    if (engine.name === 'postgres') expect(await deliveries(target)).toBe(before + 2);
  });

  it('a crash between publishing and queuing leaves no edition without its jobs: both roll back', async () => {
    const { store, target } = await freshStore(engine);
    await editDraft(store, `${first.text}（二）`);
    const repair = await breakJobInserts(target, engine.name);
    await expect(
      store.publishDraft({ publishedBy: 'u-pub', exportFormats: FORMATS }),
    ).rejects.toThrow(/simulated crash/);
    expect((await store.listEditions()).map((e) => e.number)).toEqual([1]);
    await repair();
    const again = await store.publishDraft({ publishedBy: 'u-pub', exportFormats: FORMATS });
    expect(again.ok && again.edition.number).toBe(2);
    if (again.ok) expect((await store.listExportJobs(again.edition.id)).length).toBe(2);
  });

  it('refuses bad export formats before publishing anything', async () => {
    const { store } = await freshStore(engine);
    await editDraft(store, `${first.text}（三）`);
    const result = await store.publishDraft({ publishedBy: 'u-pub', exportFormats: ['PDF!'] });
    expect(result.ok || result.error.code).toBe('invalid-input');
    expect((await store.listEditions()).length).toBe(1);
  });

  it('queueMissingExports gives every edition published without jobs (an older release’s crash) its jobs', async () => {
    const { store, target } = await freshStore(engine);
    await editDraft(store, `${first.text}（四）`);
    const orphan = await store.publishDraft({ publishedBy: 'u-pub' });
    if (!orphan.ok) throw new Error(orphan.error.message.en);
    const before = await deliveries(target);
    expect(await store.queueMissingExports(FORMATS)).toBe(4); // editions 1 and 2, two formats
    expect(await store.queueMissingExports(FORMATS)).toBe(0);
    expect((await store.listExportJobs(orphan.edition.id)).map((j) => j.format)).toEqual(FORMATS);
    if (engine.name === 'postgres') expect(await deliveries(target)).toBe(before + 4);
  });
});
