import type { ExportInput } from '../schemas.js';
import type { EditionView, MeasureView, NoteView } from '../view/edition-view.js';
import { PROGRESS_COLUMNS, PROGRESS_HEADING, progressNote } from '../view/edition-view.js';
import { buildEditionView } from '../view/edition-view.js';
import { MISSING_TITLE } from '@leshan/report-core/labels';
import { escapeHtml as h, htmlLink } from './html-escape.js';
import { HTML_STYLE } from './html-style.js';

function title(text: string): string {
  return text === MISSING_TITLE ? `<span class="missing">${h(text)}</span>` : h(text);
}

function measureHtml(m: MeasureView): string {
  const facts = [`状态：${h(m.status)}`, `进度：${h(m.progress)}`];
  if (m.places.length > 0) facts.push(`地点：${h(m.places.join('、'))}`);
  const parts = [
    `<article class="measure" id="${h(m.id)}">`,
    `<p>${h(m.text)} <span class="id">${h(m.id)}</span></p>`,
    `<p class="facts">${facts.join('\u3000·\u3000')}</p>`,
  ];
  if (m.indicators.length > 0) {
    parts.push(
      '<table><thead><tr><th>指标</th><th>目标</th><th>数值</th><th>单位</th><th>性质</th><th>原文</th></tr></thead><tbody>',
    );
    for (const i of m.indicators) {
      parts.push(
        `<tr><td>${h(i.metric)}</td><td>${h(i.target)}</td><td class="num">${h(i.valueText)}</td><td>${h(i.unit)}</td><td>${h(i.aspirational)}</td><td>${h(i.raw)}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  if (m.updates.length > 0) {
    parts.push('<ul class="updates">');
    for (const u of m.updates) {
      const extra = [u.status, u.progress].filter((x) => x !== null).join('，');
      const evidence =
        u.evidenceUrl === null ? '' : ` 佐证：${htmlLink(u.evidenceUrl, u.evidenceUrl)}`;
      parts.push(
        `<li><time datetime="${h(u.date)}">${h(u.date)}</time>${extra === '' ? '' : `（${h(extra)}）`}：${h(u.note)}${evidence}</li>`,
      );
    }
    parts.push('</ul>');
  }
  parts.push('</article>');
  return parts.join('\n');
}

function noteHtml(n: NoteView): string {
  const rows: [string, string][] = [
    ['状态', n.status],
    ['涉及', n.concerns.join('；') || '—'],
    ['原文位置', n.sourceLines],
  ];
  if (n.originalText !== null) rows.push(['原文', n.originalText]);
  if (n.correctedText !== null) rows.push(['更正为', n.correctedText]);
  for (const removed of n.removedText) rows.push(['删除', removed]);
  const table = rows.map(([k, v]) => `<tr><th>${h(k)}</th><td>${h(v)}</td></tr>`).join('');
  return `<section class="note" id="${h(n.id)}"><h3>${h(n.heading)}</h3><p>${h(n.reasoning)}</p><table>${table}</table></section>`;
}

/** 目标进展 (issue 18); '' where the edition has no actual value. */
function progressHtml(v: EditionView): string {
  if (v.progress.length === 0) return '';
  const head = PROGRESS_COLUMNS.map((c) => `<th>${h(c.header)}</th>`).join('');
  const rows = v.progress.map((p) => {
    const source =
      p.sourceUrl === null ? h(p.source) : `${h(p.source)} ${htmlLink(p.sourceUrl, p.sourceUrl)}`;
    return `<tr id="progress-${h(p.indicatorId)}"><td>${h(p.measureId)} ${h(p.target)}</td><td class="num">${h(p.targetValue)}</td><td class="num">${h(p.actual)}</td><td class="num">${h(p.percent)}</td><td>${h(p.verdict)}</td><td>${h(p.asOf)}</td><td>${source}</td></tr>`;
  });
  return `<section id="progress"><h2>${h(PROGRESS_HEADING)}</h2><p class="facts">${h(progressNote(v.period))}</p><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** A standalone, print-ready HTML page of the edition: no scripts, no external requests. */
export function renderHtml(input: ExportInput): Promise<Uint8Array> {
  const v = buildEditionView(input);
  const toc = v.chapters
    .map((c) => `<li><a href="#${h(c.id)}">${title(c.heading)}</a></li>`)
    .join('');
  const body = [
    `<header><h1>${h(v.title)}</h1>`,
    v.subtitle === null ? '' : `<p class="subtitle">${h(v.subtitle)}</p>`,
    `<p class="meta">${h(v.issuer)}\u3000${h(v.scope)}（${h(v.period)}）</p></header>`,
    `<nav aria-label="目录"><h2>目录</h2><ol><li><a href="#goals">主要目标</a></li><li><a href="#ideology">指导思想</a></li>${toc}${v.progress.length === 0 ? '' : `<li><a href="#progress">${PROGRESS_HEADING}</a></li>`}<li><a href="#notes">编辑说明</a></li></ol></nav>`,
    `<main><section id="goals"><h2>主要目标</h2><ul>${v.goals.map((g) => `<li>${h(g.subject)}：${h(g.target)}</li>`).join('')}</ul></section>`,
    `<section id="ideology"><h2>指导思想</h2><p>${h(v.ideology)}</p></section>`,
    ...v.chapters.map(
      (c) =>
        `<section id="${h(c.id)}"><h2>${title(c.heading)}</h2>\n${c.sections
          .map(
            (s) =>
              `<section id="${h(s.id)}"><h3>${title(s.title)}</h3>\n${s.measures.map(measureHtml).join('\n')}</section>`,
          )
          .join('\n')}</section>`,
    ),
    progressHtml(v),
    `<section id="notes"><h2>编辑说明</h2>${v.notes.map(noteHtml).join('\n')}</section></main>`,
    `<footer class="colophon">${v.colophon.map((l) => `<p>${h(l)}</p>`).join('')}</footer>`,
  ];
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="export-worker">
<meta name="edition" content="${h(v.edition.id)}">
<meta name="edition-hash" content="${h(v.edition.hash)}">
<title>${h(v.title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${body.filter((b) => b !== '').join('\n')}
</body>
</html>
`;
  return Promise.resolve(new TextEncoder().encode(html));
}
