import type { DeepReadonly, EditorialNote, Indicator, Measure, Report } from '@leshan/report-core';
import type { EditionRef, ExportInput } from '../schemas.js';
import { formatQuantity } from '@leshan/report-core/indicators';
import { chapterHeading, displayTitle } from '@leshan/report-core/labels';
import { NOTE_STATUS_LABELS, placesOf, VERDICT_LABELS } from '@leshan/report-core';
import { attainments } from './attainments.js';
import {
  commitmentText,
  comparatorLabel,
  indicatorTarget,
  noteKindLabel,
  progressLabel,
  statusLabel,
} from './labels.js';

// One reading of an edition shared by the document renderers (md, html, pdf, docx), so each of
// them shows the same labels, numbers and missing-title marks and only differs in markup.

export interface IndicatorView {
  id: string;
  metric: string;
  value: number;
  valueText: string;
  unit: string;
  comparator: string;
  target: string;
  aspirational: string;
  baseline: string | null;
  raw: string;
}

export interface UpdateView {
  id: string;
  date: string;
  note: string;
  status: string | null;
  progress: string | null;
  evidenceUrl: string | null;
}

export interface MeasureView {
  id: string;
  text: string;
  places: string[];
  status: string;
  progress: string;
  indicators: IndicatorView[];
  updates: UpdateView[];
}

export interface SectionView {
  id: string;
  title: string;
  measures: MeasureView[];
}

export interface ChapterView {
  id: string;
  number: number;
  heading: string;
  sections: SectionView[];
}

export interface NoteView {
  id: string;
  heading: string;
  kind: string;
  status: string;
  nodeIds: string[];
  sourceLines: string;
  reasoning: string;
  removedText: string[];
  originalText: string | null;
  correctedText: string | null;
}

/** One row of the table of progress against each target (issue 18). */
export interface ProgressView {
  indicatorId: string;
  measureId: string;
  /** 新建高速公路：新增 210公里 */
  target: string;
  targetValue: string;
  actual: string;
  percent: string;
  verdict: string;
  asOf: string;
  source: string;
  sourceUrl: string | null;
}

/** The heading of the progress table in every document. */
export const PROGRESS_HEADING = '目标进展';
export const PROGRESS_NOTE =
  '达成率与判定按 report-core 的规则（targetAttainment）对照规划期已过时间计算；“—”表示尚无数据。';

/** The progress table's columns, with each one's share of the width in a paged document. */
export const PROGRESS_COLUMNS = [
  { header: '目标', share: 0.28 },
  { header: '目标值', share: 0.11 },
  { header: '实际值', share: 0.11 },
  { header: '达成率', share: 0.08 },
  { header: '判定', share: 0.09 },
  { header: '截至', share: 0.11 },
  { header: '来源', share: 0.22 },
] as const;

/** A progress row's cells, in PROGRESS_COLUMNS order; the target cell starts with the measure id. */
export function progressCells(p: ProgressView): string[] {
  return [
    `${p.measureId}\u3000${p.target}`,
    p.targetValue,
    p.actual,
    p.percent,
    p.verdict,
    p.asOf,
    p.sourceUrl === null ? p.source : `${p.source}\n${p.sourceUrl}`,
  ];
}

export interface EditionView {
  title: string;
  subtitle: string | null;
  scope: string;
  issuer: string;
  period: string;
  goals: { id: string; subject: string; target: string }[];
  ideology: string;
  chapters: ChapterView[];
  notes: NoteView[];
  /** Progress against each target; empty when the edition records no actual value at all. */
  progress: ProgressView[];
  source: { file: string; sha256: string; description: string };
  edition: EditionRef;
  /** Lines naming the edition and its source, printed at the end of every document. */
  colophon: string[];
}

// 较2020年 already names its year; a baseline worded without one gets it added.
function baselineLabel({ baseline }: DeepReadonly<Indicator>): string | null {
  if (baseline === undefined) return null;
  return baseline.raw.includes(String(baseline.year))
    ? baseline.raw
    : `${baseline.raw}（${baseline.year}年）`;
}

export function viewIndicator(indicator: DeepReadonly<Indicator>): IndicatorView {
  return {
    id: indicator.id,
    metric: indicator.metric,
    value: indicator.value,
    valueText: formatQuantity(indicator.value, indicator.unit),
    unit: indicator.unit,
    comparator: comparatorLabel(indicator.comparator),
    target: indicatorTarget(indicator),
    aspirational: commitmentText(indicator),
    baseline: baselineLabel(indicator),
    raw: indicator.raw,
  };
}

function viewMeasure(measure: Measure, report: Report): MeasureView {
  return {
    id: measure.id,
    text: measure.text,
    places: placesOf(report, measure.places).map((p) => p.name),
    status: statusLabel(measure.tracking.status),
    progress: progressLabel(measure.tracking.progress),
    indicators: measure.indicators.map(viewIndicator),
    updates: measure.tracking.updates.map((u) => ({
      id: u.id,
      date: u.date,
      note: u.note,
      status: u.status === undefined ? null : statusLabel(u.status),
      progress: u.progress === undefined ? null : progressLabel(u.progress),
      evidenceUrl: u.evidenceUrl ?? null,
    })),
  };
}

function viewNote(note: EditorialNote): NoteView {
  const kind = noteKindLabel(note.kind);
  return {
    id: note.id,
    heading: `${note.id}：${kind}`,
    kind,
    status: NOTE_STATUS_LABELS[note.status].zh,
    nodeIds: note.nodeIds,
    sourceLines: note.sourceLines.length === 0 ? '—' : `第 ${note.sourceLines.join('、')} 行`,
    reasoning: note.reasoning,
    removedText: note.removedText ?? [],
    originalText: note.originalText ?? null,
    correctedText: note.correctedText ?? null,
  };
}

// The latest observation used, as 来源: its title (a relative target's baseline source is in the JSON).
function latestObservation(indicator: DeepReadonly<Indicator>, asOf: string | null) {
  return [...(indicator.observations ?? [])].reverse().find((o) => o.date === asOf);
}

function viewProgress(report: Report): ProgressView[] {
  const rows = attainments(report);
  if (
    rows.every(
      (r) =>
        r.indicator.observations === undefined && r.indicator.baseline?.observation === undefined,
    )
  )
    return [];
  return rows.map(({ indicator: i, measureId, attainment: a }) => {
    const latest = latestObservation(i, a.asOf);
    return {
      indicatorId: i.id,
      measureId,
      target: `${i.metric}：${indicatorTarget(i)}`,
      targetValue: formatQuantity(i.value, i.unit),
      actual: a.achieved === null ? '—' : formatQuantity(a.achieved, i.unit),
      percent: a.percent === null ? '—' : formatQuantity(Math.round(a.percent), '%'),
      verdict: VERDICT_LABELS[a.verdict].zh,
      asOf: a.asOf ?? '—',
      source: latest?.source.title ?? '—',
      sourceUrl: latest?.source.url ?? null,
    };
  });
}

function periodLabel(report: Report): string {
  return `${report.meta.period.start}—${report.meta.period.end}年`;
}

export function buildEditionView({ report, edition }: ExportInput): EditionView {
  const { source } = report.meta;
  return {
    title: report.meta.title,
    subtitle: report.meta.subtitle ?? null,
    scope: report.meta.scope,
    issuer: report.meta.issuer,
    period: periodLabel(report),
    goals: report.goals.map((g) => ({ id: g.id, subject: g.subject, target: g.target })),
    ideology: report.ideology.text,
    chapters: report.chapters.map((chapter) => ({
      id: chapter.id,
      number: chapter.number,
      heading: chapterHeading(chapter),
      sections: chapter.sections.map((section) => ({
        id: section.id,
        title: displayTitle(section.title),
        measures: section.measures.map((m) => viewMeasure(m, report)),
      })),
    })),
    notes: report.notes.map(viewNote),
    progress: viewProgress(report),
    source: { file: source.file, sha256: source.sha256, description: source.description },
    edition,
    colophon: [
      `版本 Edition：${edition.id}（第 ${edition.number} 版，发布于 ${edition.publishedAt}）`,
      `版本哈希 Edition hash（sha256）：${edition.hash}`,
      `原文 Source：${source.file}，sha256 ${source.sha256}`,
    ],
  };
}
