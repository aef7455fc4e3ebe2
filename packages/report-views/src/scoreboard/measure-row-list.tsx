/** @jsxRuntime automatic */
import type { ReadonlyReport } from '@leshan/report-core';
import { quoteStart } from '@leshan/report-core/labels';
import { useView } from '../context.js';
import type { MeasureRow } from '../view/measure-filter.js';
import { scoreStatusLabel } from './score-words.js';

/** Measures as a list: first words linked to the measure's page, status in words, chapter, places, departments. */
export function MeasureRowList({
  report,
  rows,
}: {
  report: ReadonlyReport;
  rows: readonly MeasureRow[];
}) {
  const { t, lang, links, pick } = useView();
  const placeName = new Map(report.places.map((p) => [p.id, p.name]));
  const departmentName = new Map((report.departments ?? []).map((d) => [d.id, d.name]));
  if (rows.length === 0)
    return <p className="empty">{pick('没有符合条件的举措。', 'No measure matches.')}</p>;
  return (
    <ol className="measure-rows">
      {rows.map(({ item, status, progress, places, departments }) => (
        <li key={item.id}>
          <a href={links.measure(item.id, item.chapterNumber)} lang="zh-CN">
            {quoteStart(item.text, 40)}
          </a>
          <p className="counts">
            <span className={`status status-${status}`}>{scoreStatusLabel(status, lang)}</span>
            {progress !== null && <> · {t.progress(progress)}</>} ·{' '}
            <a href={links.chapter(item.chapterNumber)}>{t.chapterLabel(item.chapterNumber)}</a>
            {places.length > 0 && (
              <>
                {' · '}
                {places.map((id, i) => {
                  const href = links.placePage(id);
                  const name = placeName.get(id) ?? id;
                  return (
                    <span key={id} lang="zh-CN">
                      {i > 0 && '、'}
                      {href === undefined ? name : <a href={href}>{name}</a>}
                    </span>
                  );
                })}
              </>
            )}
            {departments.length > 0 && (
              <>
                {' · '}
                {departments.map((id, i) => {
                  const href = links.department(id);
                  const name =
                    departmentName.get(id) ?? pick('未列出的部门', 'an unlisted department');
                  return (
                    <span key={id} lang="zh-CN">
                      {i > 0 && '、'}
                      {href === undefined || !departmentName.has(id) ? (
                        name
                      ) : (
                        <a href={href}>{name}</a>
                      )}
                    </span>
                  );
                })}
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
