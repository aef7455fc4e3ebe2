/** @jsxRuntime automatic */
import { findNode, NOTE_KIND_LABELS, splitLines, sourceText } from '@leshan/report-core';
import { describeNode, noteLabel } from '@leshan/report-core/labels';
import type { DeepReadonly, EditorialNote, ReadonlyReport } from '@leshan/report-core';
import { NoteCorrection } from '../components/update-facts.js';
import { useView } from '../context.js';
import type { ViewLinks } from '../context.js';

/**
 * Where a node lives on the site, through `links` (measures and sections are anchors in their
 * chapter); undefined where the site has no such page.
 */
export function nodeLink(report: ReadonlyReport, id: string, links: ViewLinks): string | undefined {
  const found = findNode(report, id);
  if (found === undefined) return undefined;
  switch (found.kind) {
    case 'chapter':
      return links.chapter(found.node.number);
    case 'section':
      return links.chapter(found.chapter.number, found.node.id);
    case 'measure':
      return links.measure(found.node.id, found.chapter.number);
    case 'indicator':
    case 'update':
      return links.chapter(found.chapter.number, found.measure.id);
    case 'goal':
    case 'ideology':
      return `${links.home()}#${found.node.id}`;
    case 'place':
      return links.place(found.node.id);
    case 'note':
      return links.note(found.node.id);
  }
}

function NoteArticle({
  report,
  note,
}: {
  report: ReadonlyReport;
  note: DeepReadonly<EditorialNote>;
}) {
  const { pick, links, lang } = useView();
  return (
    <article id={note.id} className="note" aria-labelledby={`${note.id}-h`}>
      <h3 id={`${note.id}-h`}>
        {noteLabel(report, note.id)} · {NOTE_KIND_LABELS[note.kind][lang]} ·{' '}
        {note.status === 'resolved' ? pick('已定', 'resolved') : pick('待定', 'open')}
      </h3>
      <p lang="zh-CN">{note.reasoning}</p>
      <NoteCorrection note={note} />
      {note.removedText !== undefined && (
        <details>
          <summary>
            {pick(
              `删除的文字（${note.removedText.length} 段）`,
              `Removed text (${note.removedText.length} paragraphs)`,
            )}
          </summary>
          <ul lang="zh-CN">
            {note.removedText.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="note-lines">
        {pick('原文行', 'Source lines')}：
        {note.sourceLines.map((n) => (
          <a key={n} href={`#L${n}`} className="line-ref">
            {n}
          </a>
        ))}
      </p>
      {note.nodeIds.length > 0 && (
        <p className="note-nodes">
          {pick('涉及', 'Concerns')}：
          {note.nodeIds.map((id, i) => {
            // Issue 19: what the note concerns in readers' words (第六章 · …, “落实…”), never its id.
            const words = describeNode(report, id);
            const href = nodeLink(report, id, links);
            return (
              <span key={id} className="note-node" lang="zh-CN">
                {i > 0 && '；'}
                {href === undefined ? words : <a href={href}>{words}</a>}
              </span>
            );
          })}
        </p>
      )}
    </article>
  );
}

/** The source text with line numbers, and every editorial note explaining where the published text differs. */
export function SourcePage({ report }: { report: ReadonlyReport }) {
  const { pick } = useView();
  const { source } = report.meta;
  const lines = splitLines(sourceText);
  const notesByLine = new Map<number, string[]>();
  for (const note of report.notes)
    for (const n of note.sourceLines) notesByLine.set(n, [...(notesByLine.get(n) ?? []), note.id]);
  return (
    <>
      <h1>{pick('关于原文', 'About the source')}</h1>
      <p className="lede" lang="zh-CN">
        {source.description}
      </p>
      <dl className="source-meta">
        <dt>{pick('文件', 'File')}</dt>
        <dd>
          <code>{source.file}</code>
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="checksum">{source.sha256}</code>
        </dd>
        <dt>{pick('行数', 'Lines')}</dt>
        <dd>{source.lineCount}</dd>
      </dl>
      <section aria-labelledby="notes-h">
        <h2 id="notes-h">
          {pick(
            `编辑说明（${report.notes.length} 条）`,
            `Editorial notes (${report.notes.length})`,
          )}
        </h2>
        {report.notes.map((note) => (
          <NoteArticle key={note.id} report={report} note={note} />
        ))}
      </section>
      <section aria-labelledby="text-h">
        <h2 id="text-h">{pick('原文全文', 'The source text')}</h2>
        <ol className="source-lines" lang="zh-CN">
          {lines.map((line, i) => {
            const n = i + 1;
            const notes = notesByLine.get(n);
            return (
              <li key={n} id={`L${n}`} className={notes === undefined ? undefined : 'noted'}>
                <a className="ln" href={`#L${n}`} aria-label={pick(`第 ${n} 行`, `line ${n}`)}>
                  {n}
                </a>
                <span className="line-text">{line}</span>
                {notes?.map((id) => (
                  <a key={id} className="line-note" href={`#${id}`}>
                    {/* 说明十四, never note-14 (issue 19). */}
                    {(noteLabel(report, id) ?? '编辑说明').replace(/^编辑/u, '')}
                  </a>
                ))}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
