/** @jsxRuntime automatic */
import { COMMITMENT_LABELS } from '@leshan/report-core/labels';
import { useEffect, useState } from 'react';
import type { ChangeEvent, FormEvent, MouseEvent } from 'react';
import type { IndicatorQuery } from '../view/indicator-query.js';
import { queryIndicatorRows } from '../view/indicator-filter.js';
import { FilterSelect } from '../components/filter-select.js';
import { TargetsChart } from './targets-chart.js';
import type { TargetsProps } from './targets-types.js';
import { targetsSearch } from './targets-types.js';
import { targetsQueryFromSearch } from './url-state.js';

type SortKey = IndicatorQuery['sort'];

/**
 * The targets table, its filters and its chart. Without JavaScript the form and the column links
 * go to the server; hydrated, the same controls filter in place and keep the address bar in step.
 */
export function TargetsExplorer(props: TargetsProps) {
  const [query, setQuery] = useState<IndicatorQuery>(props.query);
  const en = props.lang === 'en';
  const rows = queryIndicatorRows(props.rows, query);
  const units = [...new Set(props.rows.map((r) => r.unit))];

  // On a static host the page was built without the query: take the filters from the address.
  useEffect(() => {
    const fromUrl = targetsQueryFromSearch(window.location.search, props);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one sync from the address bar after hydration; reading it during render would break hydration
    if (targetsSearch(fromUrl) !== targetsSearch(props.query)) setQuery(fromUrl);
  }, [props]);

  const apply = (next: IndicatorQuery): void => {
    setQuery(next);
    window.history.replaceState(null, '', `${props.action}${targetsSearch(next)}`);
  };
  const onSelect = (event: ChangeEvent<HTMLSelectElement>): void => {
    const { name, value } = event.target;
    const v = value === '' ? undefined : value;
    const next: IndicatorQuery = { ...query };
    if (name === 'chapter') next.chapter = v === undefined ? undefined : Number(v);
    if (name === 'unit') next.unit = v;
    if (name === 'comparator') next.comparator = v as IndicatorQuery['comparator'];
    if (name === 'status') next.status = v as IndicatorQuery['status'];
    apply(next);
  };
  const onSubmit = (event: FormEvent): void => event.preventDefault();
  const sortLink = (key: SortKey): { href: string; onClick: (e: MouseEvent) => void } => {
    const next: IndicatorQuery = {
      ...query,
      sort: key,
      dir: query.sort === key && query.dir === 'asc' ? 'desc' : 'asc',
    };
    return {
      href: `${props.action}${targetsSearch(next)}`,
      onClick: (e) => {
        e.preventDefault();
        apply(next);
      },
    };
  };
  const ariaSort = (key: string): 'ascending' | 'descending' | undefined =>
    query.sort === key ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={ariaSort(key)}>
      <a {...sortLink(key)}>
        {label}
        {query.sort === key ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </a>
    </th>
  );

  return (
    <>
      <form className="filters" action={props.action} method="get" onSubmit={onSubmit}>
        <fieldset>
          <legend>{en ? 'Filter targets' : '筛选指标'}</legend>
          <FilterSelect
            label={en ? 'Chapter' : '章'}
            name="chapter"
            value={query.chapter}
            allLabel={en ? 'All' : '全部'}
            options={props.chapters.map((c) => [c.number, c.label] as const)}
            onChange={onSelect}
          />
          <FilterSelect
            label={en ? 'Unit' : '单位'}
            name="unit"
            value={query.unit}
            allLabel={en ? 'All' : '全部'}
            options={units.map((u) => [u, u] as const)}
            onChange={onSelect}
          />
          <FilterSelect
            label={en ? 'Comparison' : '比较'}
            name="comparator"
            value={query.comparator}
            allLabel={en ? 'All' : '全部'}
            options={Object.entries(props.comparatorLabels)}
            onChange={onSelect}
          />
          <FilterSelect
            label={en ? 'Status' : '进展状态'}
            name="status"
            value={query.status}
            allLabel={en ? 'All' : '全部'}
            options={Object.entries(props.statusLabels)}
            onChange={onSelect}
          />
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.dir} />
          <button type="submit">{en ? 'Apply' : '筛选'}</button>
        </fieldset>
      </form>
      <p role="status" className="result-count">
        {en
          ? `${rows.length} of ${props.rows.length} targets`
          : `共 ${props.rows.length} 项指标，显示 ${rows.length} 项`}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="targets-caption">
        <table className="targets cards">
          <caption id="targets-caption">{en ? 'Quantitative targets' : '量化指标一览'}</caption>
          <thead>
            <tr>
              {header('chapter', en ? 'Chapter' : '章')}
              {header('metric', en ? 'Metric' : '指标')}
              {header('value', en ? 'Target' : '目标')}
              <th scope="col">{en ? 'Kind' : '性质'}</th>
              {header('status', en ? 'Status' : '进展')}
              {header('attainment', en ? 'Attainment' : '完成度')}
              <th scope="col">{en ? 'Measure' : '举措'}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label={en ? 'Chapter' : '章'}>{r.chapterNumber}</td>
                <td data-label={en ? 'Metric' : '指标'} lang="zh-CN">
                  {r.metric}
                </td>
                <td data-label={en ? 'Target' : '目标'} lang="zh-CN">
                  {r.target}
                  {r.baseline !== undefined && `（${r.baseline.raw}）`}
                </td>
                <td data-label={en ? 'Kind' : '性质'}>
                  {en ? COMMITMENT_LABELS[r.commitment].en : r.commitmentLabel}
                </td>
                <td data-label={en ? 'Status' : '进展'}>
                  {props.statusLabels[r.status ?? 'none']}
                </td>
                <td data-label={en ? 'Attainment' : '完成度'}>{r.attainmentText}</td>
                <td data-label={en ? 'Measure' : '举措'}>
                  <a href={`${props.chapterBase}/${r.chapterNumber}#${r.measureId}`}>
                    {r.measureId}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="chart-h">{en ? 'Progress toward each target' : '各项指标完成进度'}</h2>
      <TargetsChart rows={rows} lang={props.lang} verdictLabels={props.verdictLabels} />
    </>
  );
}
