// Worker thread entry (issue 15): parsing and merging a large text never blocks the admin's event loop.
import { parentPort } from 'node:worker_threads';
import { MergeJobSchema, runMergeJob } from './merge-job.js';

parentPort?.on('message', (message: unknown) => {
  const job = MergeJobSchema.safeParse(message);
  if (!job.success) {
    parentPort?.postMessage({ failed: 'invalid-job' });
    return;
  }
  try {
    parentPort?.postMessage({ result: runMergeJob(job.data) });
  } catch (error) {
    parentPort?.postMessage({ failed: error instanceof Error ? error.name : 'error' });
  }
});
