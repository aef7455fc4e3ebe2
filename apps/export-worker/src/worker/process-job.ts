import { join } from 'node:path';
import type { ExportJob, Store } from '@leshan/report-store';
import { sha256Hex } from '@leshan/report-core/hash';
import type { RenderedFile } from '../formats.js';
import type { ExportInput, FormatId } from '../schemas.js';
import { FormatIdSchema } from '../schemas.js';
import { keepLease } from './lease-keeper.js';
import { placeFile } from './place-file.js';
import type { WorkerLogger } from './worker-logger.js';

export interface JobDeps {
  store: Pick<Store, 'renewLease' | 'completeExportJob' | 'failExportJob'>;
  outDir: string;
  leaseMs: number;
  logger: WorkerLogger;
  loadEdition: (editionId: string) => Promise<ExportInput | null>;
  render: (input: ExportInput, format: FormatId) => Promise<RenderedFile>;
}

/**
 * done: file placed and artifact recorded. retrying / failed: the attempt failed and the store
 * queued the job again or gave it up. lost: the lease went to another worker (or expired), so
 * this attempt's result was dropped; the job's current holder finishes it.
 */
export type JobOutcome = 'done' | 'retrying' | 'failed' | 'lost';

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The folder of one edition's files; edition ids are UUIDs, but a path must never escape. */
export const editionDir = (outDir: string, editionId: string): string =>
  join(outDir, editionId.replace(/[^A-Za-z0-9._-]/g, '-'));

/**
 * One attempt at a claimed job: load the edition, render, place the file atomically, record
 * the artifact. Rendering and file errors fail the attempt (the store retries with backoff);
 * database errors propagate, and the lease expiring hands the job to the next claim.
 */
export async function processJob(
  deps: JobDeps,
  job: ExportJob,
  workerId: string,
): Promise<JobOutcome> {
  const log = { jobId: job.id, editionId: job.editionId, format: job.format };
  const lease = keepLease(
    deps.store,
    { jobId: job.id, workerId, leaseMs: deps.leaseMs },
    deps.logger,
  );
  const fail = async (error: string): Promise<JobOutcome> => {
    const result = await deps.store.failExportJob(job.id, workerId, error);
    if (!result.ok) {
      deps.logger.warn({ ...log, error }, 'attempt failed after the lease was lost');
      return 'lost';
    }
    const outcome = result.job.status === 'failed' ? 'failed' : 'retrying';
    deps.logger.error(
      { ...log, error, attempts: result.job.attempts, runAt: result.job.runAt },
      outcome === 'failed' ? 'job failed for good' : 'attempt failed; will retry',
    );
    return outcome;
  };
  try {
    const format = FormatIdSchema.safeParse(job.format);
    if (!format.success) return await fail(`unknown export format "${job.format}"`);
    const input = await deps.loadEdition(job.editionId);
    if (input === null) return await fail(`edition ${job.editionId} not found`);
    let file: RenderedFile;
    try {
      file = await deps.render(input, format.data);
    } catch (error) {
      return await fail(`render failed: ${message(error)}`);
    }
    // A worker that lost the job while rendering writes nothing: the new holder does.
    if (!(await lease.check())) {
      deps.logger.warn(log, 'lease lost while rendering; result dropped');
      return 'lost';
    }
    let placed: Awaited<ReturnType<typeof placeFile>>;
    try {
      placed = await placeFile(
        editionDir(deps.outDir, job.editionId),
        file.fileName,
        file.bytes,
        lease.check,
      );
    } catch (error) {
      return await fail(`writing the file failed: ${message(error)}`);
    }
    if (placed.placement === 'kept-existing') {
      deps.logger.warn({ ...log, path: placed.path }, 'lease lost; existing file left in place');
      return 'lost';
    }
    const artifact = {
      fileName: file.fileName,
      path: placed.path,
      mediaType: file.mediaType,
      size: file.bytes.length,
      sha256: sha256Hex(file.bytes),
    };
    const completed = await deps.store.completeExportJob(job.id, workerId, artifact);
    if (!completed.ok) {
      // The file stays: it has the bytes any attempt renders, and the next one finds it 'present'.
      deps.logger.warn(
        { ...log, code: completed.error.code },
        'completion refused; result dropped',
      );
      return 'lost';
    }
    deps.logger.info(
      {
        ...log,
        path: placed.path,
        size: artifact.size,
        sha256: artifact.sha256,
        placement: placed.placement,
      },
      'job done',
    );
    return 'done';
  } finally {
    lease.stop();
  }
}
