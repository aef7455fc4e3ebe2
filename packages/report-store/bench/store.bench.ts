import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { canonicalReport } from '@leshan/report-core/data';
import { openStore } from '../src/index.js';
import { editMeasure, measures } from '../test/measures.js';
import type { BenchRow } from '@leshan/bench';
import { timeAsync } from '@leshan/bench';

/** The SQLite store with the canonical report: edits, reads and the export queue. */
export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'report-store-bench-'));
  try {
    const openStart = performance.now();
    const store = await openStore({ sqliteFile: join(dir, 'bench.db') });
    const openMs = performance.now() - openStart;
    const ids = measures(canonicalReport);
    const append = await timeAsync(async (i) => {
      const m = ids[i % ids.length] ?? { id: '', text: '' };
      const draft = await store.getDraft();
      await store.appendDraftRevision(editMeasure(draft?.revision ?? 0, m.id, `${m.text}（${i}）`));
    }, 100);
    const read = await timeAsync(() => store.latestEdition(), 100);
    const publish = await store.publishDraft({ publishedBy: 'bench' });
    const editionId = publish.ok ? publish.edition.id : '';
    await store.enqueueExportJobs(
      editionId,
      Array.from({ length: 100 }, (_, i) => `f${i}`),
    );
    const job = await timeAsync(async () => {
      const claimed = await store.claimExportJob({ workerId: 'bench', leaseMs: 60_000 });
      if (claimed === null) throw new Error('queue ran dry');
      await store.completeExportJob(claimed.id, 'bench', {
        fileName: 'x',
        path: '/tmp/x',
        mediaType: 'application/octet-stream',
        size: 1,
        sha256: '0'.repeat(64),
      });
    }, 100);
    await store.close();
    return [
      { name: 'store sqlite: open + migrate + seed canonical', value: openMs, unit: 'ms' },
      {
        name: 'store sqlite: getDraft + appendDraftRevision (median)',
        value: append.median,
        unit: 'ms',
      },
      { name: 'store sqlite: getDraft + appendDraftRevision (p99)', value: append.p99, unit: 'ms' },
      { name: 'store sqlite: latestEdition (median)', value: read.median, unit: 'ms' },
      { name: 'store sqlite: claim + complete export job (median)', value: job.median, unit: 'ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
