import { canonicalReport, editableCopy } from '../src/data/index.js';
import { formatIssues, reportStats, validateReport } from '../src/model/index.js';
import type { Report } from '../src/model/index.js';
import type { BenchRow } from '@leshan/bench';
import { time } from '@leshan/bench';
import { synthesizeReport } from './synthesize-report.js';

function measure(name: string, report: Report, runs: number, warmup: number): BenchRow[] {
  // A bench of an invalid report would time the error path: refuse to report that figure.
  const check = validateReport(report);
  if (!check.ok)
    throw new Error(`${name} is not valid:\n${formatIssues(check.issues).slice(0, 5).join('\n')}`);
  const { measures } = reportStats(report);
  const timing = time(() => validateReport(report), { runs, warmup });
  return [
    {
      name: `validateReport: ${name} (${measures} measures), median`,
      value: timing.median,
      unit: 'ms',
    },
    { name: `validateReport: ${name}, p99`, value: timing.p99, unit: 'ms' },
    {
      name: `validateReport: ${name}, throughput`,
      value: Math.round(measures / (timing.median / 1000)),
      unit: 'measures/s',
    },
  ];
}

/** Median time to validate the canonical report and a synthesised one 100 times its size. */
export async function bench(): Promise<BenchRow[]> {
  const canonical = editableCopy(canonicalReport);
  const large = synthesizeReport(canonical, 100);
  return Promise.resolve([
    ...measure('canonical report', canonical, 300, 50),
    ...measure('100× canonical', large, 15, 3),
  ]);
}
