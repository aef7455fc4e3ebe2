import { snippetParts } from '@leshan/report-core/search';
import { SearchKindSchema } from '@leshan/report-core/search';
import type { SearchKind } from '@leshan/report-core/search';
import { NODE_KIND_LABELS } from '@leshan/report-core/labels';
import type { Report } from '@leshan/report-core';
import type { LocatedPage } from '../../server/search/run-search.js';
import { usePage } from '../context.js';
import type { Lang } from '../i18n.js';
import { labelsFor, localPath } from '../i18n.js';
import { Island } from '../island.js';
import { SearchExplorer } from '../islands/search-explorer.js';
import type { SearchFiltersView, SearchProps } from '../islands/search-types.js';

export function searchProps(
  report: Report,
  lang: Lang,
  filters: SearchFiltersView,
  result: LocatedPage,
  indexHref: string,
): SearchProps {
  const t = labelsFor(lang);
  return {
    lang,
    action: localPath(lang, '/search'),
    prefix: lang === 'en' ? '/en' : '',
    indexHref,
    filters,
    results: {
      q: filters.q,
      total: result.total,
      offset: result.offset,
      limit: result.limit,
      suggestions: result.suggestions,
      hits: result.hits.map((h) => ({
        nodeId: h.nodeId,
        kind: h.kind,
        ...(h.chapterNumber === undefined ? {} : { chapterNumber: h.chapterNumber }),
        ...(h.sectionId === undefined ? {} : { sectionId: h.sectionId }),
        parts: snippetParts(h),
      })),
    },
    chapters: report.chapters.map((c) => ({
      number: c.number,
      label: t.chapterLabel(c.number),
    })),
    kindLabels: Object.fromEntries(
      SearchKindSchema.options.map((k) => [k, NODE_KIND_LABELS[k][lang]]),
    ) as Record<SearchKind, string>,
  };
}

/** Search: server-rendered results for the query string, live results as you type once hydrated. */
export function SearchPage({ props }: { props: SearchProps }) {
  const { pick } = usePage();
  return (
    <>
      <h1>{pick('搜索', 'Search')}</h1>
      <p className="lede">
        {pick(
          '搜索举措、章节标题、主要目标和编辑说明。繁体、简体均可；多个词用空格分开，须同时出现。',
          'Search measures, headings, goals and editorial notes, in simplified or traditional characters. Separate words with spaces; all must match.',
        )}
      </p>
      <Island name="search" props={props}>
        <SearchExplorer {...props} />
      </Island>
    </>
  );
}
