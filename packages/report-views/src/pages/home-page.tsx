/** @jsxRuntime automatic */
import type { ReadonlyReport } from '@leshan/report-core';
import { chapterProgress, reportProgress } from '@leshan/report-core/model';
import { MISSING_TITLE } from '@leshan/report-core/labels';
import { MissingNoteLink } from '../components/title.js';
import { ProgressBar } from '../components/progress-bar.js';
import { useView } from '../context.js';

/** Title, the five main goals, the guiding ideology and the chapters with their counts and progress. */
export function HomePage({ report }: { report: ReadonlyReport }) {
  const { t, links, pick } = useView();
  const { meta } = report;
  const all = reportProgress(report);
  return (
    <>
      <div className="hero">
        <h1 lang="zh-CN">{meta.title}</h1>
        <p className="lede" lang="zh-CN">
          {meta.issuer} · {meta.scope} · {meta.period.start}—{meta.period.end}
        </p>
        <p className="summary">
          {pick('共', 'In all:')} {t.measuresCount(all.measures)} · {t.targetsCount(all.targets)} ·{' '}
          {t.reportedOf(all.reported, all.measures)}
        </p>
      </div>
      <section aria-labelledby="goals-h">
        <h2 id="goals-h">{t.goals}</h2>
        <ul className="goals" lang="zh-CN">
          {report.goals.map((g) => (
            <li key={g.id} id={g.id}>
              <span className="goal-subject">{g.subject}</span>{' '}
              <span className="goal-target">{g.target}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ideology-h">
        <h2 id="ideology-h">{t.ideology}</h2>
        <p className="ideology" id={report.ideology.id} lang="zh-CN">
          {report.ideology.text}
        </p>
      </section>
      <section aria-labelledby="chapters-h">
        <h2 id="chapters-h">{t.chapters}</h2>
        <ol className="chapter-cards">
          {report.chapters.map((c) => {
            const s = chapterProgress(c);
            return (
              <li key={c.id} className="card">
                <h3>
                  <a href={links.chapter(c.number)}>
                    <span className="chapter-no">{t.chapterLabel(c.number)}</span>{' '}
                    <span lang="zh-CN">{c.title ?? MISSING_TITLE}</span>
                  </a>
                </h3>
                {c.title === null && (
                  <p className="counts">
                    <MissingNoteLink report={report} nodeId={c.id} />
                  </p>
                )}
                <p className="counts">
                  {t.measuresCount(s.measures)} · {t.targetsCount(s.targets)}
                </p>
                <ProgressBar value={s.meanProgress} />
                <p className="counts">
                  {t.reportedOf(s.reported, s.measures)} · {t.meanProgress(s.meanProgress)}
                </p>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
