/** @jsxRuntime automatic */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { applyCommands, canonicalReport, editableCopy, findNode } from '@leshan/report-core';
import type { DeepReadonly, Measure, ReadonlyReport } from '@leshan/report-core';
import type { ViewLinks } from '../context.js';
import { ReportViews } from '../context.js';
import { MeasurePage, measureLastUpdated, notesOfMeasure } from './measure-page.js';

const links: ViewLinks = {
  home: () => '/app/',
  chapter: (n, anchor) => `/app/chapters/${n}${anchor === undefined ? '' : `#${anchor}`}`,
  chapters: () => '/app/chapters',
  targets: () => '/app/targets',
  place: () => undefined,
  note: (id) => `/app/source#${id}`,
  chapterFeed: () => undefined,
  measure: (id) => `/app/measures/${id}`,
  measureFeed: (id) => `/app/feeds/${id}.atom`,
};

function measureOf(report: ReadonlyReport, id: string): DeepReadonly<Measure> {
  const found = findNode(report, id);
  if (found?.kind !== 'measure') throw new Error(`no measure ${id}`);
  return found.node;
}

const render = (report: ReadonlyReport, id: string, lang: 'zh' | 'en' = 'zh', footer?: string) =>
  renderToStaticMarkup(
    <ReportViews lang={lang} links={links}>
      <MeasurePage
        report={report}
        measure={measureOf(report, id)}
        footer={footer === undefined ? undefined : <form id="fix">{footer}</form>}
      />
    </ReportViews>,
  );

const text = (html: string): string => html.replace(/<[^>]*>/gu, '');

/** The canonical report with m38-t1 observed at 90 公里 (cumulative) as of 2024-12-31. */
function observed(): ReadonlyReport {
  const applied = applyCommands(editableCopy(canonicalReport), [
    {
      type: 'observation.add',
      indicatorId: 'm38-t1',
      observation: {
        id: 'obs-1',
        date: '2024-12-31',
        value: 90,
        source: { title: '统计公报' },
      },
    },
  ]);
  if (!applied.ok) throw new Error(JSON.stringify(applied));
  return applied.value.report;
}

describe('MeasurePage', () => {
  it('renders the footer slot last, inside the article', () => {
    const html = render(canonicalReport, 'm38', 'zh', '我要纠错');
    expect(html).toMatch(/<form id="fix">我要纠错<\/form><\/article><\/div>$/u);
    expect(render(canonicalReport, 'm38')).not.toContain('<form');
  });

  it('says a measure nobody reported on is not reported, with no chart and no departments', () => {
    const html = render(canonicalReport, 'm38');
    expect(text(html)).toContain('尚未报告进展');
    expect(text(html)).toContain('未报告（尚无实际值）');
    expect(html).not.toContain('<svg role="img"');
    expect(text(html)).toContain('牵头单位尚未公布');
    expect(text(html)).toContain('最后更新：暂无');
  });

  it('shows an observed target as 90 / 210 公里（43%） and 滞后, with its chart and a table of the same figures', () => {
    const html = render(observed(), 'm38');
    expect(text(html)).toContain('90 / 210 公里（43%） 滞后');
    const svg = html.slice(html.indexOf('<svg role="img"'), html.indexOf('</svg>'));
    expect(svg).toContain('<title id="m38-t1-chart-title">');
    expect(svg.match(/<circle class="obs-point"/gu)).toHaveLength(1);
    expect(svg.match(/<text class="obs-year"[^>]*>(\d{4})</gu)).toHaveLength(5);
    expect(svg).toContain('class="obs-target"');
    const table = html.slice(html.indexOf('<table class="obs-table">'));
    expect(text(table)).toContain('2024年12月31日90公里累计统计公报');
    expect(measureLastUpdated(measureOf(observed(), 'm38'))).toBe('2024-12-31');
  });

  it('puts the point at the end of 2024 on the period’s axis, and the target line above it', () => {
    const html = render(observed(), 'm38');
    const cx = Number(
      /<circle class="obs-point" cx="([\d.]+)%" cy="(\d+(?:\.\d+)?)"/u.exec(html)?.[1],
    );
    // Three of five years elapsed: 3 % padding + 60 % of the 94 % plot.
    expect(cx).toBeCloseTo(3 + 0.6 * 94, 0);
    const cy = Number(/<circle class="obs-point" cx="[\d.]+%" cy="([\d.]+)"/u.exec(html)?.[1]);
    const targetY = Number(/<line class="obs-target"[^>]* y1="([\d.]+)"/u.exec(html)?.[1]);
    expect(targetY).toBeLessThan(cy);
  });

  it('leads the breadcrumb from the home page through the chapter and section to the measure', () => {
    const html = render(canonicalReport, 'm38');
    const crumbs = [...html.matchAll(/<li[^>]*>(?:<a href="([^"]*)">)?/gu)]
      .slice(0, 4)
      .map((m) => m[1]);
    expect(crumbs).toEqual(['/app/', '/app/chapters/1', '/app/chapters/1#s36', undefined]);
    expect(html).toContain(
      '<li aria-current="page" lang="zh-CN">落实“一环九射两纵两横”高速公路网和“五…</li>',
    );
  });

  it('names the notes that touch a measure by their place and kind, with what was corrected', () => {
    const m44 = measureOf(canonicalReport, 'm44');
    expect(notesOfMeasure(canonicalReport, m44).map((n) => n.id)).toEqual(['note-11']);
    const html = render(canonicalReport, 'm44');
    expect(html).toContain('<a href="/app/source#note-11">编辑说明十一</a> · 更正');
    expect(text(html)).toContain('原文：新建干线路公里300公里');
    expect(text(html)).toContain('发布：新建干线公路300公里');
    expect(notesOfMeasure(canonicalReport, measureOf(canonicalReport, 'm38'))).toEqual([]);
  });

  it('speaks English under lang="en", the report’s words staying Chinese', () => {
    const html = render(observed(), 'm38', 'en');
    expect(text(html)).toContain('90 / 210 公里（43%） Behind');
    expect(text(html)).toContain('Who and by when');
    expect(html).toContain('href="/app/feeds/m38.atom"');
  });
});
