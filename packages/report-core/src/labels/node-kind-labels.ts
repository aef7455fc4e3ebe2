import type { Message } from '../model/message.js';
import type { NodeKind } from '../model/query.js';

/**
 * Every kind of node a reader or editor is told about: the node kinds, the report's meta, and
 * the observed values and departments of following the targets (issue 18).
 */
export type LabelledKind = NodeKind | 'meta' | 'observation' | 'department';

/** The name of each kind of node, for tags, headings and messages. */
export const NODE_KIND_LABELS: Readonly<Record<LabelledKind, Message>> = {
  meta: { zh: '报告信息', en: 'Report details' },
  ideology: { zh: '指导思想', en: 'Guiding ideology' },
  goal: { zh: '目标', en: 'Goal' },
  chapter: { zh: '章', en: 'Chapter' },
  section: { zh: '节', en: 'Section' },
  measure: { zh: '举措', en: 'Measure' },
  indicator: { zh: '指标', en: 'Indicator' },
  update: { zh: '进展记录', en: 'Progress update' },
  place: { zh: '地点', en: 'Place' },
  note: { zh: '编辑说明', en: 'Editorial note' },
  observation: { zh: '实际值', en: 'Observed value' },
  department: { zh: '单位', en: 'Department' },
};

/** A kind's label in one language, or the kind itself when it is none of the labelled kinds. */
export function kindLabel(kind: string, lang: keyof Message): string {
  return Object.hasOwn(NODE_KIND_LABELS, kind)
    ? NODE_KIND_LABELS[kind as LabelledKind][lang]
    : kind;
}

/** The names of the fields an edit or a diff can change, for "measure m38 · 文字" lines. */
export const FIELD_LABELS: Readonly<Record<string, Message>> = {
  text: { zh: '文字', en: 'Text' },
  title: { zh: '标题', en: 'Title' },
  places: { zh: '地点', en: 'Places' },
  indicators: { zh: '指标', en: 'Indicators' },
  tracking: { zh: '落实情况', en: 'Progress' },
  metric: { zh: '指标名称', en: 'Metric' },
  value: { zh: '目标值', en: 'Value' },
  unit: { zh: '单位', en: 'Unit' },
  raw: { zh: '原文措辞', en: 'Wording in the text' },
  comparator: { zh: '比较', en: 'Comparator' },
  aspirational: { zh: '力争（是/否）', en: 'Aspirational' },
  commitment: { zh: '措辞性质', en: 'Commitment' },
  upper: { zh: '区间上限', en: 'Upper bound' },
  baseline: { zh: '基期', en: 'Baseline' },
  status: { zh: '状态', en: 'Status' },
  reasoning: { zh: '说明', en: 'Reasoning' },
  kind: { zh: '类型', en: 'Kind' },
  subject: { zh: '方面', en: 'Subject' },
  target: { zh: '目标', en: 'Target' },
  number: { zh: '章号', en: 'Chapter number' },
  subtitle: { zh: '副标题', en: 'Subtitle' },
  scope: { zh: '范围', en: 'Scope' },
  issuer: { zh: '发布机关', en: 'Issuer' },
  period: { zh: '规划期', en: 'Period' },
  position: { zh: '位置', en: 'Position' },
  body: { zh: '内容', en: 'Content' },
  responsibility: { zh: '责任分工', en: 'Responsibility' },
  baselineValue: { zh: '基期值', en: 'Baseline value' },
  date: { zh: '日期', en: 'Date' },
  basis: { zh: '口径', en: 'Basis' },
  source: { zh: '来源', en: 'Source' },
  note: { zh: '备注', en: 'Note' },
  name: { zh: '名称', en: 'Name' },
};

/** A field's label in one language, or the field's own name when it has none. */
export function fieldLabel(field: string, lang: keyof Message): string {
  return FIELD_LABELS[field]?.[lang] ?? field;
}
