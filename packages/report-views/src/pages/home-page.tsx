/** @jsxRuntime automatic */
import type { ReadonlyReport } from '@leshan/report-core';
import { scoreboard } from '@leshan/report-core/model';
import { MISSING_TITLE } from '@leshan/report-core/labels';
import { MissingNoteLink } from '../components/title.js';
import { useView } from '../context.js';
import { LatestUpdates } from '../scoreboard/latest-updates.js';
import { TallyView } from '../scoreboard/tally-view.js';

/**
 * Title, the scoreboard (all measures by status, 未报告 counted in every share; targets by
 * verdict; the latest updates), the five main goals, the guiding ideology and each chapter with
 * its own scoreboard (issue 19).
 */
export function HomePage({ report }: { report: ReadonlyReport }) {
  const { t, links, pick } = useView();
  const { meta } = report;
  const board = scoreboard(report);
  const all = board.total;
  const browse = links.measureList();
  return (
    <>
      <div className="hero">
        <h1 lang="zh-CN">{meta.title}</h1>
        <p className="lede" lang="zh-CN">
          {meta.issuer} · {meta.scope} · {meta.period.start}—{meta.period.end}
        </p>
        <p className="summary">
          {pick('共', 'In all:')} {t.measuresCount(all.measures)} · {t.targetsCount(all.targets)}
        </p>
      </div>
      <section aria-labelledby="scoreboard-h" className="scoreboard">
        <h2 id="scoreboard-h">{pick('进展总览', 'Where it stands')}</h2>
        <p className="note">
          {pick(
            '每项举措按当前状态只计一次；尚未报告进展的举措计为“未报告”，同样计入比例。',
            'Each measure is counted once, by its current status; a measure with no progress report counts as “Not reported”, in every share.',
          )}
        </p>
        <TallyView tally={all} />
        {browse !== undefined && (
          <p>
            <a href={browse}>
              {pick(
                '按状态、章、地区、部门浏览全部举措',
                'Browse all measures by status, chapter, district, department',
              )}
            </a>
          </p>
        )}
        <h3>{pick('最新进展', 'Latest updates')}</h3>
        <LatestUpdates updates={board.latestUpdates} />
      </section>
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
          {report.chapters.map((c, i) => {
            const tally = board.chapters[i]?.tally;
            if (tally === undefined) return null;
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
                <TallyView tally={tally} compact />
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
