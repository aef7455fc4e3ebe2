/** @jsxRuntime automatic */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { canonicalReport } from '@leshan/report-core';
import type { ViewLinks } from './context.js';
import { ReportViews } from './context.js';
import { ChapterPage } from './pages/chapter-page.js';
import { HomePage } from './pages/home-page.js';
import { PlacesPage } from './pages/places-page.js';
import { SourcePage } from './pages/source-page.js';
import { TargetsPage } from './pages/targets-page.js';
import { IndicatorQuerySchema } from './view/indicator-query.js';

const inApp: ViewLinks = {
  home: () => '/app/',
  chapter: (n, anchor) => `/app/chapters/${n}${anchor === undefined ? '' : `#${anchor}`}`,
  chapters: () => '/app/chapters',
  targets: () => '/app/targets',
  place: () => undefined,
  note: () => undefined,
  chapterFeed: () => undefined,
  measure: (id) => `/app/measures/${id}`,
  measureFeed: () => undefined,
  measureList: () => undefined,
  department: () => undefined,
  placePage: () => undefined,
};

const hrefsOf = (html: string): string[] =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');

describe('links are injected', () => {
  it('the home page links each chapter through links.chapter', () => {
    const html = renderToStaticMarkup(
      <ReportViews lang="zh" links={inApp}>
        <HomePage report={canonicalReport} />
      </ReportViews>,
    );
    expect(hrefsOf(html)).toEqual(canonicalReport.chapters.map((c) => `/app/chapters/${c.number}`));
  });

  it('a chapter links only inside the app or the page, and names places without a link where there is no page', () => {
    const chapter = canonicalReport.chapters.find((c) =>
      c.sections.some((s) => s.measures.some((m) => m.places.length > 0)),
    );
    expect(chapter).toBeDefined();
    if (chapter === undefined) return;
    const html = renderToStaticMarkup(
      <ReportViews lang="zh" links={inApp}>
        <ChapterPage report={canonicalReport} chapter={chapter} />
      </ReportViews>,
    );
    const hrefs = hrefsOf(html);
    expect(
      hrefs.filter((h) => !/^\/app\/(?:chapters|measures)\//.test(h) && !h.startsWith('#')),
    ).toEqual([]);
    expect(html).not.toContain('.atom');
    const firstPlace = chapter.sections
      .flatMap((s) => s.measures)
      .flatMap((m) => m.places)
      .map((id) => canonicalReport.places.find((p) => p.id === id)?.name)[0];
    expect(html).toMatch(new RegExp(`<a lang="zh-CN">${firstPlace ?? '?'}</a>`));
  });

  it('the targets page sends its form to links.targets and links each target’s measure in its chapter', () => {
    const html = renderToStaticMarkup(
      <ReportViews lang="zh" links={inApp}>
        <TargetsPage report={canonicalReport} query={IndicatorQuerySchema.parse({})} />
      </ReportViews>,
    );
    expect(html).toContain('<form class="filters" action="/app/targets" method="get">');
    const hrefs = hrefsOf(html);
    expect(hrefs).toContain('/app/chapters/1#m38');
    expect(hrefs.filter((h) => !/^\/app\/(?:targets\?|chapters\/\d+#m\d+$)/.test(h))).toEqual([]);
  });

  it('the places and source pages link measures, places and notes through the links they are given', () => {
    const links: ViewLinks = {
      ...inApp,
      place: (id) => `/app/places#place-${id}`,
      note: (id) => `/app/source#${id}`,
    };
    const places = renderToStaticMarkup(
      <ReportViews lang="zh" links={links}>
        <PlacesPage report={canonicalReport} />
      </ReportViews>,
    );
    expect(
      hrefsOf(places).filter((h) => !/^(?:#place-|\/app\/chapters\/\d+#m\d+$)/.test(h)),
    ).toEqual([]);
    const source = renderToStaticMarkup(
      <ReportViews lang="zh" links={links}>
        <SourcePage report={canonicalReport} />
      </ReportViews>,
    );
    const outside = hrefsOf(source).filter((h) => !h.startsWith('#'));
    expect(outside.length).toBeGreaterThan(0);
    const inside =
      /^\/app\/(?:chapters\/\d+(?:#\S+)?|measures\/m\d+|places#place-\S+|source#\S+|#\S+)$/;
    expect(outside.filter((h) => !inside.test(h))).toEqual([]);
  });

  it('refuses to render outside <ReportViews>, naming it', () => {
    expect(() => renderToStaticMarkup(<HomePage report={canonicalReport} />)).toThrow(
      'useView outside <ReportViews>',
    );
  });
});
