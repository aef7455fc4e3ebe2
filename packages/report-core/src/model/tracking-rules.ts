import { todayInShanghai } from '../labels/dates.js';
import type { DeepReadonly, ReadonlyReport } from './readonly.js';
import { indicatorProblems } from './indicator-rules.js';
import type { Message } from './message.js';
import type { Measure } from './report.js';
import type { ProgressUpdate, TrackingStatus } from './tracking.js';
import { TRACKING_STATUS_LABELS } from './tracking.js';
import type { ValidationIssue } from './validate.js';

// Issue 13 point 6: one set of tracking rules, applied by applyCommand (to the measures an edit
// touches) and by validateReport (to all). They are not part of ReportSchema, so editions and
// drafts stored before these rules still load; the publish check names what to fix.

/** A measure's state: status and progress. */
export interface CurrentTracking {
  status: TrackingStatus | null;
  progress: number | null;
}

const byDate = (a: ProgressUpdate, b: ProgressUpdate): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/** Updates in date order (stable: updates of one day keep their order). */
export function sortUpdates(updates: readonly ProgressUpdate[]): ProgressUpdate[] {
  return [...updates].sort(byDate);
}

/** The latest update by date that reports a status; undefined when none does. */
export function latestStatusUpdate(updates: readonly ProgressUpdate[]): ProgressUpdate | undefined {
  return sortUpdates(updates)
    .reverse()
    .find((u) => u.status !== undefined);
}

/**
 * A measure's current status and progress: those of its latest update by date that reports a
 * status (an update with only a note changes neither); without one, the measure's own values.
 */
export function currentTracking(measure: DeepReadonly<Pick<Measure, 'tracking'>>): CurrentTracking {
  const latest = latestStatusUpdate(measure.tracking.updates);
  if (latest === undefined)
    return { status: measure.tracking.status, progress: measure.tracking.progress };
  return { status: latest.status ?? null, progress: latest.progress ?? null };
}

/** The status a progress value implies when none is chosen: 100 → completed, else in progress. */
export function statusForProgress(
  progress: number,
  current: TrackingStatus | null,
): TrackingStatus {
  if (progress === 100) return 'completed';
  if (current === null || current === 'completed')
    return progress === 0 ? 'not-started' : 'in-progress';
  return current;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/u;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/u;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** Whether a URL is http(s) and names a real host: a dotted domain name or an IP address. */
export function hasRealHost(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (_error) {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  // The host as typed: URL turns shorthand like "1.2", "0x7f.1" or "2130706433" into an IPv4
  // address, which nobody writing a link means; only the four dotted decimals name one.
  const typed = /^[a-z]+:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/iu.exec(url.trim())?.[1] ?? '';
  const lastLabel = typed.replace(/\.$/u, '').split('.').at(-1) ?? '';
  if (/^(?:0x[0-9a-f]*|\d+)$/iu.test(lastLabel) && !IPV4.test(typed)) return false;
  const host = parsed.hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) return host !== '[::1]' && host !== '[::]';
  if (IPV4.test(host)) return !host.startsWith('127.') && host !== '0.0.0.0';
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && TLD.test(labels.at(-1) ?? '');
}

function statusName(status: TrackingStatus): string {
  return `“${TRACKING_STATUS_LABELS[status].zh}”`;
}

/** The problems of one update's own fields (progress implies a status, 100 % is completed, URL). */
export function updateProblems(
  update: Omit<ProgressUpdate, 'id'>,
): { field: string; message: Message }[] {
  const out: { field: string; message: Message }[] = [];
  const { progress, status } = update;
  if (progress !== undefined && status === undefined)
    out.push({
      field: 'status',
      message: {
        zh: `填写了进度 ${progress}%，但没有选择状态：请选择状态（如${statusName(statusForProgress(progress, null))}），或清空进度`,
        en: `progress ${progress}% needs a status: choose one, or clear the progress`,
      },
    });
  if (progress === 100 && status !== undefined && status !== 'completed')
    out.push({
      field: 'status',
      message: {
        zh: `进度 100% 表示已完成：请把状态改为“已完成”，或把进度改小（现为${statusName(status)}）`,
        en: 'progress 100% means completed: set the status to completed, or lower the progress',
      },
    });
  if (status === 'completed' && progress !== undefined && progress < 100)
    out.push({
      field: 'progress',
      message: {
        zh: `状态为“已完成”时进度应为 100%（现为 ${progress}%）：请改进度为 100，或另选状态`,
        en: `a completed measure is at 100%, not ${progress}%: fix the progress or the status`,
      },
    });
  if (update.evidenceUrl !== undefined && !hasRealHost(update.evidenceUrl))
    out.push({
      field: 'evidenceUrl',
      message: {
        zh: '佐证链接须是 http 或 https 开头、带真实域名或 IP 地址的网址（如 https://www.leshan.gov.cn/…），不能是 localhost 或单个词',
        en: 'the evidence URL must be http(s) with a real host name or IP address, not localhost or a single word',
      },
    });
  return out;
}

/** Options of trackingIssues: the clock (`now`) and the measures and indicators to check (all when absent). */
export interface TrackingRuleOptions {
  /** The clock, for "not in the future" (default: now). */
  now?: Date | undefined;
  /** Check only these measures (applyCommand: the ones an edit touched); default: all. */
  measureIds?: ReadonlySet<string> | undefined;
  /** Also check these indicators as edits (indicatorProblems); default: none. */
  indicatorIds?: ReadonlySet<string> | undefined;
}

/**
 * Every tracking rule a report breaks, as issues with Chinese messages naming the field and the
 * fix: update dates in order, inside the report's period and not in the future; progress implies
 * a status and 100 % is completed; the measure's status and progress are its latest update's.
 */
export function trackingIssues(
  report: ReadonlyReport,
  options: TrackingRuleOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const today = todayInShanghai(options.now ?? new Date());
  const first = `${report.meta.period.start}-01-01`;
  const last = `${report.meta.period.end}-12-31`;
  const add = (path: (string | number)[], message: Message): void => {
    issues.push({
      path: path.join('.'),
      pathSegments: path,
      message: { zh: message.zh, en: message.en },
    });
  };
  const only = options.indicatorIds;
  // Plain loops: a save checks the one measure it touched, and passing over the others should
  // cost no allocation (issue 13: saves at p99 < 20 ms).
  report.chapters.forEach((chapter, c) => {
    let s = -1;
    for (const section of chapter.sections) {
      s += 1;
      let m = -1;
      for (const measure of section.measures) {
        m += 1;
        let i = -1;
        if (only !== undefined)
          for (const indicator of measure.indicators) {
            i += 1;
            if (!only.has(indicator.id)) continue;
            const at = ['chapters', c, 'sections', s, 'measures', m, 'indicators', i];
            for (const p of indicatorProblems(indicator)) add([...at, p.field], p.message);
          }
        if (options.measureIds !== undefined && !options.measureIds.has(measure.id)) continue;
        const path = ['chapters', c, 'sections', s, 'measures', m, 'tracking'];
        const updates = measure.tracking.updates;
        updates.forEach((update, k) => {
          const at = [...path, 'updates', k];
          for (const p of updateProblems(update)) add([...at, p.field], p.message);
          if (update.date < first || update.date > last)
            add([...at, 'date'], {
              zh: `进展日期 ${update.date} 不在报告的规划期（${report.meta.period.start}–${report.meta.period.end} 年）内：请改为规划期内的日期`,
              en: `update date ${update.date} is outside the report's period ${report.meta.period.start}–${report.meta.period.end}`,
            });
          if (update.date > today)
            add([...at, 'date'], {
              zh: `进展日期 ${update.date} 晚于今天（${today}）：请填写已经发生的日期`,
              en: `update date ${update.date} is in the future (today is ${today})`,
            });
          const previous = updates[k - 1];
          if (previous !== undefined && previous.date > update.date)
            add([...at, 'date'], {
              zh: `进展记录须按日期排列：${update.date} 排在了 ${previous.date} 之后`,
              en: `updates must be in date order: ${update.date} comes after ${previous.date}`,
            });
        });
        const { status, progress } = measure.tracking;
        const current = currentTracking(measure);
        if (latestStatusUpdate(updates) !== undefined) {
          if (current.status !== status || current.progress !== progress)
            add(path, {
              zh: '举措的当前状态和进度应取自日期最晚的一条进展记录：请添加一条新的进展记录来更新状态',
              en: "a measure's status and progress are those of its latest update: add an update to change them",
            });
        } else if (progress !== null) {
          const problems = updateProblems({
            date: today,
            note: '-',
            progress,
            ...(status === null ? {} : { status }),
          });
          for (const p of problems) add([...path, p.field], p.message);
        }
      }
    }
  });
  return issues;
}
