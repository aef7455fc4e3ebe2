/** @jsxRuntime automatic */
import { SCORE_STATUSES, scoreTally } from '@leshan/report-core';
import type { ReadonlyReport } from '@leshan/report-core';
import { useView } from '../context.js';
import { MeasureRowList } from '../scoreboard/measure-row-list.js';
import { scoreStatusLabel } from '../scoreboard/score-words.js';
import { TallyView } from '../scoreboard/tally-view.js';
import { filterMeasureRows, measureRows } from '../view/measure-filter.js';
import type { MeasureQuery } from '../view/measure-query.js';

function Choice({
  label,
  name,
  value,
  allLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | number | undefined;
  allLabel: string;
  options: readonly (readonly [string | number, string])[];
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ''}>
        <option value="">{allLabel}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Every measure, filtered by status, chapter, district and department with a plain GET form (no
 * JavaScript needed), the count of what is shown and its scoreboard, each measure linked to its page.
 */
export function MeasuresPage({ report, query }: { report: ReadonlyReport; query: MeasureQuery }) {
  const { t, lang, links, pick } = useView();
  const all = measureRows(report);
  const rows = filterMeasureRows(all, query);
  const named = new Set(all.flatMap((r) => r.places));
  const places = report.places.filter((p) => named.has(p.id));
  const departments = report.departments ?? [];
  const anyLabel = pick('全部', 'All');
  return (
    <>
      <h1>{pick('全部举措', 'All measures')}</h1>
      <p className="lede">
        {pick(
          `报告的 ${all.length} 项举措，可按进展状态、章、地区和责任部门筛选。`,
          `The report's ${all.length} measures, by status, chapter, district and department.`,
        )}
      </p>
      <form className="filters" action={links.measureList() ?? ''} method="get">
        <fieldset>
          <legend>{pick('筛选举措', 'Filter measures')}</legend>
          <Choice
            label={pick('进展状态', 'Status')}
            name="status"
            value={query.status}
            allLabel={anyLabel}
            options={SCORE_STATUSES.map((s) => [s, scoreStatusLabel(s, lang)] as const)}
          />
          <Choice
            label={pick('章', 'Chapter')}
            name="chapter"
            value={query.chapter}
            allLabel={anyLabel}
            options={report.chapters.map((c) => [c.number, t.chapterLabel(c.number)] as const)}
          />
          <Choice
            label={pick('地区', 'District')}
            name="district"
            value={query.district}
            allLabel={anyLabel}
            options={places.map((p) => [p.id, p.name] as const)}
          />
          {departments.length > 0 && (
            <Choice
              label={pick('责任部门', 'Department')}
              name="department"
              value={query.department}
              allLabel={anyLabel}
              options={departments.map((d) => [d.id, d.name] as const)}
            />
          )}
          <button type="submit">{pick('筛选', 'Apply')}</button>
        </fieldset>
      </form>
      <p role="status" className="result-count">
        {pick(
          `共 ${all.length} 项举措，显示 ${rows.length} 项`,
          `${rows.length} of ${all.length} measures`,
        )}
      </p>
      {rows.length > 0 && (
        <TallyView
          tally={scoreTally(
            rows.map((r) => r.item.measure),
            report.meta.period,
          )}
          compact
        />
      )}
      <MeasureRowList report={report} rows={rows} />
    </>
  );
}
