import type { Chapter, Measure, Section } from '../model/report.js';
import type { DeepReadonly, ReadonlyReport } from '../model/readonly.js';
import { findNode } from '../model/query.js';
import { chapterLabel } from './chapter-heading.js';
import { formatDate } from './dates.js';
import { NODE_KIND_LABELS } from './node-kind-labels.js';
import { displayTitle } from './missing-title.js';

const SEPARATOR = ' · ';
const QUOTED_LENGTH = 12;

/** The first characters of a text in Chinese quotes, “落实成渝地区双城经济圈…”. */
export function quoteStart(text: string, length: number = QUOTED_LENGTH): string {
  const chars = Array.from(text.trim());
  return `“${chars.slice(0, length).join('')}${chars.length > length ? '…' : ''}”`;
}

const chapterWords = (report: ReadonlyReport, chapter: DeepReadonly<Chapter>): string =>
  `${chapterLabel(chapter.number).zh}${SEPARATOR}${displayTitle(chapter.title, report, chapter.id)}`;

const sectionWords = (
  report: ReadonlyReport,
  chapter: DeepReadonly<Chapter>,
  section: DeepReadonly<Section>,
): string =>
  `${chapterLabel(chapter.number).zh}${SEPARATOR}${displayTitle(section.title, report, section.id)}`;

const measureWords = (
  report: ReadonlyReport,
  chapter: DeepReadonly<Chapter>,
  section: DeepReadonly<Section>,
  m: DeepReadonly<Measure>,
): string => `${sectionWords(report, chapter, section)}${SEPARATOR}${quoteStart(m.text)}`;

/** What to call a node nobody can find any more: never its internal id. */
export const UNKNOWN_NODE = '已不存在的内容';

/**
 * How an editor names a node: `第一章 · 建设区域综合交通枢纽 · “落实…”` (chapter, section, the
 * start of a measure's text); an indicator adds its metric, a progress update its date, a note is
 * `编辑注：…`. Never an internal id; an untitled chapter or section is 待补充标题.
 */
export function describeNode(report: ReadonlyReport, id: string): string {
  if (id === report.id) return NODE_KIND_LABELS.meta.zh;
  const found = findNode(report, id);
  if (found === undefined) return describeFollowUpNode(report, id) ?? UNKNOWN_NODE;
  switch (found.kind) {
    case 'chapter':
      return chapterWords(report, found.node);
    case 'section':
      return sectionWords(report, found.chapter, found.node);
    case 'measure':
      return measureWords(report, found.chapter, found.section, found.node);
    case 'indicator':
      return `${measureWords(report, found.chapter, found.section, found.measure)}${SEPARATOR}指标“${found.node.metric}”`;
    case 'update':
      return `${measureWords(report, found.chapter, found.section, found.measure)}${SEPARATOR}进展（${formatDate(found.node.date)}）`;
    case 'note':
      return `编辑注：${quoteStart(found.node.reasoning).slice(1, -1)}`;
    case 'goal':
      return `${NODE_KIND_LABELS.goal.zh}${SEPARATOR}${found.node.subject}`;
    case 'ideology':
      return NODE_KIND_LABELS.ideology.zh;
    case 'place':
      return `${NODE_KIND_LABELS.place.zh}${SEPARATOR}${found.node.name}`;
  }
}

/** A department by its name; an observed value by its target and date (issue 18). */
function describeFollowUpNode(report: ReadonlyReport, id: string): string | undefined {
  const department = report.departments?.find((d) => d.id === id);
  if (department !== undefined) return `${NODE_KIND_LABELS.department.zh}“${department.name}”`;
  for (const chapter of report.chapters)
    for (const section of chapter.sections)
      for (const m of section.measures)
        for (const indicator of m.indicators) {
          const o = indicator.observations?.find((x) => x.id === id);
          if (o !== undefined)
            return `${measureWords(report, chapter, section, m)}${SEPARATOR}指标“${indicator.metric}”${SEPARATOR}实际值（${formatDate(o.date)}）`;
        }
  return undefined;
}
