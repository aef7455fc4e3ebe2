import { formatTarget, TRACKING_STATUS_LABELS } from '@leshan/report-core';
import { chapterHeading, MISSING_TITLE } from '@leshan/report-core/labels';
import type { Report } from '@leshan/report-core';

/**
 * The report as the public will read it: title, goals, ideology, then chapters, sections and
 * measures with their targets and progress. Read-only; missing titles say so.
 */
export function ReportPreview({
  report,
  headingLevel = 2,
}: {
  report: Report;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <article className="report-preview">
      <header>
        <p className="preview-title">{report.meta.title}</p>
        {report.meta.subtitle === undefined ? null : (
          <p className="preview-subtitle">{report.meta.subtitle}</p>
        )}
        <p className="hint">
          {report.meta.issuer} · {report.meta.scope} · {report.meta.period.start}–
          {report.meta.period.end} 年
        </p>
      </header>
      <section>
        <H>主要目标</H>
        <ul>
          {report.goals.map((g) => (
            <li key={g.id}>
              {g.subject}：{g.target}
            </li>
          ))}
        </ul>
        <H>指导思想</H>
        <p>{report.ideology.text}</p>
      </section>
      {report.chapters.map((chapter) => (
        <section key={chapter.id} id={`preview-${chapter.id}`}>
          <H>{chapterHeading(chapter)}</H>
          {chapter.sections.map((section) => (
            <section key={section.id}>
              <H2>{section.title ?? <span className="missing">{MISSING_TITLE}</span>}</H2>
              {section.measures.map((m) => (
                <div key={m.id} className="preview-measure">
                  <p>{m.text}</p>
                  {m.indicators.length === 0 ? null : (
                    <ul className="preview-targets" aria-label="量化指标">
                      {m.indicators.map((i) => (
                        <li key={i.id}>
                          {i.metric}：{formatTarget(i)}
                          {i.aspirational ? '（力争）' : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                  {m.tracking.status === null ? null : (
                    <p className="preview-tracking">
                      落实情况：{TRACKING_STATUS_LABELS[m.tracking.status].zh}
                      {m.tracking.progress === null ? '' : `，完成 ${m.tracking.progress}%`}
                    </p>
                  )}
                </div>
              ))}
            </section>
          ))}
        </section>
      ))}
    </article>
  );
}
