import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, engines, freshStore, open } from '../../test/engines.js';
import { canonicalReport } from '@leshan/report-core/data';
import { editMeasure, measures } from '../../test/measures.js';

afterAll(cleanUp);

const measure = measures(canonicalReport)[0] ?? { id: '', text: '' };

describe.each(engines)('change mark ($name)', (engine) => {
  it('stays while nothing is published or exported, and moves with a new edition and a new file, for readers and writers', async () => {
    const { store: writer, target } = await freshStore(engine);
    const reader = await open(target, { readonly: true });
    const first = await reader.changeMark();
    const firstOfWriter = await writer.changeMark();
    // Edits to the draft, sessions and the audit log are not what the viewer shows.
    expect(
      (await writer.appendDraftRevision(editMeasure(0, measure.id, `${measure.text}（新）`))).ok,
    ).toBe(true);
    expect(await reader.changeMark()).toBe(first);

    const published = await writer.publishDraft({ publishedBy: 'u' });
    if (!published.ok) throw new Error('publish failed');
    const second = await reader.changeMark();
    expect(second).not.toBe(first);
    expect(await writer.changeMark()).not.toBe(firstOfWriter);

    const enqueued = await writer.enqueueExportJobs(published.edition.id, ['json']);
    if (!enqueued.ok) throw new Error('enqueue failed');
    expect(await reader.changeMark()).toBe(second);
    const job = await writer.claimExportJob({ workerId: 'w', leaseMs: 60_000 });
    if (job === null) throw new Error('no job');
    const done = await writer.completeExportJob(job.id, 'w', {
      fileName: 'e2.json',
      path: '/tmp/e2.json',
      mediaType: 'application/json',
      size: 2,
      sha256: '0'.repeat(64),
    });
    expect(done.ok).toBe(true);
    expect(await reader.changeMark()).not.toBe(second);
    await reader.close();
  });
});
