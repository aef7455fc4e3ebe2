/** @jsxRuntime automatic */
import type { ReactNode } from 'react';
import { formatQuantity } from '@leshan/report-core/indicators';
import { COMPARATOR_LABELS, TRACKING_STATUS_LABELS, VERDICT_LABELS } from '@leshan/report-core';
import { formatAttainment } from '@leshan/report-core/labels';
import type { Comparator, ReadonlyReport, Verdict } from '@leshan/report-core';
import { useView } from '../context.js';
import { labelsFor } from '../labels.js';
import type { Lang } from '../labels.js';
import { TargetsExplorer } from '../targets/targets-explorer.js';
import type { TargetsProps } from '../targets/targets-types.js';
import type { IndicatorQuery, StatusFilter } from '../view/indicator-query.js';
import { indicatorRows } from '../view/indicator-rows.js';

/**
 * The explorer's props for a report and a query (also what the targets API lists). `action` is
 * where its filter form goes, `chapterBase` the address its measure links start with.
 */
export function targetsProps(
  report: ReadonlyReport,
  query: IndicatorQuery,
  lang: Lang,
  at: { action: string; chapterBase: string },
): TargetsProps {
  const t = labelsFor(lang);
  const statusLabels = Object.fromEntries([
    ...Object.entries(TRACKING_STATUS_LABELS).map(([k, v]) => [k, v[lang]]),
    ['none', t.notReported],
  ]) as Record<StatusFilter, string>;
  const comparatorLabels = Object.fromEntries(
    Object.entries(COMPARATOR_LABELS).map(([k, v]) => [k, v[lang]]),
  ) as Record<Comparator, string>;
  const verdictLabels = Object.fromEntries(
    Object.entries(VERDICT_LABELS).map(([k, v]) => [k, v[lang]]),
  ) as Record<Verdict, string>;
  return {
    lang,
    rows: indicatorRows(report).map((r) => ({
      ...r,
      display: formatQuantity(r.value, r.unit),
      attainmentText: formatAttainment(r.attainment)[lang],
    })),
    query,
    chapters: report.chapters.map((c) => ({
      number: c.number,
      label: t.chapterLabel(c.number),
    })),
    statusLabels,
    comparatorLabels,
    verdictLabels,
    ...at,
  };
}

/**
 * Every quantitative target as a table that sorts and filters, and as bar charts. `explorer`
 * wraps the interactive part (the viewer marks it as an island to hydrate); by default it is
 * rendered as is.
 */
export function TargetsPage({
  report,
  query,
  explorer = (props) => <TargetsExplorer {...props} />,
}: {
  report: ReadonlyReport;
  query: IndicatorQuery;
  explorer?: (props: TargetsProps) => ReactNode;
}) {
  const { lang, pick, links } = useView();
  const props = targetsProps(report, query, lang, {
    action: links.targets(),
    chapterBase: links.chapters(),
  });
  return (
    <>
      <h1>{pick('量化指标', 'Quantitative targets')}</h1>
      <p className="lede">
        {pick(
          '报告中每一项可以量化的目标，数值按中文习惯书写（如 2000亿元）。可按章、单位、比较方式和进展状态筛选。',
          'Every quantitative target in the report, with values written the Chinese way (e.g. 2000亿元). Filter by chapter, unit, comparison and status.',
        )}
      </p>
      {explorer(props)}
    </>
  );
}
