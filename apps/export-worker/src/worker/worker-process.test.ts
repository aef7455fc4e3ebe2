import type { Store } from '@leshan/report-store';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../schemas.js';
import { bossMessages } from '../testing/boss-messages.js';
import { fileMatches, listOutput } from '../testing/exported-files.js';
import { syntheticReport } from '../testing/synthetic-edition.js';
import {
  cleanUpTemp,
  openTestStore,
  postgresTarget,
  sqliteTarget,
  tempDir,
} from '../testing/temp-stores.js';
import { waitUntil } from '../testing/wait-until.js';
import type { LogLine, WorkerProcess } from '../testing/worker-process.js';
import { startWorkerProcess, storeEnv } from '../testing/worker-process.js';

// The real process (src/main.ts) in child processes, on real databases: what `pnpm start` runs.

const children: WorkerProcess[] = [];
afterAll(async () => {
  for (const child of children) child.process.kill('SIGKILL');
  await cleanUpTemp();
});

function worker(env: Record<string, string>): WorkerProcess {
  const child = startWorkerProcess({ POLL_MS: '100', ...env });
  children.push(child);
  return child;
}

const allDone = (store: Store, count: number) =>
  waitUntil(
    `${count} jobs done`,
    async () => {
      const jobs = await store.listExportJobs();
      return jobs.length === count && jobs.every((j) => j.status === 'done') ? jobs : undefined;
    },
    90_000,
  );

const doneLogs = (child: WorkerProcess): LogLine[] =>
  child.logs.filter((l) => l.msg === 'job done');

const queueOf = (child: WorkerProcess): unknown =>
  child.logs.find((l) => l.msg === 'export worker started')?.queue;

/** Every artifact's file is on disk with its recorded bytes, and nothing else is. */
async function expectServedFiles(store: Store, outDir: string, editionIds: string[]) {
  const artifacts = (await Promise.all(editionIds.map((id) => store.listArtifacts(id)))).flat();
  expect(artifacts).toHaveLength(editionIds.length * FORMAT_IDS.length);
  for (const artifact of artifacts) expect(fileMatches(artifact), artifact.path).toBe(true);
  expect(listOutput(outDir)).toEqual(artifacts.map((a) => `${a.editionId}/${a.fileName}`).sort());
  return artifacts;
}

describe('export worker process', () => {
  it('completes a job exactly once after its worker is killed mid-render and a new one starts (SQLite)', async () => {
    const target = sqliteTarget();
    const store = await openTestStore(target);
    const edition = await store.latestEdition();
    if (edition === null) throw new Error('no edition');
    // PDF is queued first, so it is the first job claimed: the kill lands while it renders.
    const queued = await store.enqueueExportJobs(edition.id, ['pdf']);
    const pdf = queued.ok ? queued.jobs[0] : undefined;
    if (pdf === undefined) throw new Error('pdf not queued');
    const outDir = tempDir();
    const env = { ...storeEnv(target), EXPORT_DIR: outDir, LEASE_MS: '3000' };

    const first = worker({ ...env, WORKER_ID: 'first' });
    await first.waitForLog((l) => l.msg === 'job claimed' && l.format === 'pdf');
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const abandoned = await store.getExportJob(pdf.id);
    expect(abandoned).toMatchObject({ status: 'running', attempts: 1 });
    expect(abandoned?.leaseOwner).toMatch(/^first#0\./);
    expect(await store.getArtifact(edition.id, 'pdf')).toBeNull();

    const second = worker({ ...env, WORKER_ID: 'second' });
    const jobs = await allDone(store, FORMAT_IDS.length);
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    expect(jobs.find((j) => j.format === 'pdf')).toMatchObject({ attempts: 2 });
    expect(queueOf(first)).toBe('store');
    expect(doneLogs(first)).toEqual([]);
    expect(doneLogs(second).filter((l) => l.format === 'pdf')).toHaveLength(1);
    const artifacts = await expectServedFiles(store, outDir, [edition.id]);
    expect(artifacts.find((a) => a.format === 'pdf')?.jobId).toBe(pdf.id);
    expect(second.logs.map((l) => l.msg)).toContain('worker stopped');
  });

  it('completes a job exactly once after its pg-boss worker is killed mid-render and a new one starts (PostgreSQL)', async () => {
    const target = await postgresTarget();
    const store = await openTestStore(target);
    const edition = await store.latestEdition();
    if (edition === null || target.databaseUrl === undefined) throw new Error('no edition');
    const queued = await store.enqueueExportJobs(edition.id, ['pdf']);
    const pdf = queued.ok ? queued.jobs[0] : undefined;
    if (pdf === undefined) throw new Error('pdf not queued');
    const outDir = tempDir();
    // The PDF's delivery expires with the dead worker's lease (3 s); pg-boss's maintenance (every
    // second) makes it due again, and the new worker takes the job over.
    const env = { ...storeEnv(target), EXPORT_DIR: outDir, LEASE_MS: '3000', RETRY_DELAY_MS: '0' };

    const first = worker({ ...env, WORKER_ID: 'first' });
    await first.waitForLog((l) => l.msg === 'job claimed' && l.format === 'pdf');
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(queueOf(first)).toBe('pg-boss');
    const abandoned = await store.getExportJob(pdf.id);
    expect(abandoned).toMatchObject({ status: 'running', attempts: 1 });
    expect(abandoned?.leaseOwner).toMatch(/^first#0\./);
    expect(await store.getArtifact(edition.id, 'pdf')).toBeNull();

    const second = worker({ ...env, WORKER_ID: 'second' });
    const jobs = await allDone(store, FORMAT_IDS.length);
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    expect(jobs.find((j) => j.format === 'pdf')).toMatchObject({ attempts: 2 });
    expect(jobs.filter((j) => j.format !== 'pdf' && j.attempts !== 1)).toEqual([]);
    // Each job done once across both processes; the PDF by the second one.
    const done = [...doneLogs(first), ...doneLogs(second)];
    expect(done.map((l) => l.format).sort()).toEqual([...FORMAT_IDS].sort());
    expect(doneLogs(second).filter((l) => l.format === 'pdf')).toHaveLength(1);
    const artifacts = await expectServedFiles(store, outDir, [edition.id]);
    expect(artifacts.find((a) => a.format === 'pdf')?.jobId).toBe(pdf.id);
    // The PDF's one delivery expired with the dead worker and was delivered again, once.
    const messages = await bossMessages(target.databaseUrl);
    expect(messages.filter((m) => m.key === pdf.id)).toMatchObject([
      { state: 'completed', retryCount: 1, output: { status: 'done' } },
    ]);
    const others = messages.filter((m) => m.key !== pdf.id);
    expect(others).toHaveLength(FORMAT_IDS.length - 1);
    expect(others.every((m) => m.state === 'completed' && m.retryCount === 0)).toBe(true);
    expect(second.logs.map((l) => l.msg)).toContain('worker stopped');
  });

  it('lets two pg-boss workers on PostgreSQL share three editions, writing each file exactly once', async () => {
    const target = await postgresTarget();
    const store = await openTestStore(target);
    for (const title of ['第二版', '第三版']) {
      const report = { ...syntheticReport, meta: { ...syntheticReport.meta, title } };
      expect((await store.publishReport({ report, publishedBy: 'tester' })).ok).toBe(true);
    }
    const editions = (await store.listEditions()).map((e) => e.id);
    for (const id of editions) await store.enqueueExportJobs(id, FORMAT_IDS);
    const outDir = tempDir();
    const env = { ...storeEnv(target), EXPORT_DIR: outDir, WORKER_CONCURRENCY: '2' };

    const pair = [worker({ ...env, WORKER_ID: 'a' }), worker({ ...env, WORKER_ID: 'b' })];
    const jobs = await allDone(store, editions.length * FORMAT_IDS.length);
    for (const child of pair) child.process.kill('SIGTERM');
    const why = () =>
      pair
        .map((c) => `${c.stderr()}${JSON.stringify(c.logs.filter((l) => l.level >= 40))}`)
        .join('\n');
    expect(await Promise.all(pair.map((c) => c.exited)), why()).toEqual([0, 0]);

    // No job was claimed twice, and each file was written once (never found already there).
    expect(jobs.filter((j) => j.attempts !== 1)).toEqual([]);
    const done = pair.flatMap(doneLogs);
    expect(done).toHaveLength(jobs.length);
    expect(new Set(done.map((l) => `${String(l.editionId)}/${String(l.format)}`)).size).toBe(
      jobs.length,
    );
    expect(done.every((l) => l.placement === 'written')).toBe(true);
    for (const child of pair) expect(doneLogs(child).length).toBeGreaterThan(0);
    const artifacts = await expectServedFiles(store, outDir, editions);
    expect(new Set(artifacts.map((a) => a.jobId))).toEqual(new Set(jobs.map((j) => j.id)));
    // Through pg-boss: one message per job, delivered once.
    expect(pair.map(queueOf)).toEqual(['pg-boss', 'pg-boss']);
    const messages = await bossMessages(target.databaseUrl ?? '');
    expect(messages).toHaveLength(jobs.length);
    expect(new Set(messages.map((m) => m.key))).toEqual(new Set(jobs.map((j) => j.id)));
    expect(messages.every((m) => m.state === 'completed' && m.retryCount === 0)).toBe(true);
  });

  it('refuses to start on a bad setting, naming the variable', async () => {
    const child = worker({ LEASE_MS: 'soon', SQLITE_FILE: `${tempDir()}/never.db` });
    expect(await child.exited).toBe(1);
    expect(child.stderr()).toContain('LEASE_MS:');
    expect(child.logs).toEqual([]);
  });
});
