import { listMeasures, TRACKING_STATUS_LABELS } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import type { AtomEntry } from './atom.js';
import { chapterLabel } from '@leshan/report-core/labels';

/** The first `n` characters of a text, with an ellipsis when cut. */
function clip(text: string, n: number): string {
  const chars = Array.from(text);
  return chars.length <= n ? text : `${chars.slice(0, n).join('')}…`;
}

/**
 * One Atom entry per progress update, newest first; only chapter `chapterNumber` when given.
 * Dates are days, so an entry's time is midnight UTC of its day.
 */
export function progressEntries(
  report: Report,
  siteUrl: string,
  chapterNumber?: number,
): AtomEntry[] {
  const entries: (AtomEntry & { sortKey: string })[] = [];
  for (const item of listMeasures(report)) {
    if (chapterNumber !== undefined && item.chapterNumber !== chapterNumber) continue;
    for (const update of item.measure.tracking.updates) {
      const link = `${siteUrl}/chapters/${item.chapterNumber}#${item.id}`;
      const facts = [
        update.status === undefined
          ? undefined
          : `状态：${TRACKING_STATUS_LABELS[update.status].zh}`,
        update.progress === undefined ? undefined : `进度：${update.progress}%`,
        update.evidenceUrl === undefined ? undefined : `佐证：${update.evidenceUrl}`,
      ].filter((f) => f !== undefined);
      entries.push({
        id: `${link}/${update.id}`,
        title: `${clip(item.text, 24)}（${update.date}）`,
        updated: `${update.date}T00:00:00Z`,
        link,
        summary: update.note,
        content: [`举措：${item.text}`, `进展：${update.note}`, ...facts].join('\n'),
        categories: [
          chapterLabel(item.chapterNumber).zh,
          ...(update.status === undefined ? [] : [TRACKING_STATUS_LABELS[update.status].zh]),
        ],
        sortKey: `${update.date}|${update.id}`,
      });
    }
  }
  entries.sort((a, b) => b.sortKey.localeCompare(a.sortKey));
  return entries.map(({ sortKey: _sortKey, ...entry }) => entry);
}
