import { listMeasures, TRACKING_STATUS_LABELS } from '@leshan/report-core';
import type { Report } from '@leshan/report-core';
import type { AtomEntry } from './atom.js';
import { formatQuantity, formatTarget } from '@leshan/report-core/indicators';
import {
  chapterLabel,
  formatAchievement,
  formatAttainment,
  observationBasisLabel,
  verdictLabel,
} from '@leshan/report-core/labels';
import { targetAttainment } from '@leshan/report-core/model';

/** The first `n` characters of a text, with an ellipsis when cut. */
function clip(text: string, n: number): string {
  const chars = Array.from(text);
  return chars.length <= n ? text : `${chars.slice(0, n).join('')}…`;
}

type Entry = AtomEntry & { sortKey: string };
type Item = ReturnType<typeof listMeasures>[number];

const newestFirst = (entries: Entry[]): AtomEntry[] =>
  entries
    .sort((a, b) => b.sortKey.localeCompare(a.sortKey))
    .map(({ sortKey: _sortKey, ...entry }) => entry);

/** The entries of a measure's updates; `link` is where each points (its id stays the chapter's). */
function updateEntries(item: Item, siteUrl: string, link: string): Entry[] {
  const anchor = `${siteUrl}/chapters/${item.chapterNumber}#${item.id}`;
  return item.measure.tracking.updates.map((update) => {
    const facts = [
      update.status === undefined ? undefined : `状态：${TRACKING_STATUS_LABELS[update.status].zh}`,
      update.progress === undefined ? undefined : `进度：${update.progress}%`,
      update.evidenceUrl === undefined ? undefined : `佐证：${update.evidenceUrl}`,
    ].filter((f) => f !== undefined);
    return {
      // The id an entry has always had in the chapter feeds: a reader sees each update once.
      id: `${anchor}/${update.id}`,
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
    };
  });
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
  const entries: Entry[] = [];
  for (const item of listMeasures(report)) {
    if (chapterNumber !== undefined && item.chapterNumber !== chapterNumber) continue;
    entries.push(
      ...updateEntries(item, siteUrl, `${siteUrl}/chapters/${item.chapterNumber}#${item.id}`),
    );
  }
  return newestFirst(entries);
}

/**
 * A measure's own feed (issue 19): an entry per progress update and per observed value of its
 * targets (实际值, with its source), newest first, each linking to the measure's page;
 * undefined for a measure the report does not have.
 */
export function measureEntries(
  report: Report,
  siteUrl: string,
  measureId: string,
): AtomEntry[] | undefined {
  const item = listMeasures(report).find((m) => m.id === measureId);
  if (item === undefined) return undefined;
  const link = `${siteUrl}/measures/${item.id}`;
  const observed: Entry[] = item.measure.indicators.flatMap((indicator) =>
    (indicator.observations ?? []).map((o) => {
      const value = formatQuantity(o.value, indicator.unit);
      const attainment = targetAttainment(indicator, report.meta.period);
      const achieved = formatAchievement(indicator, attainment);
      return {
        id: `${link}/${o.id}`,
        title: `${indicator.metric}：实际值 ${value}（${o.date}）`,
        updated: `${o.date}T00:00:00Z`,
        link,
        summary: `截至 ${o.date}，${indicator.metric}${observationBasisLabel(o.basis).zh} ${value}（目标：${formatTarget(indicator)}）。`,
        content: [
          `举措：${item.text}`,
          `指标：${indicator.metric}，目标 ${formatTarget(indicator)}`,
          `实际值：${value}（${observationBasisLabel(o.basis).zh}，截至 ${o.date}）`,
          `目前完成情况：${achieved === undefined ? formatAttainment(attainment).zh : `${achieved}，${verdictLabel(attainment.verdict).zh}`}`,
          `来源：${o.source.title}${o.source.url === undefined ? '' : ` ${o.source.url}`}`,
          ...(o.note === undefined ? [] : [`说明：${o.note}`]),
        ].join('\n'),
        categories: [chapterLabel(item.chapterNumber).zh, '实际值'],
        sortKey: `${o.date}|${o.id}`,
      };
    }),
  );
  return newestFirst([...updateEntries(item, siteUrl, link), ...observed]);
}
