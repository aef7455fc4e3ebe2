/** @jsxRuntime automatic */
import type { Chapter, DeepReadonly, ReadonlyReport } from '@leshan/report-core';
import { chapterProgress } from '@leshan/report-core/model';
import { MISSING_TITLE } from '@leshan/report-core/labels';
import { MeasureItem } from '../components/measure-item.js';
import { MissingNoteLink, NodeTitle } from '../components/title.js';
import { useView } from '../context.js';

/** Sections and measures of one chapter, with a contents list and a stable anchor per measure. */
export function ChapterPage({
  report,
  chapter,
}: {
  report: ReadonlyReport;
  chapter: DeepReadonly<Chapter>;
}) {
  const { t, links, pick } = useView();
  const stats = chapterProgress(chapter);
  const feed = links.chapterFeed(chapter.number);
  const previous = report.chapters.find((c) => c.number === chapter.number - 1);
  const next = report.chapters.find((c) => c.number === chapter.number + 1);
  return (
    <article className="chapter" aria-labelledby={`${chapter.id}-h`}>
      <h1 id={`${chapter.id}-h`}>
        <span className="chapter-no">{t.chapterLabel(chapter.number)}</span>{' '}
        <NodeTitle report={report} nodeId={chapter.id} title={chapter.title} />
      </h1>
      <p className="counts">
        {t.measuresCount(stats.measures)} · {t.targetsCount(stats.targets)} ·{' '}
        {t.reportedOf(stats.reported, stats.measures)}
        {feed !== undefined && (
          <>
            {' · '}
            <a href={feed}>{t.chapterFeed}</a>
          </>
        )}
      </p>
      <nav className="toc" aria-labelledby="toc-h">
        <h2 id="toc-h">{t.contents}</h2>
        <ol>
          {chapter.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} lang="zh-CN">
                {s.title ?? MISSING_TITLE}
              </a>{' '}
              <span className="count">（{s.measures.length}）</span>
            </li>
          ))}
        </ol>
      </nav>
      {chapter.sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id} className="section">
          <h2 id={section.id}>
            <NodeTitle report={report} nodeId={section.id} title={section.title} />
          </h2>
          {section.measures.length === 0 ? (
            <p className="empty">
              {t.noMeasures} <MissingNoteLink report={report} nodeId={section.id} />
            </p>
          ) : (
            <ol className="measures">
              {section.measures.map((m) => (
                <MeasureItem
                  key={m.id}
                  report={report}
                  measure={m}
                  chapterNumber={chapter.number}
                />
              ))}
            </ol>
          )}
        </section>
      ))}
      <nav className="pager" aria-label={pick('章节翻页', 'Chapter pages')}>
        {previous !== undefined && (
          <a rel="prev" href={links.chapter(previous.number)}>
            ← {t.previousChapter}：{t.chapterLabel(previous.number)}
          </a>
        )}
        {next !== undefined && (
          <a rel="next" href={links.chapter(next.number)}>
            {t.nextChapter}：{t.chapterLabel(next.number)} →
          </a>
        )}
      </nav>
    </article>
  );
}
