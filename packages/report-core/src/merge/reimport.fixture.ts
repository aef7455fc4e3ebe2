import { canonicalReport, editableCopy, sourceText } from '../data/index.js';
import type { Report } from '../model/report.js';
import { parseReportText } from '../parse/parse-report-text.js';
import { reimportOptions } from './reimport-options.js';

/** The three measures the edited source rewords, with their new wording. */
export const REWORDED: Record<string, { from: string; to: string }> = {
  m42: { from: '将乐山港升级改造为成都港。', to: '将乐山港升级改造为成都港的重要港区。' },
  m52: {
    from: '持续实施“嘉州英才培育计划”。',
    to: '持续深入实施“嘉州英才培育计划”。',
  },
  m112: {
    from: '力争入库重大工业项目500个,完成工业投资1000亿元以上。',
    to: '力争入库重大工业项目500个,完成工业投资1000亿元以上,工业增加值稳步提升。',
  },
};
/** The sentence the edited source adds, after 统筹“1+3+N”航空网建设 (line 40). */
export const ADDED_SENTENCE = '加快建设乐山港区物流园和多式联运中心。';

/** The canonical source with three sentences reworded and one added (two lines: it and a blank). */
export function editedSource(text: string = sourceText): string {
  const lines = text.split('\n');
  for (const { from, to } of Object.values(REWORDED)) {
    const at = lines.indexOf(from);
    if (at < 0) throw new Error(`fixture: line ${from} not in the source`);
    lines[at] = to;
  }
  const after = lines.findIndex((l) => l.startsWith('统筹“1+3+N”航空网建设'));
  lines.splice(after + 1, 0, '', ADDED_SENTENCE);
  return lines.join('\n');
}

/** The canonical report as a draft editors worked on: five progress updates on three measures. */
export function curatedDraft(): Report {
  const report = editableCopy(canonicalReport);
  const track = (id: string, updates: [string, number][]): void => {
    const measure = report.chapters
      .flatMap((c) => c.sections)
      .flatMap((s) => s.measures)
      .find((m) => m.id === id);
    if (measure === undefined) throw new Error(`fixture: no measure ${id}`);
    measure.tracking = {
      status: 'in-progress',
      progress: updates[updates.length - 1]?.[1] ?? null,
      updates: updates.map(([date, progress], i) => ({
        id: `u-${id}-${i + 1}`,
        date,
        note: `第 ${i + 1} 次进展`,
        status: 'in-progress',
        progress,
      })),
    };
  };
  track('m38', [
    ['2023-03-01', 10],
    ['2024-03-01', 40],
  ]);
  track('m42', [['2023-06-01', 20]]);
  track('m112', [
    ['2023-06-01', 30],
    ['2024-06-01', 60],
  ]);
  return report;
}

export const parseAsNext = (current: Report, text: string): Report =>
  parseReportText(text, reimportOptions(current)).report;
