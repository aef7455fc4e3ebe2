/** @jsxRuntime automatic */
import {
  departmentsOfMeasure,
  measuresOfDepartments,
  scoreTally,
  targetAttainment,
  VERDICT_LABELS,
} from '@leshan/report-core';
import type { Department, DeepReadonly, Place, ReadonlyReport, Verdict } from '@leshan/report-core';
import { formatTarget } from '@leshan/report-core/indicators';
import { formatAttainment } from '@leshan/report-core/labels';
import { useView } from '../context.js';
import { MeasureRowList } from '../scoreboard/measure-row-list.js';
import { TallyView } from '../scoreboard/tally-view.js';
import { AttainmentBar, VerdictLegend } from '../targets/attainment-bar.js';
import { measureRows } from '../view/measure-filter.js';
import type { MeasureRow } from '../view/measure-filter.js';

/** A group of measures (a department's, a place's): its scoreboard, its targets' attainment, its measures. */
function GroupBody({ report, rows }: { report: ReadonlyReport; rows: readonly MeasureRow[] }) {
  const { lang, pick } = useView();
  const measures = rows.map((r) => r.item.measure);
  const targets = measures.flatMap((m) =>
    m.indicators.map((i) => ({ i, a: targetAttainment(i, report.meta.period) })),
  );
  const verdictLabels = Object.fromEntries(
    Object.entries(VERDICT_LABELS).map(([k, v]) => [k, v[lang]]),
  ) as Record<Verdict, string>;
  return (
    <>
      <section aria-labelledby="group-board-h">
        <h2 id="group-board-h">{pick('进展总览', 'Where it stands')}</h2>
        <TallyView tally={scoreTally(measures, report.meta.period)} />
      </section>
      {targets.length > 0 && (
        <section aria-labelledby="group-targets-h">
          <h2 id="group-targets-h">{pick('量化指标完成进度', 'Progress toward the targets')}</h2>
          <VerdictLegend labels={verdictLabels} />
          <table className="targets group-targets">
            <thead>
              <tr>
                <th scope="col">{pick('指标', 'Metric')}</th>
                <th scope="col">{pick('目标', 'Target')}</th>
                <th scope="col">{pick('完成度', 'Attainment')}</th>
              </tr>
            </thead>
            <tbody>
              {targets.map(({ i, a }) => (
                <tr key={i.id}>
                  <td lang="zh-CN">{i.metric}</td>
                  <td lang="zh-CN">{formatTarget(i)}</td>
                  <td>
                    {formatAttainment(a)[lang]}
                    <AttainmentBar verdict={a.verdict} percent={a.percent} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="group-measures-h">
        <h2 id="group-measures-h">
          {pick(`相关举措（${rows.length} 项）`, `Its measures (${rows.length})`)}
        </h2>
        <MeasureRowList report={report} rows={rows} />
      </section>
    </>
  );
}

/** A department's page: the measures it leads or shares, their scoreboard and targets (issue 19). */
export function DepartmentPage({
  report,
  department,
}: {
  report: ReadonlyReport;
  department: DeepReadonly<Department>;
}) {
  const { pick } = useView();
  const mine = new Set(measuresOfDepartments(report, [department.id]).map((m) => m.id));
  const rows = measureRows(report).filter((r) => mine.has(r.item.id));
  const leads = rows.filter((r) => departmentsOfMeasure(r.item.measure)[0] === department.id);
  return (
    <>
      <h1 lang="zh-CN">{department.name}</h1>
      <p className="lede">
        {pick(
          `牵头或参与 ${rows.length} 项举措，其中牵头 ${leads.length} 项。`,
          `Answers for ${rows.length} measures, leading ${leads.length}.`,
        )}
      </p>
      <GroupBody report={report} rows={rows} />
    </>
  );
}

/** A place's page (a district, county …): the measures that name it, their scoreboard and targets. */
export function PlacePage({
  report,
  place,
}: {
  report: ReadonlyReport;
  place: DeepReadonly<Place>;
}) {
  const { pick } = useView();
  const rows = measureRows(report).filter((r) => r.places.includes(place.id));
  return (
    <>
      <h1 lang="zh-CN">{place.name}</h1>
      <p className="lede">
        {pick(
          `报告中点名${place.name}的举措共 ${rows.length} 项。`,
          `${rows.length} measures name this place.`,
        )}
      </p>
      <GroupBody report={report} rows={rows} />
    </>
  );
}
