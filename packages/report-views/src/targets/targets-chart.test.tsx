/** @jsxRuntime automatic */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { canonicalReport, editableCopy, findNode } from '@leshan/report-core';
import { targetsProps } from '../pages/targets-page.js';
import { IndicatorQuerySchema } from '../view/indicator-query.js';
import { byAttainment, TargetsChart } from './targets-chart.js';

/** The canonical report with m38's expressway at 90 of 210 公里 on 2024-12-31 (43 %, behind). */
function followed() {
  const r = editableCopy(canonicalReport);
  const m38 = findNode(r, 'm38');
  if (m38?.kind !== 'measure') throw new Error('test setup: no m38');
  const road = m38.node.indicators[0];
  if (road === undefined) throw new Error('test setup: no m38-t1');
  road.observations = [{ id: 'o-1', date: '2024-12-31', value: 90, source: { title: '统计公报' } }];
  return r;
}

const props = targetsProps(followed(), IndicatorQuerySchema.parse({}), 'zh', {
  action: '/targets',
  chapterBase: '/chapters',
});

describe('targets chart (issue 19: progress toward each target, not its size)', () => {
  it('draws 43 % of the track for 90 of 210 公里 and no bar for a target not reported', () => {
    const html = renderToStaticMarkup(
      <TargetsChart rows={props.rows} lang="zh" verdictLabels={props.verdictLabels} />,
    );
    const road = /<li class="attain attain-behind">(.*?)<\/li>/su.exec(html)?.[1] ?? '';
    expect(road).toContain('完成 43%，滞后');
    expect(road).toMatch(/class="seg seg-behind" x="0" y="0" width="42\.85/u);
    const unreported = [...html.matchAll(/<li class="attain attain-not-reported">(.*?)<\/li>/gsu)];
    expect(unreported.length).toBe(props.rows.length - 1);
    for (const [, body] of unreported) {
      expect(body).toContain('未报告');
      expect(body).not.toContain('<svg');
    }
    // The legend names every verdict in words.
    for (const word of ['已达成', '进度正常', '滞后', '未报告']) expect(html).toContain(word);
  });

  it('sorts within a unit, the reported first, and never mixes units in one figure', () => {
    const html = renderToStaticMarkup(
      <TargetsChart rows={props.rows} lang="zh" verdictLabels={props.verdictLabels} />,
    );
    const figures = [...html.matchAll(/<figcaption[^>]*>以“([^”]+)”计/gu)].map((m) => m[1]);
    expect(new Set(figures).size).toBe(figures.length);
    const km = byAttainment(props.rows.filter((r) => r.unit === '公里'));
    expect(km[0]?.id).toBe('m38-t1');
  });
});
