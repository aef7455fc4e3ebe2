import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '@leshan/http-kit';
import type { MergeJob, MergeResult } from './merge-job.js';
import { MergeResultSchema } from './merge-job.js';

/** Longest a preview or import may take before the editor is told to split the text. */
const JOB_TIMEOUT_MS = 30_000;
/** Jobs running at once, and workers kept; more jobs wait their turn (each holds a whole report). */
const MAX_WORKERS = 2;

const fromSource = import.meta.url.endsWith('.ts');
// Built, the worker is dist/merge-worker.js. From source (tests, `pnpm dev`) it is TypeScript:
// a small bootstrap registers tsx in the worker, then imports it (Node 20 does not pass loaders on).
const tsxApi = (): string =>
  pathToFileURL(
    join(
      dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
      'dist/esm/api/index.mjs',
    ),
  ).href;
const workerScript = (): { script: string | URL; eval: boolean } => {
  if (!fromSource) return { script: new URL('./merge-worker.js', import.meta.url), eval: false };
  const entry = new URL('./merge-worker.ts', import.meta.url).href;
  return {
    script: `import(${JSON.stringify(tsxApi())}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`,
    eval: true,
  };
};
const EXEC_ARGV = fromSource ? ['--conditions=@leshan/source'] : [];

const idle: Worker[] = [];
let running = 0;
const waiting: (() => void)[] = [];

const tooHard = () =>
  new ApiError(
    422,
    'import-too-large',
    '原文过大或过于复杂，无法在 30 秒内完成解析和比对：请分章节导入，或删去重复的大段文字后重试',
  );

function spawn(): Worker {
  const { script, eval: isCode } = workerScript();
  return new Worker(script, {
    eval: isCode,
    execArgv: EXEC_ARGV,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
}

/** One job on a worker kept for the next (starting one costs more than most jobs); a failed one is dropped. */
function runOnce(job: MergeJob): Promise<MergeResult> {
  const worker = idle.pop() ?? spawn();
  worker.ref();
  return new Promise((resolve, reject) => {
    // Only our own listeners go: removeAllListeners would also drop the Worker's internal ones.
    const done = (keep: boolean, settle: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onFailure).off('exit', onFailure);
      if (keep) {
        worker.unref();
        idle.push(worker);
      } else void worker.terminate();
      settle();
    };
    const onMessage = (message: { result?: unknown }) => {
      const parsed = MergeResultSchema.safeParse(message.result);
      done(parsed.success, () => (parsed.success ? resolve(parsed.data) : reject(tooHard())));
    };
    const onFailure = () => done(false, () => reject(tooHard()));
    const timer = setTimeout(onFailure, JOB_TIMEOUT_MS);
    worker.on('message', onMessage).on('error', onFailure).on('exit', onFailure);
    worker.postMessage(job);
  });
}

/**
 * Runs a parse-and-merge job on a worker thread, at most MAX_WORKERS at once, so one large
 * preview never stalls other requests; a job that fails, runs out of memory or time is a 422
 * with a Chinese message.
 */
export async function runInWorker(job: MergeJob): Promise<MergeResult> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await runOnce(job);
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}
