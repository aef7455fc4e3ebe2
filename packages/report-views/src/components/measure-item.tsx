/** @jsxRuntime automatic */
import { placesOf, TRACKING_STATUS_LABELS } from '@leshan/report-core';
import { UpdateFacts } from './update-facts.js';
import type { DeepReadonly, Measure, ProgressUpdate, ReadonlyReport } from '@leshan/report-core';
import { useView } from '../context.js';
import { formatTarget } from '@leshan/report-core/indicators';
import { commitmentLabel, commitmentOf } from '@leshan/report-core/labels';
import { MeasureText } from './measure-text.js';

function UpdateList({ updates }: { updates: readonly ProgressUpdate[] }) {
  return (
    <ol>
      {updates.map((u) => (
        <li key={u.id}>
          <time dateTime={u.date}>{u.date}</time>
          <UpdateFacts update={u} afterDate />
        </li>
      ))}
    </ol>
  );
}

/** One measure: its text with targets marked, the targets spelled out, its places, its progress. */
export function MeasureItem({
  report,
  measure,
  chapterNumber,
  share = true,
}: {
  report: ReadonlyReport;
  measure: DeepReadonly<Measure>;
  chapterNumber: number;
  share?: boolean;
}) {
  const { t, links, lang } = useView();
  const places = placesOf(report, measure.places);
  const { status, progress, updates } = measure.tracking;
  return (
    <li id={measure.id} className="measure">
      <MeasureText text={measure.text} indicators={measure.indicators} />
      <dl className="measure-facts">
        {measure.indicators.length > 0 && (
          <>
            <dt>{t.targetsInMeasure}</dt>
            <dd>
              <ul className="inline-list">
                {measure.indicators.map((i) => (
                  <li key={i.id} lang="zh-CN">
                    {i.metric}：{formatTarget(i)}
                    {i.baseline !== undefined && `（${i.baseline.raw}）`}
                    {commitmentOf(i) !== 'unstated' && (
                      <span className="tag">{commitmentLabel(i, lang)}</span>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {places.length > 0 && (
          <>
            <dt>{t.placesInMeasure}</dt>
            <dd>
              <ul className="inline-list">
                {places.map((p) => (
                  <li key={p.id}>
                    <a href={links.place(p.id)} lang="zh-CN">
                      {p.name}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t.tracking}</dt>
        <dd>
          {status === null ? (
            t.notReported
          ) : (
            <span className={`status status-${status}`}>
              {TRACKING_STATUS_LABELS[status][lang]}
            </span>
          )}
          {progress !== null && <> · {t.progress(progress)}</>}
        </dd>
      </dl>
      {updates.length > 0 &&
        (share ? (
          <details className="updates">
            <summary>
              {t.updates}（{updates.length}）
            </summary>
            <UpdateList updates={updates} />
          </details>
        ) : (
          // The print page shows every update: a closed <details> would print as one line.
          <div className="updates">
            <p>{t.updates}</p>
            <UpdateList updates={updates} />
          </div>
        ))}
      {share && (
        <p className="share">
          <a href={links.measure(measure.id, chapterNumber)}>{t.shareLink}</a>
        </p>
      )}
    </li>
  );
}
