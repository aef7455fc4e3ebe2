import type { Report } from '@leshan/report-core';
import { MeasureItem, NodeTitle } from '@leshan/report-views';
import { usePage } from '../context.js';

/** The whole report on one page, for printing: title, goals, ideology, every chapter and measure, the notes. */
export function PrintPage({ report }: { report: Report }) {
  const { t, pick } = usePage();
  return (
    <article className="print-all">
      <h1 lang="zh-CN">{report.meta.title}</h1>
      <p className="lede" lang="zh-CN">
        {report.meta.issuer} · {report.meta.scope} · {report.meta.period.start}—
        {report.meta.period.end}
      </p>
      <h2>{t.goals}</h2>
      <ul className="goals" lang="zh-CN">
        {report.goals.map((g) => (
          <li key={g.id}>
            <span className="goal-subject">{g.subject}</span>{' '}
            <span className="goal-target">{g.target}</span>
          </li>
        ))}
      </ul>
      <h2>{t.ideology}</h2>
      <p lang="zh-CN">{report.ideology.text}</p>
      {report.chapters.map((chapter) => (
        <section key={chapter.id} className="print-chapter" aria-labelledby={`p-${chapter.id}`}>
          <h2 id={`p-${chapter.id}`}>
            {t.chapterLabel(chapter.number)}{' '}
            <NodeTitle report={report} nodeId={chapter.id} title={chapter.title} />
          </h2>
          {chapter.sections.map((section) => (
            <section key={section.id} aria-labelledby={`p-${section.id}`}>
              <h3 id={`p-${section.id}`}>
                <NodeTitle report={report} nodeId={section.id} title={section.title} />
              </h3>
              {section.measures.length === 0 ? (
                <p className="empty">{t.noMeasures}</p>
              ) : (
                <ol className="measures">
                  {section.measures.map((m) => (
                    <MeasureItem
                      key={m.id}
                      report={report}
                      measure={m}
                      chapterNumber={chapter.number}
                      share={false}
                    />
                  ))}
                </ol>
              )}
            </section>
          ))}
        </section>
      ))}
      <section className="print-chapter" aria-labelledby="p-notes">
        <h2 id="p-notes">{pick('编辑说明', 'Editorial notes')}</h2>
        <ol lang="zh-CN">
          {report.notes.map((n) => (
            <li key={n.id}>
              {n.id}：{n.reasoning}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
