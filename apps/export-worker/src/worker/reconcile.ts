import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '@leshan/report-store';
import { FORMAT_IDS } from '../schemas.js';
import { fileChecker } from './check-file.js';
import type { WorkerLogger } from './worker-logger.js';

type ReconcileStore = Pick<
  Store,
  'queueMissingExports' | 'listAllArtifacts' | 'requestRegeneration' | 'takeRegenerations'
>;

export interface ReconcileFigures {
  /** Jobs queued for editions that had none for a format (e.g. published by a crashed release). */
  queued: number;
  /** Recorded files checked, and how many of them had to be read (new or changed). */
  checked: number;
  hashed: number;
  /** Files found missing, unreadable or not what was recorded. */
  faulty: number;
  /** Requests (the viewer's and this pass's) turned into queued jobs. */
  regenerated: number;
  ms: number;
}

/**
 * Issue 12: keeps every edition's files whole, old editions included, with nobody's help. One
 * pass queues the formats an edition never got, checks each recorded file against its size and
 * sha256 (asking for a faulty one to be made again), and turns every pending request — its own
 * and the viewer's — into a queued job, which the worker's slots then render.
 */
export function reconciler(store: ReconcileStore, logger: WorkerLogger) {
  const checker = fileChecker();
  return async function reconcile(): Promise<ReconcileFigures> {
    const started = performance.now();
    const hashedBefore = checker.hashed();
    const queued = await store.queueMissingExports(FORMAT_IDS);
    const artifacts = await store.listAllArtifacts();
    let faulty = 0;
    for (const artifact of artifacts) {
      const fault = await checker.check(artifact.path, artifact.size, artifact.sha256);
      if (fault === null) continue;
      faulty += 1;
      logger.warn(
        {
          editionNumber: artifact.editionNumber,
          format: artifact.format,
          path: artifact.path,
          fault,
        },
        'export file is not what was recorded; making it again',
      );
      await store.requestRegeneration(artifact.editionNumber, artifact.format, fault);
    }
    const taken = await store.takeRegenerations();
    for (const request of taken) {
      logger.info(
        { editionId: request.editionId, format: request.format, reason: request.reason },
        'export queued again',
      );
    }
    const figures = {
      queued,
      checked: artifacts.length,
      hashed: checker.hashed() - hashedBefore,
      faulty,
      regenerated: taken.length,
      ms: Math.round(performance.now() - started),
    };
    if (queued + faulty + taken.length > 0) logger.info(figures, 'reconciled exports');
    return figures;
  };
}

/**
 * Runs a reconcile pass at once and then every `intervalMs` until `signal` aborts. A failed pass
 * (the database away) is logged and the next one runs on time.
 */
export async function runReconcileLoop(options: {
  store: ReconcileStore;
  logger: WorkerLogger;
  intervalMs: number;
  signal: AbortSignal;
}): Promise<void> {
  const reconcile = reconciler(options.store, options.logger);
  while (!options.signal.aborted) {
    try {
      await reconcile();
    } catch (error) {
      options.logger.error({ err: error }, 'reconcile pass failed; trying again later');
    }
    await sleep(options.intervalMs, undefined, { signal: options.signal }).catch(() => undefined);
  }
}
