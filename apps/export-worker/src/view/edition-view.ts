import type { DeepReadonly, EditorialNote, Indicator, Measure, Report } from '@leshan/report-core';
import type { EditionRef, ExportInput } from '../schemas.js';
import { formatQuantity } from '@leshan/report-core/indicators';
import { chapterHeading, describeNode, displayTitle, noteLabel } from '@leshan/report-core/labels';
import { NOTE_STATUS_LABELS, placesOf } from '@leshan/report-core';
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
  /** Ids of the nodes it concerns: for data sheets, where ids join tables. */
  nodeIds: string[];
  /** What the note concerns in readers' words (describeNode), for documents people read (issue 19). */
  concerns: string[];
  sourceLines: string;
  reasoning: string;
  removedText: string[];
  originalText: string | null;
  correctedText: string | null;
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

function viewNote(report: Report, note: EditorialNote): NoteView {
  const kind = noteKindLabel(note.kind);
  return {
    id: note.id,
    // 编辑说明三：更正 — readers know notes by their place, not their ids (issue 19).
    heading: `${noteLabel(report, note.id) ?? '编辑说明'}：${kind}`,
    kind,
    status: NOTE_STATUS_LABELS[note.status].zh,
    nodeIds: note.nodeIds,
    concerns: note.nodeIds.map((id) => describeNode(report, id)),
    sourceLines: note.sourceLines.length === 0 ? '—' : `第 ${note.sourceLines.join('、')} 行`,
    reasoning: note.reasoning,
    removedText: note.removedText ?? [],
    originalText: note.originalText ?? null,
    correctedText: note.correctedText ?? null,
  };
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
    notes: report.notes.map((note) => viewNote(report, note)),
    source: { file: source.file, sha256: source.sha256, description: source.description },
    edition,
    colophon: [
      `版本 Edition：${edition.id}（第 ${edition.number} 版，发布于 ${edition.publishedAt}）`,
      `版本哈希 Edition hash（sha256）：${edition.hash}`,
      `原文 Source：${source.file}，sha256 ${source.sha256}`,
    ],
  };
}
