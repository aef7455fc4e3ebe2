import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, engines, freshStore, open, rawConnection } from '../../test/engines.js';
import type { Target } from '../../test/engines.js';
import { BOSS_SCHEMA, EXPORT_QUEUE } from '../db/export-queue.js';

// PostgreSQL: pg-boss is the export queue, and every store change to a job changes its delivery
// in the same transaction.

afterAll(cleanUp);

const postgres = engines.find((e) => e.name === 'postgres');
if (postgres === undefined) throw new Error('no postgres engine');

const artifact = {
  fileName: 'leshan-e1.json',
  path: '/srv/exports/leshan-e1.json',
  mediaType: 'application/json',
  size: 12,
  sha256: 'ab'.repeat(32),
};

interface DeliveryRow {
  key: string;
  state: string;
}

async function deliveries(target: Target): Promise<DeliveryRow[]> {
  const conn = rawConnection(target);
  const result = await sql<DeliveryRow>`
    SELECT singleton_key AS key, state::text AS state FROM ${sql.table(`${BOSS_SCHEMA}.job`)}
     WHERE name = ${EXPORT_QUEUE} ORDER BY created_on, id`.execute(conn.db);
  await conn.close();
  return result.rows;
}

const live = (rows: DeliveryRow[]) =>
  rows
    .filter((r) => ['created', 'retry', 'active'].includes(r.state))
    .map((r) => r.key)
    .sort();

async function queuedStore() {
  const { store, target } = await freshStore(postgres as (typeof engines)[number]);
  const edition = await store.latestEdition();
  if (edition === null) throw new Error('not seeded');
  const queued = await store.enqueueExportJobs(edition.id, ['json', 'pdf', 'md']);
  if (!queued.ok) throw new Error(queued.error.message.en);
  return { store, target, editionId: edition.id, jobs: queued.jobs };
}

describe('export deliveries (postgres)', () => {
  it('sends one delivery per job in the transaction that queues it, and none for a job already queued', async () => {
    const { store, target, editionId, jobs } = await queuedStore();
    await store.enqueueExportJobs(editionId, ['json', 'md']);
    const rows = await deliveries(target);
    expect(rows.map((r) => r.state)).toEqual(['created', 'created', 'created']);
    expect(live(rows)).toEqual(jobs.map((j) => j.id).sort());
  });

  it('settles a job’s delivery when its attempt ends, sending the next for a retry', async () => {
    const { store, target, jobs } = await queuedStore();
    const [json, pdf] = jobs;
    if (json === undefined || pdf === undefined) throw new Error('not queued');
    const conn = rawConnection(target);
    const ids = await sql<{ id: string; key: string }>`
      SELECT id, singleton_key AS key FROM ${sql.table(`${BOSS_SCHEMA}.job`)}
       WHERE name = ${EXPORT_QUEUE}`.execute(conn.db);
    // What pg-boss's fetch does: make the deliveries active.
    await sql`UPDATE ${sql.table(`${BOSS_SCHEMA}.job`)} SET state = 'active', started_on = now()
               WHERE name = ${EXPORT_QUEUE}`.execute(conn.db);
    await conn.close();
    const idOf = (jobId: string) => ids.rows.find((r) => r.key === jobId)?.id ?? '';
    const take = (jobId: string) =>
      store.takeExportDelivery({ deliveryId: idOf(jobId), jobId, workerId: 'w', leaseMs: 60_000 });

    expect((await take(json.id)).job).toMatchObject({ id: json.id, attempts: 1 });
    expect((await store.completeExportJob(json.id, 'w', artifact)).ok).toBe(true);
    expect((await take(pdf.id)).job).toMatchObject({ id: pdf.id, attempts: 1 });
    const failed = await store.failExportJob(pdf.id, 'w', 'boom');
    expect(failed.ok && failed.job.status).toBe('queued');

    const rows = await deliveries(target);
    // json: done, its delivery completed; pdf: its delivery completed and the retry's created;
    // md: still active (never taken here).
    expect(rows.filter((r) => r.key === json.id).map((r) => r.state)).toEqual(['completed']);
    expect(rows.filter((r) => r.key === pdf.id).map((r) => r.state)).toEqual([
      'completed',
      'created',
    ]);
    // A second take of a finished job's delivery settles it without a claim.
    expect(await take(json.id)).toEqual({ job: null, status: 'done', deferredUntil: null });
  });

  it('migrates a database of the relay release: jobs and artifacts kept, each unfinished job given its delivery', async () => {
    const { store, target, editionId, jobs } = await queuedStore();
    const done = await store.claimExportJob({ workerId: 'old', leaseMs: 60_000 });
    if (done === null) throw new Error('nothing claimed');
    expect((await store.completeExportJob(done.id, 'old', artifact)).ok).toBe(true);
    const before = {
      jobs: await store.listExportJobs(),
      artifacts: await store.listArtifacts(editionId),
    };
    await store.close();
    // What that release left: no delivery_id, no migration 0002, and no pg-boss schema (its
    // workers made it; none ran on this database).
    const conn = rawConnection(target);
    await sql`ALTER TABLE export_jobs DROP COLUMN delivery_id`.execute(conn.db);
    // Nor what later releases added (0003 accounts, 0004 export integrity: PostgreSQL only
    // gained tables and columns), so that 0002 runs again on the relay release's schema.
    await sql`DROP TABLE login_limits, export_regenerations`.execute(conn.db);
    // 0006 (issue 18) added the reporters' tables and widened the role CHECK (re-run as it is).
    await sql`DROP TABLE submissions, user_departments`.execute(conn.db);
    // 0007 and 0008 (issue 19) added the citizens' feedback tables and the site settings table.
    await sql`DROP TABLE feedback, feedback_salt, site_settings`.execute(conn.db);
    await sql`ALTER TABLE users DROP COLUMN credential_version, DROP COLUMN must_change_password`.execute(
      conn.db,
    );
    await sql`ALTER TABLE sessions DROP COLUMN credential_version`.execute(conn.db);
    // 0009 (issue 13) added the revision of the draft row's report.
    await sql`ALTER TABLE draft DROP COLUMN report_revision`.execute(conn.db);
    await sql`DELETE FROM kysely_migration WHERE name > '0001-initial'`.execute(conn.db);
    await sql`DROP SCHEMA ${sql.id(BOSS_SCHEMA)} CASCADE`.execute(conn.db);
    await conn.close();

    const reopened = await open(target);
    expect(await reopened.listExportJobs()).toEqual(before.jobs);
    expect(await reopened.listArtifacts(editionId)).toEqual(before.artifacts);
    const unfinished = jobs.filter((j) => j.id !== done.id).map((j) => j.id);
    expect(live(await deliveries(target))).toEqual(unfinished.sort());
  });
});
