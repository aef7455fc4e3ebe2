import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '@leshan/http-kit';
import type { MergeJob, MergeResult } from './merge-job.js';
import { MergeResultSchema } from './merge-job.js';

/** Longest a preview or import may take before the editor is told to split the text. */
const JOB_TIMEOUT_MS = 30_000;
/** Jobs running at once; more wait their turn (each worker holds a whole report). */
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

let running = 0;
const waiting: (() => void)[] = [];

const tooHard = () =>
  new ApiError(
    422,
    'import-too-large',
    '原文过大或过于复杂，无法在 30 秒内完成解析和比对：请分章节导入，或删去重复的大段文字后重试',
  );

function runOnce(job: MergeJob): Promise<MergeResult> {
  return new Promise((resolve, reject) => {
    const { script, eval: isCode } = workerScript();
    const worker = new Worker(script, {
      eval: isCode,
      execArgv: EXEC_ARGV,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    const timer = setTimeout(() => {
      reject(tooHard());
      void worker.terminate();
    }, JOB_TIMEOUT_MS);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      settle();
      void worker.terminate();
    };
    worker.once('message', (message: { result?: unknown; failed?: string }) => {
      const parsed = MergeResultSchema.safeParse(message.result);
      finish(() => (parsed.success ? resolve(parsed.data) : reject(tooHard())));
    });
    worker.once('error', () => finish(() => reject(tooHard())));
    worker.once('exit', () => finish(() => reject(tooHard())));
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
