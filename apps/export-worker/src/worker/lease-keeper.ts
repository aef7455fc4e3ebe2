import type { Store } from '@leshan/report-store';
import type { WorkerLogger } from './worker-logger.js';

export interface LeaseKeeper {
  /** Renews now: true while this worker still holds the job. */
  check: () => Promise<boolean>;
  /** True once a renewal found the lease gone (expired, or taken over by another worker). */
  lost: () => boolean;
  stop: () => void;
}

/**
 * Renews a job's lease every third of its length while the job renders, so a long render (PDF)
 * keeps the job, and a worker that stalls longer than the lease loses it to another worker.
 * A renewal that throws (database briefly away) is logged and retried at the next tick.
 */
export function keepLease(
  store: Pick<Store, 'renewLease'>,
  lease: { jobId: string; workerId: string; leaseMs: number },
  logger: WorkerLogger,
): LeaseKeeper {
  let lost = false;
  const renew = async (): Promise<boolean> => {
    if (lost) return false;
    const held = await store.renewLease(lease);
    if (!held) lost = true;
    return held;
  };
  const timer = setInterval(
    () => {
      renew().catch((error: unknown) => {
        logger.warn({ jobId: lease.jobId, err: error }, 'lease renewal failed; retrying');
      });
    },
    Math.max(50, Math.floor(lease.leaseMs / 3)),
  );
  timer.unref();
  return { check: renew, lost: () => lost, stop: () => clearInterval(timer) };
}
