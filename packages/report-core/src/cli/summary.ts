import type { ReportStats } from '../model/index.js';
import type { ReadonlyReport } from '../model/readonly.js';
import { reportStats } from '../model/index.js';

/** The counts `stats` prints, in order, with their labels in both languages. */
export const STAT_LABELS: readonly (readonly [keyof ReportStats, string, string])[] = [
  ['chapters', '章', 'chapters'],
  ['sections', '节', 'sections'],
  ['measures', '举措', 'measures'],
  ['indicators', '指标', 'indicators'],
  ['notes', '编辑说明', 'editorial notes'],
  ['goals', '主要目标', 'main goals'],
  ['places', '地点', 'places'],
];

/** Two lines about a report: its title and period, then its counts. */
export function summarizeReport(report: ReadonlyReport): string[] {
  const stats = reportStats(report);
  const { title, scope, period } = report.meta;
  const counts = STAT_LABELS.slice(0, 5)
    .map(([key, zh, en]) => `${stats[key]} ${zh} (${en})`)
    .join(' · ');
  return [`${title} — ${scope}, ${period.start}–${period.end}`, counts];
}
