import { pino } from 'pino';
import { openStore } from '@leshan/report-store';
import type { WorkerEnv } from './env.js';
import {
  enqueueLatest,
  runBossWorker,
  runReconcileLoop,
  runWorker,
  sweepTempFiles,
} from './worker/index.js';

/** The worker process after its settings were read: logs are JSON lines (pino) on stdout. */
export async function serve(env: WorkerEnv): Promise<void> {
  const logger = pino({
    level: env.LOG_LEVEL,
    base: { app: 'export-worker', worker: env.WORKER_ID },
  });

  // First signal: stop claiming and finish the jobs in hand. If they take too long, or a second
  // signal comes, exit at once: files are only ever placed whole, and an unfinished job's lease
  // expires so another worker takes it over.
  const stop = new AbortController();
  const stopTimeoutMs = Math.max(env.LEASE_MS, 30_000);
  let forced: NodeJS.Timeout | undefined;
  function shutdown(signal: string): void {
    if (stop.signal.aborted) {
      logger.warn({ signal }, 'second signal; abandoning the current job');
      process.exit(1);
    }
    logger.info({ signal }, 'stopping after the current job');
    stop.abort();
    forced = setTimeout(() => {
      logger.warn({}, 'the current job did not finish in time; abandoning it');
      process.exit(1);
    }, stopTimeoutMs);
    forced.unref();
  }
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const store = await openStore({
    databaseUrl: env.DATABASE_URL,
    sqliteFile: env.sqliteFile,
    jobs: { backoffMs: env.RETRY_DELAY_MS },
  }).catch((error: unknown) => {
    logger.fatal({ err: error }, 'cannot open the store');
    process.exit(1);
  });
  try {
    const swept = await sweepTempFiles(env.exportDir, 60_000);
    if (swept.length > 0) logger.info({ files: swept }, 'removed temporary files of a dead worker');
    // Leftovers of a worker killed elsewhere on a shared folder show up later: sweep again.
    const sweeper = setInterval(() => {
      sweepTempFiles(env.exportDir, 60_000).then(
        (files) => {
          if (files.length > 0) logger.info({ files }, 'removed temporary files of a dead worker');
        },
        (error: unknown) => logger.warn({ err: error }, 'cannot sweep temporary files'),
      );
    }, 60_000);
    sweeper.unref();
    stop.signal.addEventListener('abort', () => clearInterval(sweeper));
    await enqueueLatest(store, logger);
    const queue = env.DATABASE_URL === undefined ? 'store' : 'pg-boss';
    logger.info(
      { engine: store.engine, queue, exportDir: env.exportDir, leaseMs: env.LEASE_MS },
      'export worker started',
    );
    const options = {
      store,
      outDir: env.exportDir,
      workerId: env.WORKER_ID,
      leaseMs: env.LEASE_MS,
      pollMs: env.POLL_MS,
      concurrency: env.WORKER_CONCURRENCY,
      signal: stop.signal,
      logger,
    };
    // Issue 12: every edition's files, old ones included, are checked and made again when needed.
    const reconciling = runReconcileLoop({
      store,
      logger,
      intervalMs: env.RECONCILE_MS,
      signal: stop.signal,
    });
    // SQLite: the store's own table is the queue. PostgreSQL: pg-boss delivers the store's jobs.
    if (env.DATABASE_URL === undefined) await runWorker(options);
    else await runBossWorker({ ...options, databaseUrl: env.DATABASE_URL });
    await reconciling;
  } finally {
    clearTimeout(forced);
    await store.close();
  }
}
