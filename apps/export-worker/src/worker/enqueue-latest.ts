import type { Store } from '@leshan/report-store';
import { FORMAT_IDS } from '../schemas.js';
import type { WorkerLogger } from './worker-logger.js';

/**
 * Makes sure the latest edition has a job for every format: the admin queues them on publish,
 * but the seeded edition 1 (and any edition published while the formats list was shorter) has
 * none. Idempotent: formats already queued, running or done are left alone; failed ones are
 * queued again, so a restart retries what gave up. Returns the number of jobs not yet done.
 */
export async function enqueueLatest(
  store: Pick<Store, 'latestEdition' | 'enqueueExportJobs'>,
  logger: WorkerLogger,
): Promise<number> {
  const edition = await store.latestEdition();
  if (edition === null) {
    logger.info({}, 'no published edition yet');
    return 0;
  }
  const result = await store.enqueueExportJobs(edition.id, FORMAT_IDS);
  if (!result.ok) {
    logger.warn(
      { editionId: edition.id, error: result.error.message.en },
      'could not queue exports',
    );
    return 0;
  }
  const pending = result.jobs.filter((job) => job.status !== 'done').length;
  logger.info({ editionId: edition.id, number: edition.number, pending }, 'latest edition queued');
  return pending;
}
