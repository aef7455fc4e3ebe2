import { oversight } from '@leshan/report-core';
import type {
  Oversight,
  OversightMeasure,
  OversightRole,
  OversightTarget,
  Report,
} from '@leshan/report-core';
import { formatAttainment, quoteStart, trackingStatusLabel } from '@leshan/report-core/labels';

/** One entry of the dashboard: what it says and the measure its link opens. */
export interface OversightItem {
  key: string;
  measureId: string;
  label: string;
  detail: string | null;
}

/** One department's lists (or the unassigned measures'), as the dashboard shows them. */
export interface OversightSection {
  key: string;
  name: string;
  lists: { title: string; items: OversightItem[] }[];
}

const ROLE_WORDS: Record<OversightRole, string> = { lead: '牵头', co: '参与' };
const roleWords = (role: OversightRole | null): string =>
  role === null ? '' : `（${ROLE_WORDS[role]}）`;

const measureItem =
  (list: string, detail: (m: OversightMeasure) => string | null) =>
  (m: OversightMeasure): OversightItem => ({
    key: `${list}:${m.measureId}`,
    measureId: m.measureId,
    label: `${quoteStart(m.text, 24)}${roleWords(m.role)}`,
    detail: detail(m),
  });

const targetItem = (t: OversightTarget): OversightItem => ({
  key: `behind:${t.indicatorId}`,
  measureId: t.measureId,
  label: `${t.metric}：${formatAttainment(t.attainment).zh}${roleWords(t.role)}`,
  detail: t.attainment.asOf === null ? null : `截至 ${t.attainment.asOf}`,
});

/**
 * report-core's oversight(report, asOf) in the dashboard's words: one section per department
 * with anything to look at, then the measures no listed department answers for.
 */
export function oversightSections(
  report: Report,
  asOf: string,
): { sections: OversightSection[]; totals: Oversight['totals'] } {
  const { groups, totals } = oversight(report, asOf);
  const sections = groups.flatMap((group) => {
    const lists = [
      {
        title: '滞后的指标',
        items: group.behind.map(targetItem),
      },
      {
        title: '已过完成时限',
        items: group.overdue.map(measureItem('overdue', (m) => `完成时限 ${m.deadline ?? ''}`)),
      },
      {
        title: '状态为滞后',
        items: group.delayed.map(measureItem('delayed', () => null)),
      },
      {
        title: '六个月未更新进展',
        items: group.stale.map(
          measureItem('stale', (m) =>
            m.lastUpdate === null
              ? `尚无进展记录 · ${trackingStatusLabel(m.status).zh}`
              : `最近进展 ${m.lastUpdate}`,
          ),
        ),
      },
    ];
    if (lists.every((l) => l.items.length === 0)) return [];
    return [
      {
        key: group.department?.id ?? 'unassigned',
        name: group.department?.name ?? '未指定责任单位',
        lists,
      },
    ];
  });
  return { sections, totals };
}
