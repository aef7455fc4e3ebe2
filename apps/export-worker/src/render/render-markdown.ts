import type { ExportInput } from '../schemas.js';
import type { EditionView, MeasureView, NoteView } from '../view/edition-view.js';
import { PROGRESS_COLUMNS, PROGRESS_HEADING, progressNote } from '../view/edition-view.js';
import { buildEditionView } from '../view/edition-view.js';
import { escapeMarkdown as md, markdownLink } from './markdown-escape.js';

function measureLines(m: MeasureView): string[] {
  const lines = [`#### 举措 ${md(m.id)}`, '', md(m.text), ''];
  const facts = [`状态：${m.status}`, `进度：${m.progress}`];
  if (m.places.length > 0) facts.push(`地点：${md(m.places.join('、'))}`);
  lines.push(`*${facts.join('\u3000·\u3000')}*`, '');
  if (m.indicators.length > 0) {
    lines.push(
      '| 指标 | 目标 | 数值 | 单位 | 性质 | 原文 |',
      '| --- | --- | ---: | --- | --- | --- |',
    );
    for (const i of m.indicators) {
      lines.push(
        `| ${md(i.metric)} | ${md(i.target)} | ${md(i.valueText)} | ${md(i.unit)} | ${i.aspirational} | ${md(i.raw)} |`,
      );
    }
    lines.push('');
  }
  for (const u of m.updates) {
    const extra = [u.status, u.progress].filter((x) => x !== null).join('，');
    const evidence = u.evidenceUrl === null ? '' : ` 佐证：${markdownLink(u.evidenceUrl)}`;
    lines.push(`- ${u.date}${extra === '' ? '' : `（${extra}）`}：${md(u.note)}${evidence}`);
  }
  if (m.updates.length > 0) lines.push('');
  return lines;
}

function noteLines(n: NoteView): string[] {
  const lines = [
    `### ${md(n.heading)}`,
    '',
    `- 状态：${n.status}`,
    `- 涉及：${md(n.concerns.join('；') || '—')}`,
    `- 原文位置：${n.sourceLines}`,
    '',
    md(n.reasoning),
    '',
  ];
  if (n.originalText !== null) lines.push(`- 原文：${md(n.originalText)}`);
  if (n.correctedText !== null) lines.push(`- 更正为：${md(n.correctedText)}`);
  for (const removed of n.removedText) lines.push(`- 删除：${md(removed)}`);
  if (n.originalText !== null || n.correctedText !== null || n.removedText.length > 0)
    lines.push('');
  return lines;
}

/** 目标进展 as a GFM table (issue 18); nothing where the edition has no actual value. */
function progressLines(v: EditionView): string[] {
  if (v.progress.length === 0) return [];
  const lines = [
    `## ${PROGRESS_HEADING}`,
    '',
    `*${progressNote(v.period)}*`,
    '',
    `| ${PROGRESS_COLUMNS.map((c) => c.header).join(' | ')} |`,
    '| --- | ---: | ---: | ---: | --- | --- | --- |',
  ];
  for (const p of v.progress) {
    const source =
      p.sourceUrl === null ? md(p.source) : `${md(p.source)} ${markdownLink(p.sourceUrl)}`;
    lines.push(
      `| ${md(p.measureId)} ${md(p.target)} | ${md(p.targetValue)} | ${md(p.actual)} | ${p.percent} | ${p.verdict} | ${p.asOf} | ${source} |`,
    );
  }
  lines.push('');
  return lines;
}

/** The edition as CommonMark + GFM tables; every editor-typed string escaped. */
export function renderMarkdown(input: ExportInput): Promise<Uint8Array> {
  const v = buildEditionView(input);
  const lines = [`# ${md(v.title)}`, ''];
  if (v.subtitle !== null) lines.push(md(v.subtitle), '');
  lines.push(`${md(v.issuer)}\u3000${md(v.scope)}（${v.period}）`, '', '## 主要目标', '');
  for (const g of v.goals) lines.push(`- ${md(g.subject)}：${md(g.target)}`);
  lines.push('', '## 指导思想', '', md(v.ideology), '');
  for (const c of v.chapters) {
    lines.push(`## ${md(c.heading)}`, '');
    for (const s of c.sections) {
      lines.push(`### ${md(s.title)}`, '');
      for (const m of s.measures) lines.push(...measureLines(m));
    }
  }
  lines.push(...progressLines(v), '## 编辑说明', '');
  for (const n of v.notes) lines.push(...noteLines(n));
  lines.push('---', '', ...v.colophon.map((l) => `${md(l)}  `), '');
  return Promise.resolve(new TextEncoder().encode(lines.join('\n')));
}
