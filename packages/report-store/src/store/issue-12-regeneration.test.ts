import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, engines, freshStore, open } from '../../test/engines.js';
import type { Store } from './store.js';

afterAll(cleanUp);

async function exportOne(store: Store, format: string): Promise<void> {
  const edition = await store.latestEdition();
  if (edition === null) throw new Error('not seeded');
  await store.enqueueExportJobs(edition.id, [format]);
  const job = await store.claimExportJob({ workerId: 'w', leaseMs: 60_000 });
  if (job === null) throw new Error('nothing to claim');
  const done = await store.completeExportJob(job.id, 'w', {
    fileName: `leshan-e1.${format}`,
    path: `/srv/exports/leshan-e1.${format}`,
    mediaType: 'application/json',
    size: 10,
    sha256: 'ab'.repeat(32),
  });
  if (!done.ok) throw new Error(done.error.message.en);
}

describe.each(engines)('issue 12: asking for an export file to be made again ($name)', (engine) => {
  it('a request (from a read-only store, as the viewer’s) queues the job again and drops the stale record', async () => {
    const { store: writer, target } = await freshStore(engine);
    await exportOne(writer, 'json');
    const viewer = await open(target, { readonly: true });
    const asked = await viewer.requestRegeneration(1, 'json', 'sha256 differs');
    expect(asked.ok && asked.value).toMatchObject({ format: 'json', reason: 'sha256 differs' });
    expect((await viewer.requestRegeneration(1, 'json', 'again')).ok).toBe(true);
    expect((await writer.listRegenerations()).map((r) => r.reason)).toEqual(['again']);

    const taken = await writer.takeRegenerations();
    expect(taken.map((r) => r.format)).toEqual(['json']);
    expect(await writer.listRegenerations()).toEqual([]);
    expect(await writer.listAllArtifacts()).toEqual([]);
    const [job] = await writer.listExportJobs();
    expect(job).toMatchObject({ format: 'json', status: 'queued', attempts: 0 });
    expect(await writer.takeRegenerations()).toEqual([]);
  });

  it('a request for a format never queued queues it', async () => {
    const { store } = await freshStore(engine);
    expect((await store.requestRegeneration(1, 'pdf', 'missing')).ok).toBe(true);
    await store.takeRegenerations();
    expect((await store.listExportJobs()).map((j) => [j.format, j.status])).toEqual([
      ['pdf', 'queued'],
    ]);
  });

  it('refuses bad input with issues naming the field, and writes nothing', async () => {
    const { store } = await freshStore(engine);
    const unknown = await store.requestRegeneration(9, 'json', 'missing');
    expect(unknown.ok || unknown.issues.map((i) => [i.path, i.message.zh])).toEqual([
      ['editionNumber', '第 9 版不存在'],
    ]);
    const bad = await store.requestRegeneration(0, 'PDF!', ' ');
    expect(bad.ok || bad.issues.map((i) => i.path)).toEqual(['editionNumber', 'format', 'reason']);
    expect(await store.listRegenerations()).toEqual([]);
  });

  it('lists every recorded file with its edition number', async () => {
    const { store } = await freshStore(engine);
    await exportOne(store, 'json');
    expect((await store.listAllArtifacts()).map((a) => [a.editionNumber, a.format])).toEqual([
      [1, 'json'],
    ]);
  });
});
